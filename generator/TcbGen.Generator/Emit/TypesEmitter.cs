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
                WriteClassDocs(writer, spec.Request, $"The request of <c>{CSharp.Xml(spec.Name)}</c>: {CSharp.Xml(spec.Title)}.");
                EmitClass(writer, spec.Request, null, options);
                writer.Line();
            }

            WriteClassDocs(writer, spec.Response, $"The response of <c>{CSharp.Xml(spec.Name)}</c>: {CSharp.Xml(spec.Title)}.");
            EmitClass(writer, spec.Response, $"{CSharp.Runtime}.TcbResponse", options);

            EmitNested(writer, spec.NestedObjects, spec.Enums, spec.Name, null, options);
        }

        /// <summary>The objects and enums a definitions file declares.</summary>
        public static string Emit(DefinitionsSpec definitions, GenerationOptions options)
        {
            var writer = new SourceWriter();
            string file = SpecFiles.NameOf(definitions.FilePath);
            writer.FileHeader(file, options.Namespace);
            EmitNested(writer, definitions.NestedObjects, definitions.Enums, null, file, options, first: true);
            writer.Close();
            return writer.ToString();
        }

        /// <summary>
        /// The nested types a file declares itself: a borrowed one is declared by the file that declares it first. An object
        /// without a description is "part of" the endpoint <paramref name="specName"/>, or "declared in" the definitions <paramref name="file"/>.
        /// </summary>
        private static void EmitNested(SourceWriter writer, EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums, string? specName, string? file, GenerationOptions options, bool first = false)
        {
            foreach (ObjectSpec nested in objects)
            {
                if (nested.IsBorrowed)
                {
                    continue;
                }

                if (!first)
                {
                    writer.Line();
                }

                first = false;
                if (nested.Description != null)
                {
                    writer.Doc("summary", $"{nested.Description:xml}");
                }
                else if (specName != null)
                {
                    writer.Doc("summary", $"Part of the {(nested.IsRequestSide ? "request" : "response")} of {specName:xml}.");
                }
                else
                {
                    writer.Doc("summary", $"Declared in {file:xml}.");
                }

                EmitClass(writer, nested, null, options);
            }

            foreach (EnumSpec enumSpec in enums)
            {
                if (enumSpec.IsBorrowed)
                {
                    continue;
                }

                if (!first)
                {
                    writer.Line();
                }

                first = false;
                if (enumSpec.IsExtensible)
                {
                    EmitExtensibleEnum(writer, enumSpec, options);
                }
                else
                {
                    EmitEnum(writer, enumSpec, options);
                }
            }
        }

        /// <summary>A request's or response's summary, and its description as remarks unless the summary already says it.</summary>
        private static void WriteClassDocs(SourceWriter writer, ObjectSpec type, string summaryXml)
        {
            writer.Doc("summary", summaryXml);
            if (type.Description != null && !summaryXml.Contains(CSharp.Xml(type.Description)))
            {
                writer.Doc("remarks", CSharp.Xml(type.Description));
            }
        }

        /// <summary>A class after its docs: its constructor (required fields, without required members) and properties.</summary>
        private static void EmitClass(SourceWriter writer, ObjectSpec type, string? baseType, GenerationOptions options)
        {
            bool requiredMembers = options.UseRequiredMembers && type.IsRequestSide;
            List<FieldSpec>? constructorFields = type.IsRequestSide && !options.UseRequiredMembers
                ? type.Fields.Where(f => f.Required).ToList()
                : null;

            writer.Line(CSharp.GeneratedCodeAttribute);
            if (baseType == null)
            {
                writer.Open($"{options.TypeAccessibility} sealed partial class {type.TypeName}");
            }
            else
            {
                writer.Open($"{options.TypeAccessibility} sealed partial class {type.TypeName} : {baseType}");
            }

            if (constructorFields?.Count > 0)
            {
                EmitConstructor(writer, type, constructorFields, options);
            }

            bool first = !(constructorFields?.Count > 0);
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
            writer.Doc("summary", $"Creates a <see cref=\"{type.TypeName}\"/> with its required fields.");
            foreach (FieldSpec field in fields)
            {
                WriteFieldDocs(writer, field, CSharp.ParameterName(field.PropertyName).TrimStart('@'));
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
            WriteFieldDocs(writer, field, paramName: null);
            WriteRemarks(writer, field, requestSide);
            if (field.RequiredWhen != null)
            {
                writer.Line($"[{CSharp.Runtime}.RequiredWhen({field.RequiredWhen.FieldPropertyName:literal}, {CSharp.Constant(field.RequiredWhen.Value, options.Namespace)})]");
            }

            if (field.Secret)
            {
                // Kept out of debugger views; generated types have no ToString of their own to leak it through.
                writer.Line("[global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]");
            }

            bool required = requestSide && field.Required;
            string modifier = required && requiredMembers ? "required " : string.Empty;
            writer.Line($"public {modifier}{CSharp.TypeOf(field.Type, options.Namespace, nullable: !required)} {field.PropertyName} {{ get; set; }}");
        }

        /// <summary>A field's summary (or, with <paramref name="paramName"/>, its constructor parameter's doc): its description, else its wire name.</summary>
        private static void WriteFieldDocs(SourceWriter writer, FieldSpec field, string? paramName)
        {
            if (paramName == null)
            {
                writer.OpenDoc("summary");
            }
            else
            {
                writer.OpenDoc("param", $" name=\"{paramName}\"");
            }

            if (field.Description != null)
            {
                writer.Write($"{field.Description:xml}");
            }
            else
            {
                writer.Write($"The {field.WireName:xml} field.");
            }

            writer.CloseDoc();
        }

        /// <summary>A field's remarks: how it is sent or read, then its constraints, default, secrecy and time format.</summary>
        private static void WriteRemarks(SourceWriter writer, FieldSpec field, bool requestSide)
        {
            writer.OpenDoc("remarks");
            WriteRequirement(writer, field, requestSide);
            if (field.Constraints != null)
            {
                writer.Write($" Constraint: {field.Constraints.Describe():xml}.");
            }

            WriteItemConstraints(writer, field.Type, "Each item");
            if (field.Default != null)
            {
                writer.Write($" Default when not sent: <c>{field.Default.WireText:xml}</c>; it is not sent unless you set it.");
            }

            if (field.Secret)
            {
                writer.Write($" Secret: hidden from the debugger, and masked in error excerpts and in the emulator's records.");
            }

            WriteTimeDocs(writer, field.Type);
            writer.CloseDoc();
        }

        /// <summary>For a time, or an array of times: its wire form, since the C# type (<c>TcbTime</c>) does not say it.</summary>
        private static void WriteTimeDocs(SourceWriter writer, TypeRef type)
        {
            while (type.Items != null)
            {
                type = type.Items;
            }

            if (type.Info.Time != null)
            {
                writer.Write($" On the wire: {type.Info.WireDescription:xml}; a value WeChat sends otherwise is kept in <see cref=\"{CSharp.Runtime}.TcbTime.Raw\"/>.");
            }
        }

        /// <summary>An array's element constraints, at every depth: "Each item: at most 32 characters."</summary>
        private static void WriteItemConstraints(SourceWriter writer, TypeRef type, string subject)
        {
            for (TypeRef? items = type.Items; items != null; items = items.Items, subject = "Each item of an item")
            {
                if (items.Constraints != null)
                {
                    writer.Write($" {subject}: {items.Constraints.Describe():xml}.");
                }
            }
        }

        private static void WriteRequirement(SourceWriter writer, FieldSpec field, bool requestSide)
        {
            if (field.Location == FieldLocation.Query)
            {
                writer.Write($"Query parameter: <c>{field.WireName:xml}</c>.");
            }
            else
            {
                writer.Write($"Wire name: <c>{field.WireName:xml}</c>.");
            }

            if (!requestSide)
            {
                writer.Write($"{(field.RequiredInResponse ? " Always sent: a successful response without it fails with <see cref=\"global::TcbGen.Runtime.TcbProtocolException\"/> (errcode 0)." : " Absent from the response when <see langword=\"null\"/>.")}");
            }
            else if (field.Required)
            {
                writer.Write($" Required.");
            }
            else if (field.RequiredWhen != null)
            {
                writer.Write($" Required when <c>{field.RequiredWhen.FieldWireName:xml}</c> is <c>{field.RequiredWhen.Value.WireText:xml}</c>; otherwise optional. Not sent when <see langword=\"null\"/>.");
            }
            else
            {
                writer.Write($" Optional; not sent when <see langword=\"null\"/>.");
            }
        }

        /// <summary>
        /// A response string enum: a readonly struct that keeps any wire value and compares by it (the Azure SDK's
        /// extensible enum), so a value WeChat adds later reads as itself instead of failing a successful call.
        /// </summary>
        private static void EmitExtensibleEnum(SourceWriter writer, EnumSpec enumSpec, GenerationOptions options)
        {
            string ns = options.Namespace;
            string name = enumSpec.TypeName;
            string type = $"global::{ns}.{name}";
            WriteEnumDocs(writer, enumSpec);
            writer.Doc("remarks", "Read from responses: a value the spec does not list is kept as is (see <see cref=\"ToString\"/> and <see cref=\"IsKnown\"/>), never an error.");
            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} readonly partial struct {name} : global::System.IEquatable<{type}>");
            writer.Line("private readonly string? _value;");
            writer.Line();
            writer.Doc("summary", "Creates a value from its wire text, listed by the spec or not.");
            writer.Param("value", "The wire value.");
            writer.Open($"public {name}(string value)");
            writer.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Close();
            foreach (EnumMemberSpec member in enumSpec.Members)
            {
                writer.Line();
                WriteMemberDocs(writer, member);
                writer.Line($"public static {type} {member.Name} {{ get; }} = new {type}({member.StringValue!:literal});");
            }

            writer.Line();
            writer.Doc("summary", "Whether the value is one the spec lists.");
            writer.Write("public bool IsKnown => ");
            for (int i = 0; i < enumSpec.Members.Count; i++)
            {
                writer.Write($"{(i == 0 ? string.Empty : " || ")}_value == {enumSpec.Members[i].StringValue!:literal}");
            }

            writer.Line(";");
            writer.Line();
            writer.Doc("summary", "The wire value, as WeChat sent it; empty for <see langword=\"default\"/>.");
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
            writer.Doc("summary", "Compares two values by their wire text.");
            writer.Param("left", "One value.");
            writer.Param("right", "The other value.");
            writer.Doc("returns", "Whether the wire texts are equal.");
            writer.Line($"public static bool operator ==({type} left, {type} right) => left.Equals(right);");
            writer.Line();
            writer.Doc("summary", "Compares two values by their wire text.");
            writer.Param("left", "One value.");
            writer.Param("right", "The other value.");
            writer.Doc("returns", "Whether the wire texts differ.");
            writer.Line($"public static bool operator !=({type} left, {type} right) => !left.Equals(right);");
            writer.Line();
            writer.Doc("summary", "Wraps a wire value.");
            writer.Param("value", "The wire value.");
            writer.Doc("returns", "The value.");
            writer.Line($"public static implicit operator {type}(string value) => new {type}(value);");
            writer.Close();
        }

        /// <summary>An enum's summary: its description, else a plain one.</summary>
        private static void WriteEnumDocs(SourceWriter writer, EnumSpec enumSpec)
        {
            if (enumSpec.Description != null)
            {
                writer.Doc("summary", $"{enumSpec.Description:xml}");
            }
            else
            {
                writer.Doc("summary", $"The values of {enumSpec.TypeName:xml}.");
            }
        }

        /// <summary>An enum member's summary: its description, then its wire value (<c>"text"</c> or a number).</summary>
        private static void WriteMemberDocs(SourceWriter writer, EnumMemberSpec member)
        {
            writer.OpenDoc("summary");
            if (member.Description != null)
            {
                writer.Write($"{member.Description:xml} ");
            }

            if (member.StringValue != null)
            {
                writer.Write($"Wire value <c>\"{member.StringValue:xml}\"</c>.");
            }
            else
            {
                writer.Write($"Wire value <c>{member.Value}</c>.");
            }

            writer.CloseDoc();
        }

        private static void EmitEnum(SourceWriter writer, EnumSpec enumSpec, GenerationOptions options)
        {
            WriteEnumDocs(writer, enumSpec);
            if (enumSpec.IsString)
            {
                writer.Doc("remarks", "Sent as the string named on each member. Members are numbered from 1 so that an unset value is never valid.");
            }

            writer.Line(CSharp.GeneratedCodeAttribute);
            writer.Open($"{options.TypeAccessibility} enum {enumSpec.TypeName}");
            for (int i = 0; i < enumSpec.Members.Count; i++)
            {
                EnumMemberSpec member = enumSpec.Members[i];
                WriteMemberDocs(writer, member);
                writer.Line($"{member.Name} = {member.Value},");
                if (i < enumSpec.Members.Count - 1)
                {
                    writer.Line();
                }
            }

            writer.Close();
        }
    }
}
