using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TcbGen.Cli.Diff
{
    /// <summary>
    /// A spec as the comparison sees it: its fields flattened by side and wire path (<c>ref</c> types resolved through a
    /// <see cref="TypeLibrary"/>), its own errcodes and those of the error sets it includes, its method and path, and its decisions.
    /// </summary>
    internal sealed class SpecFacts
    {
        private const int MaxDepth = 16;

        private SpecFacts()
        {
        }

        public string Method { get; private set; } = string.Empty;

        public string Path { get; private set; } = string.Empty;

        public IReadOnlyList<string> TokenKinds { get; private set; } = Array.Empty<string>();

        /// <summary>The fields by side and wire path, in the spec's order.</summary>
        public IReadOnlyDictionary<string, FieldFacts> Fields => _fields;

        /// <summary>The spec's own errcode rows.</summary>
        public IReadOnlyList<int> Codes { get; private set; } = Array.Empty<int>();

        /// <summary>The codes of the error sets the spec includes (<c>"errorSets"</c>).</summary>
        public IReadOnlyList<int> IncludedCodes { get; private set; } = Array.Empty<int>();

        public IReadOnlyList<string> Decisions { get; private set; } = Array.Empty<string>();

        /// <summary><c>ref</c>s that named no type the library knows: their fields read as <c>ref:Name</c>.</summary>
        public IReadOnlyList<string> UnresolvedReferences => _unresolved;

        private readonly Dictionary<string, FieldFacts> _fields = new Dictionary<string, FieldFacts>(StringComparer.Ordinal);
        private readonly List<string> _unresolved = new List<string>();

        /// <summary>Reads a spec's JSON text; throws <see cref="JsonException"/> when it is not JSON.</summary>
        public static SpecFacts Read(string json, TypeLibrary types)
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            JsonElement root = document.RootElement;
            var facts = new SpecFacts
            {
                Method = Text(root, "method") ?? "POST",
                Path = Text(root, "path") ?? string.Empty,
                TokenKinds = Strings(root, "tokenKinds"),
                Decisions = root.TryGetProperty("decisions", out JsonElement d) && d.ValueKind == JsonValueKind.String ? new[] { d.GetString()! } : Strings(root, "decisions"),
                Codes = root.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array
                    ? errors.EnumerateArray().Where(e => e.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.Number).Select(e => e.GetProperty("code").GetInt32()).ToList()
                    : new List<int>(),
                IncludedCodes = Strings(root, "errorSets").SelectMany(types.ErrorSetCodes).Distinct().ToList(),
            };
            foreach (string side in new[] { "request", "response" })
            {
                if (root.TryGetProperty(side, out JsonElement body) && body.TryGetProperty("fields", out JsonElement list))
                {
                    facts.AddFields(side, list, side == "request", types, 0);
                }
            }

            return facts;
        }

        private void AddFields(string path, JsonElement fields, bool request, TypeLibrary types, int depth)
        {
            if (fields.ValueKind != JsonValueKind.Array || depth > MaxDepth)
            {
                return;
            }

            foreach (JsonElement field in fields.EnumerateArray())
            {
                string name = Text(field, "name") ?? string.Empty;
                string fieldPath = path + "." + name;
                JsonElement type = Resolve(field, types);
                string required = request
                    ? (field.TryGetProperty("required", out JsonElement r) && r.ValueKind == JsonValueKind.True ? "required" : "optional")
                      + (field.TryGetProperty("requiredWhen", out JsonElement w) ? " when " + Text(w, "field") + "=" + (w.TryGetProperty("equals", out JsonElement e) ? e.GetRawText() : "?") : string.Empty)
                    : string.Empty;
                string location = request && Text(field, "in") == "query" ? "query" : "body";
                string? defaultText = field.TryGetProperty("default", out JsonElement dv) ? dv.GetRawText() : null;
                _fields[fieldPath] = new FieldFacts(fieldPath, name, TypeText(field, types, depth), required, location, EnumText(Innermost(type, types, depth)), defaultText,
                    (field.TryGetProperty("secret", out JsonElement secret) && secret.ValueKind == JsonValueKind.True) || TcbGen.Specs.SecretNames.IsSecretName(name));
                AddNested(fieldPath, type, request, types, depth + 1);
            }
        }

        private void AddNested(string path, JsonElement type, bool request, TypeLibrary types, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            if (type.TryGetProperty("fields", out JsonElement nested))
            {
                AddFields(path, nested, request, types, depth);
            }

            if (type.TryGetProperty("items", out JsonElement items))
            {
                AddNested(path + "[]", Resolve(items, types), request, types, depth + 1);
            }
        }

        /// <summary>A <c>ref</c> replaced by the type it names (when the library knows it); anything else as it is.</summary>
        private JsonElement Resolve(JsonElement type, TypeLibrary types)
        {
            if (Text(type, "ref") is not { } name)
            {
                return type;
            }

            if (types.TryGet(name, out JsonElement declared))
            {
                return declared;
            }

            if (!_unresolved.Contains(name))
            {
                _unresolved.Add(name);
            }

            return type;
        }

        private JsonElement Innermost(JsonElement type, TypeLibrary types, int depth)
        {
            type = Resolve(type, types);
            return depth <= MaxDepth && type.TryGetProperty("items", out JsonElement items) ? Innermost(items, types, depth + 1) : type;
        }

        private string TypeText(JsonElement type, TypeLibrary types, int depth)
        {
            type = Resolve(type, types);
            string kind = Text(type, "type") ?? "ref:" + Text(type, "ref");
            string format = Text(type, "format") ?? (kind == "integer" ? "int32" : string.Empty);
            string items = depth <= MaxDepth && type.TryGetProperty("items", out JsonElement i) ? "<" + TypeText(i, types, depth + 1) + ">" : string.Empty;
            return kind + (format.Length > 0 ? "(" + format + ")" : string.Empty) + items;
        }

        private static string? EnumText(JsonElement type)
            => type.TryGetProperty("enum", out JsonElement members) && members.ValueKind == JsonValueKind.Array
                ? string.Join(", ", members.EnumerateArray().Select(m => m.TryGetProperty("value", out JsonElement v) ? v.GetRawText() : m.GetRawText()).OrderBy(v => v, StringComparer.Ordinal))
                : null;

        private static string? Text(JsonElement element, string name)
            => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static IReadOnlyList<string> Strings(JsonElement element, string name)
            => element.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
                : Array.Empty<string>();
    }
}
