using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    internal static partial class SpecParser
    {
        private static readonly string[] FieldProperties =
        {
            "name", "csharpName", "type", "ref", "format", "description", "required", "requiredWhen", "enum", "typeName", "fields", "items", "in",
            "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "const", "default", "secret",
        };

        private static readonly string[] ItemProperties =
        {
            "type", "ref", "format", "description", "enum", "typeName", "fields", "items",
            "minimum", "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "const",
        };

        /// <summary>Parses a <c>fields</c> array into the object type <paramref name="typeName"/>.</summary>
        private static ObjectSpec ParseObject(SpecParseContext context, JsonArray? fieldsJson, string typeName, string? description, bool requestSide, JsonNode at)
        {
            var fields = new List<FieldSpec>();
            var requiredWhens = new List<(int Index, JsonObject Json)>();
            var names = new FieldNames();
            var fieldJsons = new List<JsonObject>();

            foreach (JsonNode item in fieldsJson?.Items ?? System.Array.Empty<JsonNode>())
            {
                if (item is not JsonObject fieldJson)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each field must be an object, not {item.KindName}.", item);
                    continue;
                }

                (FieldSpec? field, JsonObject? requiredWhen) = ParseField(context, fieldJson, typeName, requestSide);
                if (field == null)
                {
                    continue;
                }

                if (!names.TakeWireName(field.WireName))
                {
                    context.Report(SpecDiagnosticIds.DuplicateField, $"Field '{field.WireName}' is declared twice in {typeName}.", fieldJson);
                    continue;
                }

                if (!names.TakePropertyName(field.PropertyName))
                {
                    context.Report(SpecDiagnosticIds.DuplicateField, $"Two fields of {typeName} would both become the C# property '{field.PropertyName}' (names equal up to case, as constructor parameters are); set 'csharpName' on one.", fieldJson);
                    continue;
                }

                if (CheckReservedField(context, field, typeName, requestSide, fieldJson))
                {
                    fields.Add(field);
                    fieldJsons.Add(fieldJson);
                    if (requiredWhen != null)
                    {
                        requiredWhens.Add((fields.Count - 1, requiredWhen));
                    }
                }
            }

            CheckAccessorNames(context, fields, fieldJsons, typeName, !requestSide && typeName == context.ResponseTypeName);
            if (requiredWhens.Count > 0)
            {
                // By wire name once, so that each condition finds its sibling in constant time (a chain of conditions is linear).
                var byWireName = new Dictionary<string, int>(fields.Count, System.StringComparer.Ordinal);
                for (int i = 0; i < fields.Count; i++)
                {
                    byWireName[fields[i].WireName] = i;
                }

                foreach ((int index, JsonObject json) in requiredWhens)
                {
                    RequiredWhenSpec? condition = ParseRequiredWhen(context, json, index, fields, byWireName);
                    if (condition != null)
                    {
                        fields[index] = fields[index] with { RequiredWhen = condition };
                    }
                }
            }

            return new ObjectSpec(typeName, description, fields.ToEquatableArray(), requestSide, context.Span(at));
        }

        /// <summary>
        /// The wire names and C# property names an object's fields took. Wire names compare ordinally; property names up to
        /// case (<see cref="Naming.CaseFoldComparer"/>), as constructor parameters are their camelCase, so 'Env' and 'env'
        /// (or the Kelvin sign and 'K') would clash (CS0100). Searched linearly while an object has a handful of fields (most
        /// do), through sets after that, so a wide object is checked in linear time.
        /// </summary>
        private sealed class FieldNames
        {
            private const int LinearLimit = 8;

            private readonly List<string> _wireNames = new List<string>();
            private readonly List<string> _propertyNames = new List<string>();
            private HashSet<string>? _wireSet;
            private HashSet<string>? _propertySet;

            public bool TakeWireName(string name) => Take(name, _wireNames, ref _wireSet, System.StringComparer.Ordinal);

            public bool TakePropertyName(string name) => Take(name, _propertyNames, ref _propertySet, Naming.CaseFoldComparer);

            private static bool Take(string name, List<string> list, ref HashSet<string>? set, IEqualityComparer<string> comparer)
            {
                if (set != null)
                {
                    return set.Add(name);
                }

                foreach (string taken in list)
                {
                    if (comparer.Equals(taken, name))
                    {
                        return false;
                    }
                }

                list.Add(name);
                if (list.Count > LinearLimit)
                {
                    set = new HashSet<string>(list, comparer);
                }

                return true;
            }
        }

        /// <summary>
        /// A property named like another property's accessor (<c>get_Env</c> beside <c>Env</c>, or beside TcbResponse's
        /// <c>ErrorCode</c> on the response body): C# reserves that name for the accessor (CS0082), so it is TCB0017.
        /// </summary>
        private static void CheckAccessorNames(SpecParseContext context, List<FieldSpec> fields, List<JsonObject> fieldJsons, string typeName, bool isResponseRoot)
        {
            HashSet<string>? properties = null;
            string? typeAccessed = ReservedNames.AccessedProperty(typeName);
            for (int i = 0; i < fields.Count; i++)
            {
                if (typeAccessed != null && fields[i].PropertyName == typeAccessed)
                {
                    context.Report(SpecDiagnosticIds.ReservedName, $"The type '{typeName}' would hold the accessor of its property '{typeAccessed}', a member named like the type (CS0542); set another 'typeName' or 'csharpName'.", fieldJsons[i]);
                }

                string? accessed = ReservedNames.AccessedProperty(fields[i].PropertyName);
                if (accessed == null)
                {
                    continue;
                }

                if (properties == null)
                {
                    properties = new HashSet<string>(System.StringComparer.Ordinal);
                    foreach (FieldSpec field in fields)
                    {
                        properties.Add(field.PropertyName);
                    }

                    if (isResponseRoot)
                    {
                        properties.Add("ErrorCode");
                        properties.Add("ErrorMessage");
                    }
                }

                if (properties.Contains(accessed))
                {
                    context.Report(SpecDiagnosticIds.ReservedName, $"The C# name '{fields[i].PropertyName}' is the accessor of the property '{accessed}' of the same type, which C# reserves (CS0082); set another 'csharpName'.", fieldJsons[i]);
                }
            }
        }

        private static bool CheckReservedField(SpecParseContext context, FieldSpec field, string typeName, bool requestSide, JsonObject at)
        {
            if (field.PropertyName == typeName)
            {
                context.Report(SpecDiagnosticIds.ReservedName, $"Field '{field.WireName}' would become a property named like its type '{typeName}', which C# forbids; set 'csharpName'.", at);
                return false;
            }

            // Only the response body itself derives from TcbResponse; nested response objects may use these names.
            bool isResponseRoot = !requestSide && typeName == context.ResponseTypeName;
            if (isResponseRoot && (field.WireName == "errcode" || field.WireName == "errmsg"))
            {
                context.Report(SpecDiagnosticIds.ReservedName, $"'{field.WireName}' is part of every response (TcbResponse.ErrorCode/ErrorMessage); remove it from the fields.", at);
                return false;
            }

            if (isResponseRoot && (field.PropertyName == "ErrorCode" || field.PropertyName == "ErrorMessage"))
            {
                context.Report(SpecDiagnosticIds.ReservedName, $"The C# name '{field.PropertyName}' is taken by TcbResponse; set another 'csharpName'.", at);
                return false;
            }

            return true;
        }

        private static (FieldSpec? Field, JsonObject? RequiredWhen) ParseField(SpecParseContext context, JsonObject json, string ownerTypeName, bool requestSide)
        {
            var reader = new SpecObjectReader(context, json, "a field", FieldProperties);
            JsonString? wireName = reader.String("name", required: true);
            if (wireName != null && wireName.Value.Length == 0)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, "A field's 'name' must not be empty.", wireName);
                wireName = null;
            }

            string propertyName = wireName == null ? string.Empty : Naming.ToPascalCase(wireName.Value);
            JsonString? csharpName = reader.String("csharpName");
            bool nameOk = true;
            if (csharpName != null)
            {
                propertyName = csharpName.Value;
                nameOk = context.CheckIdentifier(propertyName, NameRole.Member, "field '{0}'", wireName?.Value, csharpName, "Choose another 'csharpName'.");
            }
            else if (wireName != null)
            {
                nameOk = context.CheckIdentifier(propertyName, NameRole.Member, "field '{0}'", wireName.Value, wireName, "Set 'csharpName' to a valid C# identifier.");
            }

            bool? required = reader.Boolean("required");
            JsonObject? requiredWhen = reader.Object("requiredWhen");
            bool requiredInResponse = false;
            if (!requestSide)
            {
                // "required" on a response field: WeChat always sends it. A condition cannot be checked on a response.
                ReportNotApplicable(context, reader, "requiredWhen", "a response field is required always or never");
                requiredInResponse = required == true;
                required = null;
                requiredWhen = null;
            }
            else if (required == true && requiredWhen != null)
            {
                context.Report(SpecDiagnosticIds.NotApplicable, "A field cannot be both 'required' and 'requiredWhen'; keep one.", requiredWhen);
                requiredWhen = null;
            }

            context.CurrentOwner = ownerTypeName;
            var derivedName = new DerivedTypeName(ownerTypeName == context.RequestTypeName || ownerTypeName == context.ResponseTypeName ? context.TypePrefix : ownerTypeName, propertyName);
            TypeRef? type = ParseType(context, reader, derivedName, requestSide);
            ConstraintSpec? constraints = type == null ? null : ParseConstraints(context, reader, type);
            if (wireName == null || type == null || !nameOk)
            {
                return (null, null);
            }

            FieldLocation? location = ParseLocation(context, reader, type, ownerTypeName == context.RequestTypeName);
            if (location == null)
            {
                return (null, null);
            }

            var field = new FieldSpec(wireName.Value, propertyName, reader.String("description")?.Value, type, required == true, null, context.Span(json), location.Value, constraints, Secret: reader.Boolean("secret") == true, RequiredInResponse: requiredInResponse);
            JsonProperty? defaultValue = reader.Property("default");
            if (defaultValue != null)
            {
                if (required == true)
                {
                    context.Report(SpecDiagnosticIds.NotApplicable, "A required field has no default: the caller always sets it. Remove 'default' or 'required'.", defaultValue.NameStart, defaultValue.NameEnd);
                    return (null, null);
                }

                ConstantValue? parsed = ParseFieldValue(context, field, defaultValue.Value, "default");
                if (parsed == null)
                {
                    return (null, null);
                }

                field = field with { Default = parsed };
            }

            return (field, requiredWhen);
        }

        /// <summary>
        /// <c>"in"</c>: <c>"body"</c> or <c>"query"</c>, for the request's own fields. Without it a field goes in the body,
        /// or in the query when the request has no body. Only scalars fit in a query. Null after a reported problem.
        /// </summary>
        private static FieldLocation? ParseLocation(SpecParseContext context, SpecObjectReader reader, TypeRef type, bool isRequestRoot)
        {
            JsonString? location = reader.String("in");
            if (!isRequestRoot)
            {
                ReportNotApplicable(context, reader, "in", "only the request's own fields go in the body or the query");
                return location == null ? FieldLocation.Body : null;
            }

            bool fieldsInBody = RequestBodies.HoldsFields(context.RequestBody);
            FieldLocation result = fieldsInBody ? FieldLocation.Body : FieldLocation.Query;
            if (location != null)
            {
                if (location.Value == "query")
                {
                    result = FieldLocation.Query;
                }
                else if (location.Value == "body" && fieldsInBody)
                {
                    result = FieldLocation.Body;
                }
                else
                {
                    string why = location.Value == "body"
                        ? $"this request has no body{(HttpMethods.CarriesBody(context.Method) ? " of fields (\"requestBody\": \"" + RequestBodies.WireName(context.RequestBody) + "\")" : " (" + HttpMethods.WireName(context.Method) + ")")}; use \"query\""
                        : "use \"body\" or \"query\"";
                    context.Report(SpecDiagnosticIds.InvalidValue, $"'in' is '{location.Value}': {why}.", location);
                    return null;
                }
            }

            if (result == FieldLocation.Query && !type.Info.FitsInQuery)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"A {type.Info.SpecType} cannot be sent in the query string; only strings, booleans, numbers and their enums can.", (JsonNode?)location ?? reader.Json);
                return null;
            }

            return result;
        }

        /// <summary>Parses <c>type</c> and what goes with it; <paramref name="derivedName"/> names a nested object or enum without 'typeName'.</summary>
        private static TypeRef? ParseType(SpecParseContext context, SpecObjectReader reader, DerivedTypeName derivedName, bool requestSide)
        {
            if (reader.Has("ref"))
            {
                return ParseReference(context, reader, requestSide);
            }

            JsonString? type = reader.String("type", required: true);
            reader.String("description");
            if (type == null)
            {
                return null;
            }

            string kind = type.Value;
            if (!FieldTypes.SpecTypesWithFormat.Contains(kind))
            {
                ReportNotApplicable(context, reader, "format", $"only {FieldTypes.PluralList(FieldTypes.SpecTypesWithFormat)} have a format");
            }

            if (!FieldTypes.SpecTypesWithEnum.Contains(kind))
            {
                ReportNotApplicable(context, reader, "enum", $"only {FieldTypes.PluralList(FieldTypes.SpecTypesWithEnum)} can be enums");
            }

            if (kind != "object")
            {
                ReportNotApplicable(context, reader, "fields", "only objects have fields");
            }

            if (kind != "array")
            {
                ReportNotApplicable(context, reader, "items", "only arrays have items");
            }

            if (kind != "object" && !reader.Has("enum"))
            {
                ReportNotApplicable(context, reader, "typeName", "only objects and enums are generated types");
            }

            switch (kind)
            {
                case "string":
                    return ParseString(context, reader, derivedName, requestSide);
                case "integer":
                    return ParseInteger(context, reader, derivedName, requestSide);
                case "object":
                    return ParseNestedObject(context, reader, derivedName, requestSide);
                case "array":
                    return ParseArray(context, reader, derivedName, requestSide);
                default:
                    // A plain kind with no format of its own ("boolean", "number"): the catalog knows it by name.
                    if (FieldTypes.Find(kind, null) is FieldType plain)
                    {
                        return TypeRef.Plain(plain.Kind);
                    }

                    context.Report(SpecDiagnosticIds.UnknownFieldType, $"'{kind}' is not a field type; use {FieldTypes.SpecTypeList}.", type);
                    return null;
            }
        }

        private static TypeRef? ParseString(SpecParseContext context, SpecObjectReader reader, DerivedTypeName derivedName, bool requestSide)
        {
            JsonString? format = reader.String("format");
            FieldType? type = FindFormat(context, "string", format, null);
            if (type == null)
            {
                return null;
            }

            if (!reader.Has("enum"))
            {
                return TypeRef.Plain(type.Kind);
            }

            if (format != null)
            {
                context.Report(SpecDiagnosticIds.NotApplicable, $"A string enum has no format; remove 'format' or 'enum'.", format);
                return null;
            }

            return ParseEnum(context, reader, derivedName, isString: true, requestSide);
        }

        private static TypeRef? ParseInteger(SpecParseContext context, SpecObjectReader reader, DerivedTypeName derivedName, bool requestSide)
        {
            JsonString? format = reader.String("format");
            FieldType? type = FindFormat(context, "integer", format, "int32");
            if (type == null)
            {
                return null;
            }

            if (!reader.Has("enum"))
            {
                return TypeRef.Plain(type.Kind);
            }

            if (type.Kind != TypeKind.Int32)
            {
                context.Report(SpecDiagnosticIds.NotApplicable, "An integer enum is 32-bit; remove 'format'.", format!);
                return null;
            }

            return ParseEnum(context, reader, derivedName, isString: false, requestSide);
        }

        /// <summary>The catalog entry of a <c>type</c> and its <c>format</c> (or <paramref name="defaultFormat"/>); null after a reported problem.</summary>
        private static FieldType? FindFormat(SpecParseContext context, string specType, JsonString? format, string? defaultFormat)
        {
            FieldType? type = FieldTypes.Find(specType, format?.Value ?? defaultFormat);
            if (type == null)
            {
                string defaultNote = defaultFormat == null ? string.Empty : $" (\"{defaultFormat}\" is the default)";
                context.Report(SpecDiagnosticIds.InvalidValue, $"'{format!.Value}' is not a format of {specType}s; use {FieldTypes.FormatList(specType)}{defaultNote}.", format);
            }

            return type;
        }

        private static TypeRef? ParseNestedObject(SpecParseContext context, SpecObjectReader reader, DerivedTypeName derivedName, bool requestSide)
        {
            string? typeName = ParseTypeName(context, reader, derivedName);
            JsonArray? fields = reader.Array("fields", required: true);
            if (typeName == null || fields == null)
            {
                return null;
            }

            ObjectSpec nested = ParseObject(context, fields, typeName, reader.String("description")?.Value, requestSide, reader.Json) with { NameSpan = NameSpan(context, reader) };
            context.NestedObjects.Add(nested);
            return new TypeRef(TypeKind.Object, typeName);
        }

        private static TypeRef? ParseArray(SpecParseContext context, SpecObjectReader reader, DerivedTypeName derivedName, bool requestSide)
        {
            JsonObject? items = reader.Object("items", required: true);
            if (items == null)
            {
                return null;
            }

            var itemReader = new SpecObjectReader(context, items, "'items'", ItemProperties);
            TypeRef? itemType = ParseType(context, itemReader, derivedName.Item, requestSide);
            if (itemType == null)
            {
                return null;
            }

            // Each element's own constraints, checked per element where a field's are checked.
            ConstraintSpec? constraints = ParseConstraints(context, itemReader, itemType);
            return new TypeRef(TypeKind.Array, null, constraints == null ? itemType : itemType with { Constraints = constraints });
        }

        /// <summary>
        /// <c>"ref"</c>: the C# name of an object or enum declared in this or another spec. Its kind is known only once every
        /// spec is read, so the cross-spec check resolves it (<see cref="CrossSpecChecker"/>); here it is a placeholder.
        /// </summary>
        private static TypeRef? ParseReference(SpecParseContext context, SpecObjectReader reader, bool requestSide)
        {
            JsonString? reference = reader.String("ref");
            reader.String("description");
            foreach (string property in new[] { "type", "format", "enum", "typeName", "fields", "items" })
            {
                ReportNotApplicable(context, reader, property, "a 'ref' field takes its type from the declaration it names");
            }

            if (reference == null || !context.CheckIdentifier(reference.Value, NameRole.Type, "reference '{0}'", reference.Value, reference, "Use the C# name of a declared object or enum."))
            {
                return null;
            }

            context.References.Add(new TypeReference(reference.Value, context.CurrentOwner, requestSide, context.Span(reference)));
            return new TypeRef(TypeKind.Object, reference.Value, null, IsReference: true);
        }

        /// <summary>Where a generated type is named: its 'typeName', or the field whose name it derives from.</summary>
        private static SourceSpan NameSpan(SpecParseContext context, SpecObjectReader reader) =>
            context.Span((JsonNode?)reader.Property("typeName")?.Value ?? reader.Json);

        /// <summary>The 'typeName' given or the derived one, claimed for this spec; null when unusable.</summary>
        private static string? ParseTypeName(SpecParseContext context, SpecObjectReader reader, DerivedTypeName derivedName)
        {
            JsonString? explicitName = reader.String("typeName");
            string typeName = explicitName?.Value ?? derivedName.ToString();
            JsonNode at = (JsonNode?)explicitName ?? reader.Json;
            if (!context.CheckIdentifier(typeName, NameRole.Type, "type '{0}'", typeName, at, explicitName == null ? "Set 'typeName'." : "Choose another 'typeName'."))
            {
                return null;
            }

            return context.ClaimTypeName(typeName, at) ? typeName : null;
        }

        private static void ReportNotApplicable(SpecParseContext context, SpecObjectReader reader, string property, string why)
        {
            JsonProperty? found = reader.Property(property);
            if (found != null)
            {
                context.Report(SpecDiagnosticIds.NotApplicable, $"'{property}' does not apply here: {why}.", found.NameStart, found.NameEnd);
            }
        }
    }
}
