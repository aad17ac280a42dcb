using System.Collections.Generic;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    /// <summary>
    /// Reads the properties of one JSON object of a spec, reporting unknown, duplicate, missing and
    /// wrongly typed properties as it goes. Every getter returns null when the value is unusable.
    /// </summary>
    internal sealed class SpecObjectReader
    {
        private readonly SpecParseContext _context;
        private readonly Dictionary<string, JsonProperty> _properties = new Dictionary<string, JsonProperty>();

        public SpecObjectReader(SpecParseContext context, JsonObject json, string what, params string[] allowed)
        {
            _context = context;
            Json = json;
            foreach (JsonProperty property in json.Properties)
            {
                if (_properties.ContainsKey(property.Name))
                {
                    context.Report(SpecDiagnosticIds.DuplicateKey, $"'{property.Name}' is given twice in {what}.", property.NameStart, property.NameEnd);
                    continue;
                }

                // A linear search: an object allows a dozen names or so, and a set per object read cost more than it saved.
                if (System.Array.IndexOf(allowed, property.Name) < 0)
                {
                    context.Report(SpecDiagnosticIds.UnknownProperty, $"'{property.Name}' is not a property of {what}; expected one of: {string.Join(", ", allowed)}.", property.NameStart, property.NameEnd);
                    continue;
                }

                _properties.Add(property.Name, property);
            }

            What = what;
        }

        public JsonObject Json { get; }

        public string What { get; }

        public JsonProperty? Property(string name) => _properties.TryGetValue(name, out JsonProperty? property) ? property : null;

        public bool Has(string name) => _properties.ContainsKey(name);

        public JsonString? String(string name, bool required = false) => Get<JsonString>(name, required, JsonNodeKind.String, "a string");

        public JsonObject? Object(string name, bool required = false) => Get<JsonObject>(name, required, JsonNodeKind.Object, "an object");

        public JsonArray? Array(string name, bool required = false) => Get<JsonArray>(name, required, JsonNodeKind.Array, "an array");

        public JsonNumber? Integer(string name, bool required = false)
        {
            JsonNumber? number = Get<JsonNumber>(name, required, JsonNodeKind.Number, "an integer");
            if (number != null && !number.TryGetInt64(out _))
            {
                _context.Report(SpecDiagnosticIds.WrongJsonType, $"'{name}' in {What} must be an integer, not {number.Raw}.", number);
                return null;
            }

            return number;
        }

        public bool? Boolean(string name, bool required = false)
        {
            JsonProperty? property = Property(name);
            if (property == null)
            {
                ReportMissing(name, required);
                return null;
            }

            if (property.Value.Kind == JsonNodeKind.True || property.Value.Kind == JsonNodeKind.False)
            {
                return property.Value.Kind == JsonNodeKind.True;
            }

            _context.Report(SpecDiagnosticIds.WrongJsonType, $"'{name}' in {What} must be true or false, not {property.Value.KindName}.", property.Value);
            return null;
        }

        private T? Get<T>(string name, bool required, JsonNodeKind kind, string expected)
            where T : JsonNode
        {
            JsonProperty? property = Property(name);
            if (property == null)
            {
                ReportMissing(name, required);
                return null;
            }

            if (property.Value.Kind != kind)
            {
                _context.Report(SpecDiagnosticIds.WrongJsonType, $"'{name}' in {What} must be {expected}, not {property.Value.KindName}.", property.Value);
                return null;
            }

            return (T)property.Value;
        }

        private void ReportMissing(string name, bool required)
        {
            if (required)
            {
                // Point at the opening brace: the property is absent, so there is nothing else to point at.
                _context.Report(SpecDiagnosticIds.MissingProperty, $"{char.ToUpperInvariant(What[0])}{What.Substring(1)} must have '{name}'.", Json.Start, Json.Start + 1);
            }
        }
    }
}
