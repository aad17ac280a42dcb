using System.Collections.Generic;
using TcbGen.Specs.Model;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    internal static partial class SpecParser
    {
        private static EquatableArray<ErrorSpec> ParseErrors(SpecParseContext context, SpecObjectReader reader)
        {
            var errors = new List<ErrorSpec>();
            var codes = new HashSet<int>();
            var names = new HashSet<string>();
            string errorEnum = context.TypePrefix + "Error";
            foreach (JsonNode item in reader.Array("errors")?.Items ?? new List<JsonNode>())
            {
                if (item is not JsonObject json)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each error must be an object {{ \"code\", \"name\", \"message\" }}, not {item.KindName}.", item);
                    continue;
                }

                var errorReader = new SpecObjectReader(context, json, "an error", "code", "name", "message", "solution");
                JsonNumber? code = errorReader.Integer("code", required: true);
                JsonString? name = errorReader.String("name", required: true);
                JsonString? message = errorReader.String("message", required: true);
                string? solution = errorReader.String("solution")?.Value;
                if (code == null || name == null || message == null)
                {
                    continue;
                }

                code.TryGetInt64(out long value);
                if (value < int.MinValue || value > int.MaxValue)
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, "An errcode must be a 32-bit integer.", code);
                    continue;
                }

                if (!context.CheckIdentifier(name.Value, NameRole.Member, $"error {value}", name, "Choose another 'name'."))
                {
                    continue;
                }

                if (name.Value == errorEnum || name.Value == ReservedNames.AllErrorsEnum)
                {
                    context.Report(SpecDiagnosticIds.ReservedName, $"Error name '{name.Value}' is the name of the enum that holds it; choose another 'name'.", name);
                }
                else if (!codes.Add((int)value))
                {
                    context.Report(SpecDiagnosticIds.DuplicateError, $"Error code {value} is listed twice.", code);
                }
                else if (!names.Add(name.Value))
                {
                    context.Report(SpecDiagnosticIds.DuplicateError, $"Error name '{name.Value}' is used twice; two codes need two names.", name);
                }
                else
                {
                    errors.Add(new ErrorSpec((int)value, name.Value, message.Value, solution, context.Span(json)));
                }
            }

            return errors.ToEquatableArray();
        }

        private static EquatableArray<ExampleSpec> ParseExamples(SpecParseContext context, SpecObjectReader reader)
        {
            var examples = new List<ExampleSpec>();
            foreach (JsonNode item in reader.Array("examples")?.Items ?? new List<JsonNode>())
            {
                if (item is not JsonObject json)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each example must be an object, not {item.KindName}.", item);
                    continue;
                }

                var exampleReader = new SpecObjectReader(context, json, "an example", "description", "request", "response");
                string? description = exampleReader.String("description")?.Value;
                JsonObject? request = exampleReader.Object("request");
                JsonObject? response = exampleReader.Object("response");
                examples.Add(new ExampleSpec(
                    description,
                    request == null ? null : JsonText.Compact(request),
                    response == null ? null : JsonText.Compact(response)));
            }

            return examples.ToEquatableArray();
        }
    }
}
