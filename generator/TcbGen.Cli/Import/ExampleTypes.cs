using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// What the examples' values say of a table's type: a string every example writes as "2020-04-04 14:10:28" is a
    /// WeChat date-time; a 'number' every example sends as a word ("RELATION_BINDED") is a string (the example shows what
    /// WeChat sends); a 'number' an example gives nine digits or more (a job id, 100074947) is a 64-bit integer, since
    /// such ids grow past int32; a string every example sends as JSON text is format json; an 'array' (read as strings) or an 'Object' the examples send as an array of objects is
    /// an array of objects. Each change is a decision to review.
    /// </summary>
    internal static class ExampleTypes
    {
        private const long LargeId = 100_000_000;
        private static readonly Regex DateTime = new Regex("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$", RegexOptions.Compiled);

        public static void Refine(List<ImportedField> fields, ExampleShapes shapes, string path, ImportedSpec spec)
        {
            IReadOnlyList<JsonObject> objects = shapes.ObjectsAt(path);
            foreach (ImportedField field in fields)
            {
                string fieldPath = ExampleShapes.Child(path, field.Name, array: false);
                List<JsonValue> values = objects.Select(o => o.TryGetPropertyValue(field.Name, out JsonNode? v) ? v as JsonValue : null).OfType<JsonValue>().ToList();
                if (field.Type.Items == null && field.Enum.Count == 0 && values.Count > 0)
                {
                    Retype(field, fieldPath, values, spec);
                }

                List<JsonNode> nodes = objects.Select(o => o.TryGetPropertyValue(field.Name, out JsonNode? v) ? v : null).OfType<JsonNode>().ToList();
                bool arraysOfObjects = nodes.Count > 0 && nodes.All(n => n is JsonArray a && a.Count > 0 && a.All(i => i is JsonObject));
                bool stringItems = field.Type.Kind == "array" && field.Type.Items is { Kind: "string", Items: null };
                if (arraysOfObjects && field.Enum.Count == 0 && (stringItems || field.Type is { Kind: "object", Items: null }))
                {
                    spec.Decisions.Add($"'{fieldPath}' is {(stringItems ? "an array of strings" : "an object")} in the table, but the examples send an array of objects: taken as the examples show it.");
                    field.Type = new FieldType("array", Items: new FieldType("object"));
                }

                if (field.Type.HoldsObject)
                {
                    Refine(field.Fields, shapes, ExampleShapes.Child(path, field.Name, field.Type.Kind == "array"), spec);
                }
            }
        }

        private static void Retype(ImportedField field, string fieldPath, List<JsonValue> values, ImportedSpec spec)
        {
            List<string> strings = values.Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList();
            bool allStrings = strings.Count == values.Count;
            if (field.Type.Kind == "string" && field.Type.Format == null && allStrings && strings.All(s => DateTime.IsMatch(s)))
            {
                field.Type = field.Type with { Format = "wechat-datetime" };
                spec.Decisions.Add($"'{fieldPath}' is a WeChat date-time (wechat-datetime): the examples write it as \"{strings[0]}\".");
            }
            else if (field.Type.Kind == "string" && field.Type.Format == null && allStrings && strings.All(IsJsonText))
            {
                field.Type = field.Type with { Format = "json" };
                spec.Decisions.Add($"'{fieldPath}' holds JSON text (format json): the examples send it as {strings[0]}.");
            }
            else if (field.Type.Kind == "integer" && allStrings && strings.All(s => s.Length > 0 && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                field.Type = FieldType.String;
                spec.Decisions.Add($"'{fieldPath}' is 'number' in the table, but the examples send words (\"{strings[0]}\"): taken as a string, as the examples show it.");
            }
            else if (field.Type.Kind == "integer" && field.Type.Format == null && values.Any(v => v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long n) && n >= LargeId))
            {
                field.Type = field.Type with { Format = "int64" };
                spec.Decisions.Add($"'{fieldPath}' is taken as a 64-bit integer: an example gives it nine digits or more, near int32's limit.");
            }
        }

        /// <summary>A string holding a JSON object or array ("{\"event\":{...}}"): JSON text, not a plain word.</summary>
        private static bool IsJsonText(string text)
        {
            string trimmed = text.Trim();
            if (trimmed.Length < 2 || !(trimmed[0] == '{' && trimmed[trimmed.Length - 1] == '}' || trimmed[0] == '[' && trimmed[trimmed.Length - 1] == ']'))
            {
                return false;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(trimmed);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
