using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TcbGen.Specs.Json;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// Checks a spec's examples against the spec itself: a request strictly (required fields, types, enum values,
    /// constraints), as the validator would; a response as the tolerant reader would read it. A mismatch is a warning
    /// (TCB0020) at the offending value, not an error, because WeChat's own examples are often wrong; the emulator still
    /// serves the example. Fields typed by <c>"ref"</c> are not checked here: their type is another spec's.
    /// </summary>
    internal sealed class ExampleChecker
    {
        private readonly SpecParseContext _context;
        private readonly string _what;
        private readonly bool _request;
        private Dictionary<string, ObjectSpec>? _nested;
        private Dictionary<string, EnumSpec>? _enums;
        private Dictionary<ObjectSpec, Dictionary<string, FieldSpec>>? _fields;

        private ExampleChecker(SpecParseContext context, string what, bool request)
        {
            _context = context;
            _what = what;
            _request = request;
        }

        public static void CheckRequest(SpecParseContext context, int index, JsonObject example, ObjectSpec? request) =>
            new ExampleChecker(context, $"Example {index + 1}'s request", request: true).CheckObject(request, example, string.Empty);

        public static void CheckResponse(SpecParseContext context, int index, JsonObject example, ObjectSpec response)
        {
            var checker = new ExampleChecker(context, $"Example {index + 1}'s response", request: false);
            JsonProperty? errcode = example.Find("errcode");
            if (errcode != null && !checker.Fits(TypeRef.Plain(TypeKind.Int32), errcode.Value))
            {
                checker.Warn(errcode.Value, "'errcode' is not an integer");
            }

            checker.CheckObject(response, example, string.Empty);
        }

        private void CheckObject(ObjectSpec? spec, JsonObject json, string path)
        {
            if (spec == null)
            {
                return;
            }

            // A wide object is looked up through a table: searching it once per field would be quadratic.
            Dictionary<string, JsonProperty>? properties = null;
            if (json.Properties.Length > 8)
            {
                properties = new Dictionary<string, JsonProperty>(json.Properties.Length, System.StringComparer.Ordinal);
                foreach (JsonProperty property in json.Properties)
                {
                    if (!properties.ContainsKey(property.Name))
                    {
                        properties.Add(property.Name, property);
                    }
                }
            }

            // An example request is the body: query fields are not in it.
            foreach (FieldSpec field in spec.Fields.Where(f => f.Location == FieldLocation.Body))
            {
                string fieldPath = path.Length == 0 ? field.WireName : path + "." + field.WireName;
                JsonNode? value = (properties != null ? (properties.TryGetValue(field.WireName, out JsonProperty? found) ? found : null) : json.Find(field.WireName))?.Value;
                if (value == null || value.Kind == JsonNodeKind.Null)
                {
                    if (_request ? field.Required || (field.RequiredWhen != null && SiblingEquals(properties, json, field.RequiredWhen, spec)) : field.RequiredInResponse)
                    {
                        Warn(json, $"lacks the required '{fieldPath}'");
                    }

                    continue;
                }

                CheckValue(field.Type, value, fieldPath, field.Constraints, field.Secret || SecretNames.IsSecretName(field.WireName));
            }
        }

        /// <summary>Checks one value against its field's type; a secret field's (flagged, or by its name) value and enum values are never quoted.</summary>
        private void CheckValue(TypeRef type, JsonNode value, string path, ConstraintSpec? constraints, bool secret)
        {
            if (type.IsReference || value.Kind == JsonNodeKind.Null)
            {
                return;
            }

            if (!Fits(type, value))
            {
                Warn(value, $"has {value.KindName} for '{path}', which is {type.Info.WireDescription}");
                return;
            }

            if (type.Items != null)
            {
                var items = (JsonArray)value;
                for (int i = 0; i < items.Items.Length; i++)
                {
                    CheckValue(type.Items, items.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", type.Items.Constraints, secret);
                }

                CheckConstraint(value, constraints == null ? null : ConstraintCheck.Count(constraints, items.Items.Length, path));
                return;
            }

            if (type.Info.Shape == TypeShape.Object)
            {
                CheckObject(Nested(type.TypeName!), (JsonObject)value, path);
                return;
            }

            if (type.IsEnum && _request)
            {
                EnumSpec? enumSpec = Enum(type.TypeName!);
                string wire = value is JsonString text ? text.Value : ((JsonNumber)value).Raw;
                if (enumSpec != null && !enumSpec.Members.Any(m => (m.StringValue ?? m.Value.ToString(CultureInfo.InvariantCulture)) == wire))
                {
                    Warn(value, secret
                        ? $"has a value for the secret '{path}' (not shown) that is not one of its enum values"
                        : $"has '{wire}' for '{path}', which is not one of {string.Join(", ", enumSpec.Members.Select(m => m.StringValue ?? m.Value.ToString(CultureInfo.InvariantCulture)))}");
                }

                return;
            }

            if (constraints != null && _request)
            {
                string? problem = value switch
                {
                    JsonString text => ConstraintCheck.Constant(constraints, text.Value, path) ?? ConstraintCheck.Text(constraints, text.Value, path, _context.PatternBudget),
                    JsonNumber number => ConstraintCheck.Constant(constraints, number.Raw, path)
                        ?? ConstraintCheck.NumberText(constraints, number.Raw, path),
                    _ => ConstraintCheck.Constant(constraints, value.Kind == JsonNodeKind.True ? "true" : "false", path),
                };
                CheckConstraint(value, secret ? WithoutSecrets(problem, constraints) : problem);
                if (_context.PatternBudget.ExhaustedNow)
                {
                    _context.Report(
                        SpecDiagnosticIds.ExampleMismatch,
                        $"{_what}: checking '{path}' against its pattern ran past the spec's budget of {PatternBudget.PerSpec.TotalSeconds:0} s for patterns (a pattern that backtracks, tried on many values); this value and the rest of the examples are not checked against patterns. Simplify the pattern (e.g. no nested quantifiers).",
                        value);
                }
            }
        }

        /// <summary>A secret field's constraint problem without its constant or pattern, which may spell the secret out.</summary>
        private static string? WithoutSecrets(string? problem, ConstraintSpec constraints)
        {
            if (problem == null)
            {
                return null;
            }

            string shown = constraints.Constant == null ? problem : problem.Replace(constraints.Constant.WireText, "its constant (a secret's, not shown)");
            return constraints.Pattern == null ? shown : shown.Replace(constraints.Pattern, "its pattern (a secret's, not shown)");
        }

        private void CheckConstraint(JsonNode at, string? problem)
        {
            if (problem != null && _request)
            {
                Warn(at, "breaks a constraint: " + problem);
            }
        }

        /// <summary>Whether the value has the type's wire form: strictly for a request, as the tolerant reader reads for a response.</summary>
        private bool Fits(TypeRef type, JsonNode value) => type.Info.Wire.Accepts(WireValue.Of(value), tolerant: !_request);

        private bool SiblingEquals(Dictionary<string, JsonProperty>? properties, JsonObject owner, RequiredWhenSpec condition, ObjectSpec spec)
        {
            JsonNode? sibling = (properties != null ? (properties.TryGetValue(condition.FieldWireName, out JsonProperty? found) ? found : null) : owner.Find(condition.FieldWireName))?.Value;
            if (sibling == null || sibling.Kind == JsonNodeKind.Null)
            {
                ConstantValue? fallback = Field(spec, condition.FieldWireName)?.Default;
                return fallback != null && fallback.WireText == condition.Value.WireText;
            }

            if (condition.Value.Kind == ConstantKind.Number)
            {
                return sibling is JsonNumber real && ConstantValue.Number(real.Raw)?.Real == condition.Value.Real;
            }

            string? wire = sibling switch
            {
                JsonString text => text.Value,
                JsonNumber number => number.Raw,
                JsonLiteral literal when literal.Kind is JsonNodeKind.True or JsonNodeKind.False => literal.Kind == JsonNodeKind.True ? "true" : "false",
                _ => null,
            };
            return wire != null && wire == condition.Value.WireText;
        }

        /// <summary>The spec's object of this name on this checker's side; the first such, as a search in order would find.</summary>
        private ObjectSpec? Nested(string typeName)
        {
            if (_nested == null)
            {
                _nested = new Dictionary<string, ObjectSpec>(System.StringComparer.Ordinal);
                foreach (ObjectSpec nested in _context.NestedObjects)
                {
                    if (nested.IsRequestSide == _request && !_nested.ContainsKey(nested.TypeName))
                    {
                        _nested.Add(nested.TypeName, nested);
                    }
                }
            }

            return _nested.TryGetValue(typeName, out ObjectSpec? found) ? found : null;
        }

        private EnumSpec? Enum(string typeName)
        {
            if (_enums == null)
            {
                _enums = new Dictionary<string, EnumSpec>(System.StringComparer.Ordinal);
                foreach (EnumSpec e in _context.Enums)
                {
                    if (!_enums.ContainsKey(e.TypeName))
                    {
                        _enums.Add(e.TypeName, e);
                    }
                }
            }

            return _enums.TryGetValue(typeName, out EnumSpec? found) ? found : null;
        }

        /// <summary>A field of <paramref name="spec"/> by wire name, through a table made once per object type.</summary>
        private FieldSpec? Field(ObjectSpec spec, string wireName)
        {
            _fields ??= new Dictionary<ObjectSpec, Dictionary<string, FieldSpec>>(ReferenceEqualityComparer.Instance);
            if (!_fields.TryGetValue(spec, out Dictionary<string, FieldSpec>? byName))
            {
                byName = new Dictionary<string, FieldSpec>(System.StringComparer.Ordinal);
                foreach (FieldSpec field in spec.Fields)
                {
                    if (!byName.ContainsKey(field.WireName))
                    {
                        byName.Add(field.WireName, field);
                    }
                }

                _fields.Add(spec, byName);
            }

            return byName.TryGetValue(wireName, out FieldSpec? found) ? found : null;
        }

        private sealed class ReferenceEqualityComparer : IEqualityComparer<ObjectSpec>
        {
            public static readonly ReferenceEqualityComparer Instance = new ReferenceEqualityComparer();

            public bool Equals(ObjectSpec? x, ObjectSpec? y) => ReferenceEquals(x, y);

            public int GetHashCode(ObjectSpec obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        private void Warn(JsonNode at, string problem) =>
            _context.Report(SpecDiagnosticIds.ExampleMismatch, $"{_what} {problem}; the emulator still serves it, but fix the example so it shows a call that works.", at);
    }
}
