using System.Collections.Generic;
using System.Text;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// Emits <c>&lt;Prefix&gt;Serializer</c>: writes requests with <c>Utf8JsonWriter</c> and reads responses with
    /// <c>Utf8JsonReader</c>, no reflection. Property names are encoded once, in static fields.
    /// </summary>
    internal static partial class SerializerEmitter
    {
        public static void Emit(SourceWriter writer, EndpointSpec spec, GenerationOptions options)
        {
            var context = new SerializerContext(spec, options.Namespace, options.UseRequiredMembers);
            writer.Doc("summary", $"Writes the request and reads the response of <c>{spec.Name:xml}</c> as JSON, without reflection.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"internal static class {spec.SerializerClassName}");

            foreach (string wireName in context.WrittenNames)
            {
                writer.Line($"private static readonly {CSharp.Json}.JsonEncodedText {context.EncodedField(wireName)} = {CSharp.Json}.JsonEncodedText.Encode({wireName:literal});");
            }

            foreach (string wireName in context.ReadNames)
            {
                writer.Line($"private static readonly byte[] {context.Utf8Field(wireName)} = global::System.Text.Encoding.UTF8.GetBytes({wireName:literal});");
            }

            foreach (ObjectSpec type in context.RequestObjects)
            {
                // A request without a body has its root written only to the query.
                if (type != spec.Request || spec.FieldsInBody)
                {
                    writer.Line();
                    EmitWriter(writer, context, type);
                }
            }

            if (spec.HasQuery)
            {
                writer.Line();
                EmitQueryWriter(writer, context, spec.Request!);
            }

            writer.Line();
            EmitReadEntry(writer, context, spec);
            foreach (ObjectSpec type in context.ResponseObjects)
            {
                writer.Line();
                EmitReader(writer, context, type, isEnvelope: type == spec.Response);
            }

            foreach (EnumSpec enumSpec in spec.Enums)
            {
                if (!enumSpec.IsString || enumSpec.IsExtensible)
                {
                    continue;
                }

                writer.Line();
                EmitStringEnumConversions(writer, enumSpec, options.Namespace);
            }

            writer.Close();
        }

        private static void EmitStringEnumConversions(SourceWriter writer, EnumSpec enumSpec, string ns)
        {
            writer.Open($"internal static string {enumSpec.TypeName}ToWire(global::{ns}.{enumSpec.TypeName} value)");
            writer.Open("switch (value)");
            foreach (EnumMemberSpec member in enumSpec.Members)
            {
                writer.Line($"case global::{ns}.{enumSpec.TypeName}.{member.Name}: return {member.StringValue!:literal};");
            }

            writer.Line($"default: throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"{enumSpec.TypeName} has no such member.\");");
            writer.Close();
            writer.Close();
        }

        /// <summary>Fills a catalog format (see <see cref="FieldType"/>) where it is written: {0} the value, {1} the generated type's full name, {2} its simple name.</summary>
        private static CatalogExpression Format(string format, ValueAccess value, TypeRef type, SerializerContext context) =>
            new CatalogExpression(format, value, type, context.Namespace);

        /// <summary>Which objects are written or read, and the static field that holds each wire name.</summary>
        private sealed class SerializerContext
        {
            private readonly Dictionary<string, string> _encodedFields;
            private readonly Dictionary<string, string> _utf8Fields;

            /// <summary>
            /// The field names given out, made only once a wire name is renamed (a character replaced, or cut at the length
            /// limit): until then each field is its prefix and its wire name, which are distinct, so no two can clash.
            /// </summary>
            private HashSet<string>? _taken;

            public SerializerContext(EndpointSpec spec, string ns, bool useRequiredMembers)
            {
                Namespace = ns;
                UseRequiredMembers = useRequiredMembers;
                RequestObjects = new List<ObjectSpec>();
                if (spec.Request != null)
                {
                    RequestObjects.Add(spec.Request);
                }

                ResponseObjects = new List<ObjectSpec> { spec.Response };
                foreach (ObjectSpec nested in spec.NestedObjects)
                {
                    (nested.IsRequestSide ? RequestObjects : ResponseObjects).Add(nested);
                }

                // Sized once: grown step by step, the tables cost more than the names they hold.
                _encodedFields = new Dictionary<string, string>(CountFields(RequestObjects));
                _utf8Fields = new Dictionary<string, string>(CountFields(ResponseObjects) + 2);
                var fieldName = new StringBuilder();
                WrittenNames = new List<string>();
                foreach (ObjectSpec type in RequestObjects)
                {
                    foreach (FieldSpec field in type.Fields)
                    {
                        if (field.Location == FieldLocation.Body && !_encodedFields.ContainsKey(field.WireName))
                        {
                            WrittenNames.Add(field.WireName);
                            _encodedFields[field.WireName] = Unique(fieldName, "Encoded_", field.WireName);
                        }
                    }
                }

                ReadNames = new List<string>();
                AddReadName(fieldName, "errcode");
                AddReadName(fieldName, "errmsg");
                foreach (ObjectSpec type in ResponseObjects)
                {
                    foreach (FieldSpec field in type.Fields)
                    {
                        AddReadName(fieldName, field.WireName);
                    }
                }
            }

            public string Namespace { get; }

            /// <summary>Whether required request fields are C# <c>required</c> members rather than constructor parameters.</summary>
            public bool UseRequiredMembers { get; }

            public List<ObjectSpec> RequestObjects { get; }

            public List<ObjectSpec> ResponseObjects { get; }

            public List<string> WrittenNames { get; }

            public List<string> ReadNames { get; }

            public string EncodedField(string wireName) => _encodedFields[wireName];

            public string Utf8Field(string wireName) => _utf8Fields[wireName];

            private void AddReadName(StringBuilder fieldName, string wireName)
            {
                if (!_utf8Fields.ContainsKey(wireName))
                {
                    ReadNames.Add(wireName);
                    _utf8Fields[wireName] = Unique(fieldName, "Utf8_", wireName);
                }
            }

            private static int CountFields(List<ObjectSpec> objects)
            {
                int count = 0;
                foreach (ObjectSpec type in objects)
                {
                    count += type.Fields.Count;
                }

                return count;
            }

            /// <summary>The field for a wire name, <paramref name="prefix"/> and <see cref="CSharp.AppendWireNameField"/>, numbered when taken.</summary>
            private string Unique(StringBuilder fieldName, string prefix, string wireName)
            {
                fieldName.Clear().Append(prefix);
                CSharp.AppendWireNameField(fieldName, wireName);
                string candidate = fieldName.ToString();
                if (_taken == null)
                {
                    if (candidate.Length == prefix.Length + wireName.Length && string.CompareOrdinal(candidate, prefix.Length, wireName, 0, wireName.Length) == 0)
                    {
                        return candidate;
                    }

                    _taken = new HashSet<string>(_encodedFields.Values);
                    _taken.UnionWith(_utf8Fields.Values);
                }

                string name = candidate;
                for (int i = 2; !_taken.Add(name); i++)
                {
                    name = candidate + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return name;
            }
        }
    }
}
