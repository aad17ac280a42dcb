using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Emit
{
    /// <summary>Emits the request, response and nested classes of one endpoint, and its field enums.</summary>
    internal static class TypesEmitter
    {
        public static void Emit(SourceWriter writer, EndpointSpec spec, GenerationOptions options)
        {
            if (spec.Request != null)
            {
                EmitClass(writer, spec.Request, $"The request of <c>{CSharp.Xml(spec.Name)}</c>: {CSharp.Xml(spec.Title)}.", null, options);
                writer.Line();
            }

            EmitClass(writer, spec.Response, $"The response of <c>{CSharp.Xml(spec.Name)}</c>: {CSharp.Xml(spec.Title)}.", $"{CSharp.Runtime}.TcbResponse", options);

            EmitNested(writer, spec.NestedObjects, spec.Enums, side => $"Part of the {side} of {spec.Name}.", options);
        }

        /// <summary>The objects and enums a definitions file declares.</summary>
        public static string Emit(DefinitionsSpec definitions, GenerationOptions options)
        {
            var writer = new SourceWriter();
            string file = SourceWriter.FileName(definitions.FilePath);
            writer.FileHeader(file, options.Namespace);
            EmitNested(writer, definitions.NestedObjects, definitions.Enums, _ => $"Declared in {file}.", options, first: true);
            writer.Close();
            return writer.ToString();
        }

        /// <summary>The nested types a file declares itself: a borrowed one is declared by the file that declares it first.</summary>
        private static void EmitNested(SourceWriter writer, EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums, System.Func<string, string> defaultSummary, GenerationOptions options, bool first = false)
        {
            foreach (ObjectSpec nested in objects.Where(o => !o.IsBorrowed))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                EmitClass(writer, nested, CSharp.Xml(nested.Description ?? defaultSummary(nested.IsRequestSide ? "request" : "response")), null, options);
            }

            foreach (EnumSpec enumSpec in enums.Where(e => !e.IsBorrowed))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                if (enumSpec.IsExtensible)
                {
                    EmitExtensibleEnum(writer, enumSpec, options.Namespace);
                }
                else
                {
                    EmitEnum(writer, enumSpec);
                }
            }
        }

        private static void EmitClass(SourceWriter writer, ObjectSpec type, string summaryXml, string? baseType, GenerationOptions options)
        {
            bool requiredMembers = options.UseRequiredMembers && type.IsRequestSide;
            List<FieldSpec> constructorFields = type.IsRequestSide && !options.UseRequiredMembers
                ? type.Fields.Where(f => f.Required).ToList()
                : new List<FieldSpec>();

            writer.Summary(summaryXml);
            if (type.Description != null && !summaryXml.Contains(CSharp.Xml(type.Description)))
            {
                writer.Doc("remarks", CSharp.Xml(type.Description));
            }

            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public sealed partial class {type.TypeName}{(baseType == null ? string.Empty : " : " + baseType)}");

            if (constructorFields.Count > 0)
            {
                EmitConstructor(writer, type, constructorFields, options);
            }

            bool first = constructorFields.Count == 0;
            foreach (FieldSpec field in type.Fields)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                EmitProperty(writer, field, type.IsRequestSide, requiredMembers, options);
            }

            writer.Close();
        }

        private static void EmitConstructor(SourceWriter writer, ObjectSpec type, List<FieldSpec> fields, GenerationOptions options)
        {
            writer.Summary($"Creates a <see cref=\"{type.TypeName}\"/> with its required fields.");
            foreach (FieldSpec field in fields)
            {
                writer.Param(CSharp.ParameterName(field.PropertyName).TrimStart('@'), FieldDocs(field));
            }

            string parameters = string.Join(", ", fields.Select(f => $"{CSharp.TypeOf(f.Type, options.Namespace, nullable: false)} {CSharp.ParameterName(f.PropertyName)}"));
            writer.Open($"public {type.TypeName}({parameters})");
            foreach (FieldSpec field in fields)
            {
                writer.Line($"this.{field.PropertyName} = {CSharp.ParameterName(field.PropertyName)};");
            }

            writer.Close();
            writer.Line();
        }

        private static void EmitProperty(SourceWriter writer, FieldSpec field, bool requestSide, bool requiredMembers, GenerationOptions options)
        {
            writer.Summary(FieldDocs(field));
            writer.Doc("remarks", Requirement(field, requestSide) + Constraints(field) + DefaultDocs(field) + SecretDocs(field) + TimeDocs(field.Type));
            if (field.RequiredWhen != null)
            {
                writer.Line($"[{CSharp.Runtime}.RequiredWhen({CSharp.Literal(field.RequiredWhen.FieldPropertyName)}, {CSharp.Constant(field.RequiredWhen.Value, options.Namespace)})]");
            }

            if (field.Secret)
            {
                // Kept out of debugger views; generated types have no ToString of their own to leak it through.
                writer.Line("[global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]");
            }

            bool required = requestSide && field.Required;
            CSharpType type = CSharp.TypeOf(field.Type, options.Namespace, nullable: !required);
            string modifier = required && requiredMembers ? "required " : string.Empty;
            writer.Line($"public {modifier}{type} {field.PropertyName} {{ get; set; }}");
        }

        /// <summary>For a time, or an array of times: its wire form, since the C# type (<c>TcbTime</c>) does not say it.</summary>
        private static string TimeDocs(TypeRef type)
        {
            while (type.Items != null)
            {
                type = type.Items;
            }

            return type.Info.Time == null ? string.Empty : $" On the wire: {CSharp.Xml(type.Info.WireDescription)}; a value WeChat sends otherwise is kept in <see cref=\"{CSharp.Runtime}.TcbTime.Raw\"/>.";
        }

        private static string SecretDocs(FieldSpec field) =>
            field.Secret ? " Secret: hidden from the debugger, and masked in error excerpts and in the emulator's records." : string.Empty;

        private static string DefaultDocs(FieldSpec field) =>
            field.Default == null ? string.Empty : $" Default when not sent: <c>{CSharp.Xml(field.Default.WireText)}</c>; it is not sent unless you set it.";

        private static string Constraints(FieldSpec field) =>
            (field.Constraints == null ? string.Empty : $" Constraint: {CSharp.Xml(field.Constraints.Describe())}.") + ItemConstraints(field.Type, "Each item");

        /// <summary>An array's element constraints, at every depth: "Each item: at most 32 characters."</summary>
        private static string ItemConstraints(TypeRef type, string subject) =>
            type.Items == null
                ? string.Empty
                : (type.Items.Constraints == null ? string.Empty : $" {subject}: {CSharp.Xml(type.Items.Constraints.Describe())}.") + ItemConstraints(type.Items, "Each item of an item");

        private static string FieldDocs(FieldSpec field) =>
            CSharp.Xml(field.Description ?? $"The {field.WireName} field.");

        private static string Requirement(FieldSpec field, bool requestSide)
        {
            string wire = field.Location == FieldLocation.Query
                ? $"Query parameter: <c>{CSharp.Xml(field.WireName)}</c>."
                : $"Wire name: <c>{CSharp.Xml(field.WireName)}</c>.";
            if (!requestSide)
            {
                return field.RequiredInResponse
                    ? wire + " Always sent: a successful response without it fails with <see cref=\"global::TcbGen.Runtime.TcbProtocolException\"/> (errcode 0)."
                    : wire + " Absent from the response when <see langword=\"null\"/>.";
            }

            if (field.Required)
            {
                return wire + " Required.";
            }

            if (field.RequiredWhen != null)
            {
                return $"{wire} Required when <c>{CSharp.Xml(field.RequiredWhen.FieldWireName)}</c> is <c>{CSharp.Xml(field.RequiredWhen.Value.WireText)}</c>; otherwise optional. Not sent when <see langword=\"null\"/>.";
            }

            return wire + " Optional; not sent when <see langword=\"null\"/>.";
        }

        /// <summary>
        /// A response string enum: a readonly struct that keeps any wire value and compares by it (the Azure SDK's
        /// extensible enum), so a value WeChat adds later reads as itself instead of failing a successful call.
        /// </summary>
        private static void EmitExtensibleEnum(SourceWriter writer, EnumSpec enumSpec, string ns)
        {
            string name = enumSpec.TypeName;
            string type = $"global::{ns}.{name}";
            writer.Summary(CSharp.Xml(enumSpec.Description ?? $"The values of {name}."));
            writer.Doc("remarks", "Read from responses: a value the spec does not list is kept as is (see <see cref=\"ToString\"/> and <see cref=\"IsKnown\"/>), never an error.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{type}>");
            writer.Line("private readonly string? _value;");
            writer.Line();
            writer.Summary("Creates a value from its wire text, listed by the spec or not.");
            writer.Param("value", "The wire value.");
            writer.Open($"public {name}(string value)");
            writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Close();
            foreach (EnumMemberSpec member in enumSpec.Members)
            {
                writer.Line();
                string wire = $"<c>\"{CSharp.Xml(member.StringValue!)}\"</c>";
                writer.Summary(member.Description == null ? $"Wire value {wire}." : $"{CSharp.Xml(member.Description)} Wire value {wire}.");
                writer.Line($"public static {type} {member.Name} {{ get; }} = new {type}({CSharp.Literal(member.StringValue!)});");
            }

            writer.Line();
            writer.Summary("Whether the value is one the spec lists.");
            writer.Line($"public bool IsKnown => {string.Join(" || ", enumSpec.Members.Select(m => $"_value == {CSharp.Literal(m.StringValue!)}"))};");
            writer.Line();
            writer.Summary("The wire value, as WeChat sent it; empty for <see langword=\"default\"/>.");
            writer.Doc("returns", "The wire value.");
            writer.Line("public override string ToString() => _value ?? string.Empty;");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public bool Equals({type} other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override bool Equals(object? obj) => obj is {type} other && Equals(other);");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override int GetHashCode() => _value == null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);");
            writer.Line();
            writer.Summary("Compares two values by their wire text.");
            writer.Param("left", "One value.");
            writer.Param("right", "The other value.");
            writer.Doc("returns", "Whether the wire texts are equal.");
            writer.Line($"public static bool operator ==({type} left, {type} right) => left.Equals(right);");
            writer.Line();
            writer.Summary("Compares two values by their wire text.");
            writer.Param("left", "One value.");
            writer.Param("right", "The other value.");
            writer.Doc("returns", "Whether the wire texts differ.");
            writer.Line($"public static bool operator !=({type} left, {type} right) => !left.Equals(right);");
            writer.Line();
            writer.Summary("Wraps a wire value.");
            writer.Param("value", "The wire value.");
            writer.Doc("returns", "The value.");
            writer.Line($"public static implicit operator {type}(string value) => new {type}(value);");
            writer.Close();
        }

        private static void EmitEnum(SourceWriter writer, EnumSpec enumSpec)
        {
            writer.Summary(CSharp.Xml(enumSpec.Description ?? $"The values of {enumSpec.TypeName}."));
            if (enumSpec.IsString)
            {
                writer.Doc("remarks", "Sent as the string named on each member. Members are numbered from 1 so that an unset value is never valid.");
            }

            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"public enum {enumSpec.TypeName}");
            for (int i = 0; i < enumSpec.Members.Count; i++)
            {
                EnumMemberSpec member = enumSpec.Members[i];
                string wire = member.StringValue != null ? $"<c>\"{CSharp.Xml(member.StringValue)}\"</c>" : $"<c>{CSharp.Integer(member.Value)}</c>";
                writer.Summary(member.Description == null ? $"Wire value {wire}." : $"{CSharp.Xml(member.Description)} Wire value {wire}.");
                writer.Line($"{member.Name} = {CSharp.Integer(member.Value)},");
                if (i < enumSpec.Members.Count - 1)
                {
                    writer.Line();
                }
            }

            writer.Close();
        }
    }
}
