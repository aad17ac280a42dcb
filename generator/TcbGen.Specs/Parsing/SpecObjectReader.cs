using System.Collections.Generic;
using System.Linq;
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

        // The properties kept: the object's own list when every name is allowed and given once (a spec's usual case, no
        // allocation), else a copy without the rejected ones. Searched linearly: an object has a handful of properties, and
        // a dictionary per object cost more to build than its look-ups saved.
        private readonly JsonProperty[] _properties;

        public SpecObjectReader(SpecParseContext context, JsonObject json, string what, params string[] allowed)
        {
            _context = context;
            Json = json;
            JsonProperty[] properties = json.Properties;
            List<JsonProperty>? kept = null;
            // An object with more properties than names it allows repeats some: found through a set, not by searching the
            // properties before each one (quadratic in an object of 100,000 repeated keys).
            HashSet<string>? seen = properties.Length > allowed.Length ? new HashSet<string>(System.StringComparer.Ordinal) : null;
            for (int i = 0; i < properties.Length; i++)
            {
                JsonProperty property = properties[i];
                bool isAllowed = System.Array.IndexOf(allowed, property.Name) >= 0;
                if (isAllowed && (seen != null ? !seen.Add(property.Name) : IndexOf(properties, property.Name, i) >= 0))
                {
                    // The first occurrence of an allowed name is the one kept, so any earlier one is a duplicate.
                    context.Report(SpecDiagnosticIds.DuplicateKey, $"'{property.Name}' is given twice in {what}.", property.NameStart, property.NameEnd);
                }
                else if (!isAllowed)
                {
                    context.Report(SpecDiagnosticIds.UnknownProperty, $"'{property.Name}' is not a property of {what}; expected one of: {string.Join(", ", allowed)}.", property.NameStart, property.NameEnd);
                }
                else
                {
                    kept?.Add(property);
                    continue;
                }

                kept ??= properties.Take(i).ToList();
            }

            _properties = kept?.ToArray() ?? properties;
            What = what;
        }

        public JsonObject Json { get; }

        public string What { get; }

        public JsonProperty? Property(string name)
        {
            int index = IndexOf(_properties, name, _properties.Length);
            return index < 0 ? null : _properties[index];
        }

        public bool Has(string name) => IndexOf(_properties, name, _properties.Length) >= 0;

        public JsonString? String(string name, bool required = false) => Get<JsonString>(name, required, JsonNodeKind.String, "a string");

        public JsonObject? Object(string name, bool required = false) => Get<JsonObject>(name, required, JsonNodeKind.Object, "an object");

        public JsonArray? Array(string name, bool required = false) => Get<JsonArray>(name, required, JsonNodeKind.Array, "an array");

        public JsonNumber? Integer(string name, bool required = false)
        {
            JsonNumber? number = Get<JsonNumber>(name, required, JsonNodeKind.Number, "an integer");
            if (number != null && !number.TryGetInt64(out _))
            {
                // An integer too large for any field is a bad value, not the wrong JSON type (that is 1.0 or 1e2).
                _context.Report(
                    number.IsWrittenAsInteger ? SpecDiagnosticIds.InvalidValue : SpecDiagnosticIds.WrongJsonType,
                    number.IsWrittenAsInteger ? $"'{name}' in {What} is {number.Raw}, beyond 64 bits." : $"'{name}' in {What} must be an integer, not {number.Raw}.",
                    number);
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

        /// <summary>The index of the first of <paramref name="properties"/>' first <paramref name="count"/> named <paramref name="name"/>, or -1.</summary>
        private static int IndexOf(JsonProperty[] properties, string name, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (properties[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
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
