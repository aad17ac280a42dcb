using System.Linq;
using TcbGen.Specs.Json;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    internal static partial class SpecParser
    {
        /// <summary>
        /// <c>"response": { "followUp": "cosFormUpload" }</c>: a kind from the <see cref="FollowUps"/> catalog, checked
        /// against the response's own fields (each field the kind needs present, and of a type that fills its member).
        /// Null when absent or wrong, with the problem located (TCB0007 an unknown kind or a request-side followUp, TCB0018 a
        /// field the kind needs missing or of another type).
        /// </summary>
        private static FollowUpKind? ParseFollowUp(SpecParseContext context, SpecObjectReader bodyReader, ObjectSpec body, JsonArray? fieldsJson, bool requestSide)
        {
            JsonString? name = bodyReader.String("followUp");
            if (name == null)
            {
                return null;
            }

            if (requestSide)
            {
                context.Report(SpecDiagnosticIds.NotApplicable, "'followUp' describes what a response's fields are for; move it to 'response'.", name);
                return null;
            }

            FollowUp? followUp = FollowUps.Find(name.Value);
            if (followUp == null)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"'followUp' is '{name.Value}'; use one of: {string.Join(", ", FollowUps.SpecNames)}.", name);
                return null;
            }

            bool fits = true;
            foreach (FollowUpMember member in followUp.Members)
            {
                FieldSpec? field = body.Fields.FirstOrDefault(f => f.WireName == member.WireName);
                if (field == null)
                {
                    if (!member.Optional)
                    {
                        context.Report(SpecDiagnosticIds.NotApplicable, $"'followUp' \"{followUp.SpecName}\" ({followUp.Purpose}) needs the response field '{member.WireName}', {member.TypeText}; the response has none.", name);
                        fits = false;
                    }
                }
                else if (field.Location != FieldLocation.Body || !member.Accepts(field.Type.Info))
                {
                    JsonNode at = (JsonNode?)FieldJson(fieldsJson, member.WireName) ?? name;
                    context.Report(SpecDiagnosticIds.NotApplicable, $"'followUp' \"{followUp.SpecName}\" reads the response field '{member.WireName}' as {member.TypeText}; this one is of another type.", at);
                    fits = false;
                }
            }

            return fits ? followUp.Kind : null;
        }

        /// <summary>The JSON of the field named <paramref name="wireName"/>, to locate a problem with it.</summary>
        private static JsonObject? FieldJson(JsonArray? fields, string wireName) =>
            fields?.Items.OfType<JsonObject>().FirstOrDefault(f => f.Find("name")?.Value is JsonString n && n.Value == wireName);
    }
}
