using System.Collections.Generic;
using System.Linq;
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
            writer.Summary($"Writes the request and reads the response of <c>{CSharp.Xml(spec.Name)}</c> as JSON, without reflection.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"internal static class {spec.SerializerClassName}");

            foreach (string wireName in context.WrittenNames)
            {
                writer.Line($"private static readonly {CSharp.Json}.JsonEncodedText {context.EncodedField(wireName)} = {CSharp.Json}.JsonEncodedText.Encode({CSharp.Literal(wireName)});");
            }

            foreach (string wireName in context.ReadNames)
            {
                writer.Line($"private static readonly byte[] {context.Utf8Field(wireName)} = global::System.Text.Encoding.UTF8.GetBytes({CSharp.Literal(wireName)});");
            }

            foreach (ObjectSpec type in context.RequestObjects)
            {
                // A request without a body has its root written only to the query.
                if (type != spec.Request || spec.HasBody)
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

            foreach (EnumSpec enumSpec in spec.Enums.Where(e => e.IsString && !e.IsExtensible))
            {
                writer.Line();
                EmitStringEnumConversions(writer, enumSpec, options.Namespace);
            }

            writer.Close();
        }

        private static void EmitStringEnumConversions(SourceWriter writer, EnumSpec enumSpec, string ns)
        {
            string type = $"global::{ns}.{enumSpec.TypeName}";
            writer.Open($"internal static string {enumSpec.TypeName}ToWire({type} value)");
            writer.Open("switch (value)");
            foreach (EnumMemberSpec member in enumSpec.Members)
            {
                writer.Line($"case {type}.{member.Name}: return {CSharp.Literal(member.StringValue!)};");
            }

            writer.Line($"default: throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"{enumSpec.TypeName} has no such member.\");");
            writer.Close();
            writer.Close();
        }

        /// <summary>Fills a catalog format (see <see cref="FieldType"/>): {0} the value, {1} the generated type's full name, {2} its simple name.</summary>
        private static string Format(string format, string value, TypeRef type, SerializerContext context) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, format, value, type.TypeName == null ? string.Empty : context.Type(type.TypeName), type.TypeName);

        /// <summary>Which objects are written or read, and the static field that holds each wire name.</summary>
        private sealed class SerializerContext
        {
            private readonly Dictionary<string, string> _encodedFields = new Dictionary<string, string>();
            private readonly Dictionary<string, string> _utf8Fields = new Dictionary<string, string>();
            private readonly HashSet<string> _taken = new HashSet<string>();

            public SerializerContext(EndpointSpec spec, string ns, bool useRequiredMembers)
            {
                Namespace = ns;
                UseRequiredMembers = useRequiredMembers;
                RequestObjects = new List<ObjectSpec>();
                if (spec.Request != null)
                {
                    RequestObjects.Add(spec.Request);
                }

                RequestObjects.AddRange(spec.NestedObjects.Where(o => o.IsRequestSide));
                ResponseObjects = new List<ObjectSpec> { spec.Response };
                ResponseObjects.AddRange(spec.NestedObjects.Where(o => !o.IsRequestSide));

                WrittenNames = RequestObjects.SelectMany(o => o.Fields).Where(f => f.Location == FieldLocation.Body).Select(f => f.WireName).Distinct().ToList();
                ReadNames = new[] { "errcode", "errmsg" }.Concat(ResponseObjects.SelectMany(o => o.Fields).Select(f => f.WireName)).Distinct().ToList();
                foreach (string name in WrittenNames)
                {
                    _encodedFields[name] = Unique("Encoded_" + CSharp.WireNameField(name));
                }

                foreach (string name in ReadNames)
                {
                    _utf8Fields[name] = Unique("Utf8_" + CSharp.WireNameField(name));
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

            public string Type(string typeName) => $"global::{Namespace}.{typeName}";

            private string Unique(string candidate)
            {
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
