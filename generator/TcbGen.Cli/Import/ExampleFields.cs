using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// An object the tables list without its fields (a "list array&lt;object&gt;" row and no sub-table) gets the fields
    /// its examples show, or else its default value (<c>{"r":0,"g":0,"b":0}</c>), typed from their values. Each such
    /// field is a decision to review.
    /// </summary>
    internal static class ExampleFields
    {
        public static void Fill(List<ImportedField> fields, ExampleShapes shapes, string path, bool request, ImportedSpec spec)
        {
            foreach (ImportedField field in fields.Where(f => f.Type.HoldsObject))
            {
                string inner = ExampleShapes.Child(path, field.Name, field.Type.Kind == "array");
                if (field.Fields.Count == 0)
                {
                    IReadOnlyList<JsonObject> objects = shapes.ObjectsAt(inner);
                    string source = "examples";
                    if (objects.Count == 0 && DefaultObject(field.DefaultText) is { } shown)
                    {
                        objects = new[] { shown };
                        source = "default value";
                    }

                    foreach (string key in objects.SelectMany(o => o.Select(p => p.Key)).Distinct())
                    {
                        JsonNode? value = objects.Select(o => o.TryGetPropertyValue(key, out JsonNode? v) ? v : null).FirstOrDefault(v => v != null);
                        FieldType? type = TypeOf(key, value);
                        if (type == null)
                        {
                            continue;
                        }

                        var added = new ImportedField(key, type, string.Empty) { Required = request ? source == "examples" && objects.All(o => o.ContainsKey(key)) : null };
                        field.Fields.Add(added);
                        spec.Decisions.Add($"'{ExampleShapes.Child(inner, key, false)}' is not in the page's tables, only in its {source}: added as {Describe(type)}.");
                    }
                }

                Fill(field.Fields, shapes, inner, request, spec);
            }
        }

        private static JsonObject? DefaultObject(string? text)
        {
            if (text == null || !text.StartsWith('{'))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static FieldType? TypeOf(string name, JsonNode? value)
        {
            switch (value)
            {
                case JsonObject:
                    return new FieldType("object");
                case JsonArray array:
                    FieldType? item = array.Select(v => TypeOf(name, v)).FirstOrDefault(t => t != null);
                    return item == null ? null : new FieldType("array", Items: item);
                case JsonValue scalar:
                    switch (scalar.GetValueKind())
                    {
                        case JsonValueKind.String:
                            return FieldType.String;
                        case JsonValueKind.True:
                        case JsonValueKind.False:
                            return new FieldType("boolean");
                        case JsonValueKind.Number:
                            return !scalar.TryGetValue(out long number) ? new FieldType("number")
                                : FieldTyper.NamesALargeNumber(name) || number > int.MaxValue || number < int.MinValue ? new FieldType("integer", "int64") : new FieldType("integer");
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        private static string Describe(FieldType type) => type.Kind + (type.Format != null ? " (" + type.Format + ")" : string.Empty) + (type.Items != null ? " of " + Describe(type.Items) : string.Empty);
    }
}
