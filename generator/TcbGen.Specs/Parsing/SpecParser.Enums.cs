using System.Collections.Generic;
using TcbGen.Specs.Model;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    internal static partial class SpecParser
    {
        private static readonly string[] EnumEntryProperties = { "value", "name", "description" };

        private static readonly string[] RequiredWhenProperties = { "field", "equals" };

        private static TypeRef? ParseEnum(SpecParseContext context, SpecObjectReader reader, DerivedTypeName derivedName, bool isString, bool requestSide)
        {
            JsonArray? values = reader.Array("enum");
            string? typeName = ParseTypeName(context, reader, derivedName);
            if (values == null || typeName == null)
            {
                return null;
            }

            if (values.Items.Length == 0)
            {
                context.Report(SpecDiagnosticIds.InvalidEnum, "'enum' must list at least one value.", values);
                return null;
            }

            var members = new List<EnumMemberSpec>();
            var names = new HashSet<string>();
            var wireValues = new HashSet<string>();
            var memberJsons = new List<JsonNode>();
            foreach (JsonNode item in values.Items)
            {
                EnumMemberSpec? member = ParseEnumMember(context, item, isString, members.Count + 1);
                if (member == null)
                {
                    continue;
                }

                string wireValue = member.StringValue ?? member.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!names.Add(member.Name))
                {
                    context.Report(SpecDiagnosticIds.InvalidEnum, $"Enum member name '{member.Name}' is used twice in {typeName}.", item);
                }
                else if (member.Name == typeName)
                {
                    context.Report(SpecDiagnosticIds.ReservedName, $"Enum member '{member.Name}' is named like its enum, which C# forbids; choose another 'name'.", item);
                }
                else if (isString && !requestSide && ReservedNames.ExtensibleEnumMembers.Contains(member.Name))
                {
                    context.Report(SpecDiagnosticIds.ReservedName, $"A response string enum becomes a struct that already has a member '{member.Name}' (or is named so); choose another 'name'.", item);
                }
                else if (!wireValues.Add(wireValue))
                {
                    context.Report(SpecDiagnosticIds.InvalidEnum, $"Enum value {wireValue} is listed twice in {typeName}.", item);
                }
                else
                {
                    members.Add(member);
                    memberJsons.Add(item);
                }
            }

            if (isString && !requestSide)
            {
                // Each member is a static property: 'get_Fast' or 'set_Fast' beside 'Fast' is an accessor's name (CS0082, CS0102).
                for (int i = 0; i < members.Count; i++)
                {
                    string? accessed = ReservedNames.AccessedProperty(members[i].Name);
                    if (accessed != null && names.Contains(accessed))
                    {
                        context.Report(SpecDiagnosticIds.ReservedName, $"Enum member '{members[i].Name}' is the accessor of the member '{accessed}' of the response enum's struct, which C# reserves (CS0082); choose another 'name'.", memberJsons[i]);
                    }
                }
            }

            context.Enums.Add(new EnumSpec(typeName, isString, reader.String("description")?.Value, members.ToEquatableArray(), requestSide, NameSpan: NameSpan(context, reader)));
            return new TypeRef(isString ? TypeKind.StringEnum : TypeKind.IntegerEnum, typeName);
        }

        /// <summary>
        /// One <c>{ "value", "name", "description" }</c> entry. String enum members are numbered from 1 in
        /// C#, so that an unset (default) value is never a valid member and validation catches it.
        /// </summary>
        private static EnumMemberSpec? ParseEnumMember(SpecParseContext context, JsonNode item, bool isString, int ordinal)
        {
            if (item is not JsonObject json)
            {
                context.Report(SpecDiagnosticIds.WrongJsonType, $"Each enum entry must be an object {{ \"value\", \"name\" }}, not {item.KindName}.", item);
                return null;
            }

            var reader = new SpecObjectReader(context, json, "an enum entry", EnumEntryProperties);
            JsonString? name = reader.String("name", required: true);
            string? description = reader.String("description")?.Value;
            JsonProperty? value = reader.Property("value");
            if (value == null)
            {
                reader.String("value", required: true);
                return null;
            }

            if (name == null || !context.CheckIdentifier(name.Value, NameRole.Member, "enum member '{0}'", name.Value, name, "Choose another 'name'."))
            {
                return null;
            }

            if (isString)
            {
                if (value.Value is JsonString text)
                {
                    return new EnumMemberSpec(name.Value, text.Value, ordinal, description);
                }

                context.Report(SpecDiagnosticIds.InvalidEnum, $"The value of a string enum member must be a string, not {value.Value.KindName}.", value.Value);
                return null;
            }

            if (value.Value is JsonNumber number && number.TryGetInt64(out long integer) && integer >= int.MinValue && integer <= int.MaxValue)
            {
                return new EnumMemberSpec(name.Value, null, integer, description);
            }

            context.Report(SpecDiagnosticIds.InvalidEnum, "The value of an integer enum member must be a 32-bit integer.", value.Value);
            return null;
        }

        private static RequiredWhenSpec? ParseRequiredWhen(SpecParseContext context, JsonObject json, int index, List<FieldSpec> siblings, Dictionary<string, int> byWireName)
        {
            var reader = new SpecObjectReader(context, json, "'requiredWhen'", RequiredWhenProperties);
            JsonString? other = reader.String("field", required: true);
            JsonProperty? equals = reader.Property("equals");
            if (equals == null)
            {
                reader.String("equals", required: true);
            }

            if (other == null || equals == null)
            {
                return null;
            }

            FieldSpec field = siblings[index];
            FieldSpec? discriminator = byWireName.TryGetValue(other.Value, out int at) && at != index ? siblings[at] : null;
            if (discriminator == null)
            {
                context.Report(SpecDiagnosticIds.RequiredWhenFieldMissing, $"'requiredWhen' of '{field.WireName}' names '{other.Value}', which is not another field of the same object.", other);
                return null;
            }

            ConstantValue? value = ParseDiscriminatorValue(context, discriminator, equals.Value);
            return value == null ? null : new RequiredWhenSpec(discriminator.WireName, discriminator.PropertyName, value);
        }

        /// <summary>
        /// <c>"default"</c>: the value WeChat assumes when the field is not sent, of the field's own type (a wire value for
        /// an enum). Strings, booleans, integers, numbers and enums have one.
        /// </summary>
        private static ConstantValue? ParseFieldValue(SpecParseContext context, FieldSpec field, JsonNode value, string property)
        {
            if (field.Type.Info.Literal == null || field.Type.IsReference)
            {
                context.Report(SpecDiagnosticIds.NotApplicable, $"'{property}' applies to strings, booleans, integers, numbers and enums only (not times or JSON text); say a default of '{field.WireName}' in its description.", value);
                return null;
            }

            int before = context.Diagnostics.Count;
            ConstantValue? parsed = ParseDiscriminatorValue(context, field, value);
            if (parsed == null && context.Diagnostics.Count == before + 1)
            {
                SpecDiagnostic reported = context.Diagnostics[before];
                context.Diagnostics[before] = reported with { Id = SpecDiagnosticIds.InvalidValue, Message = $"'{property}' must be a value '{field.WireName}' can hold ({field.Type.Info.WireDescription}{(field.Type.IsEnum ? ", one of its enum values" : string.Empty)})." };
            }

            return parsed;
        }

        private static ConstantValue? ParseDiscriminatorValue(SpecParseContext context, FieldSpec discriminator, JsonNode value)
        {
            TypeRef type = discriminator.Type;
            FieldType info = type.Info;
            switch (info.Literal)
            {
                case ConstantKind.String when value is JsonString text:
                    return new ConstantValue(ConstantKind.String, text.Value, 0, false);
                case ConstantKind.Boolean when value.Kind == JsonNodeKind.True || value.Kind == JsonNodeKind.False:
                    return new ConstantValue(ConstantKind.Boolean, null, 0, value.Kind == JsonNodeKind.True);
                case ConstantKind.Integer when value is JsonNumber number && number.TryGetInt64(out long integer) && info.HoldsInteger(integer):
                    return new ConstantValue(ConstantKind.Integer, null, integer, false);
                case ConstantKind.Number when value is JsonNumber real && ConstantValue.Number(real.Raw) is ConstantValue number:
                    return number;
                case ConstantKind.EnumMember:
                    EnumSpec? enumSpec = context.Enums.Find(e => e.TypeName == type.TypeName);
                    foreach (EnumMemberSpec member in enumSpec?.Members ?? EquatableArray<EnumMemberSpec>.Empty)
                    {
                        bool matches = member.StringValue != null
                            ? value is JsonString s && s.Value == member.StringValue
                            : value is JsonNumber n && n.TryGetInt64(out long v) && v == member.Value;
                        if (matches)
                        {
                            return new ConstantValue(ConstantKind.EnumMember, member.StringValue, member.Value, false, type.TypeName, member.Name);
                        }
                    }

                    context.Report(SpecDiagnosticIds.RequiredWhenValueInvalid, $"'equals' must be one of the values of '{discriminator.WireName}'.", value);
                    return null;
                case null:
                    context.Report(SpecDiagnosticIds.RequiredWhenValueInvalid, $"'{discriminator.WireName}' is {info.WireDescription}; 'requiredWhen' can only test a string, boolean, integer, number or enum field.", value);
                    return null;
                case ConstantKind.String:
                case ConstantKind.Boolean:
                case ConstantKind.Integer:
                case ConstantKind.Number:
                    context.Report(SpecDiagnosticIds.RequiredWhenValueInvalid, $"'equals' is {value.KindName}, which '{discriminator.WireName}' ({type.Kind.ToString().ToLowerInvariant()}) can never hold.", value);
                    return null;
            }

            // Not reached: every literal kind is a case above.
            return null;
        }
    }
}
