using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// Scores an imported spec against an expected one, field by field. A field counts as right when it exists at the same
    /// path (wire name and nesting) with the same type (kind, format, items) and the same required-ness and requiredWhen.
    /// Fields on one side only count as wrong. Errcodes and the path are scored separately.
    /// </summary>
    internal sealed class SpecScore
    {
        private SpecScore(List<string> fields, List<string> wrong, int codes, int codesRight, bool pathRight, bool tokenKindsRight)
        {
            TokenKindsRight = tokenKindsRight;
            Fields = fields;
            Wrong = wrong;
            Codes = codes;
            CodesRight = codesRight;
            PathRight = pathRight;
        }

        public List<string> Fields { get; }

        public List<string> Wrong { get; }

        public int FieldsRight => Fields.Count - Wrong.Count;

        /// <summary>Errcodes in either spec; <see cref="CodesRight"/> counts those in both.</summary>
        public int Codes { get; }

        public int CodesRight { get; }

        public bool PathRight { get; }

        public bool TokenKindsRight { get; }

        public static SpecScore Compare(string expectedJson, string actualJson)
        {
            using JsonDocument expected = JsonDocument.Parse(expectedJson);
            using JsonDocument actual = JsonDocument.Parse(actualJson);
            Dictionary<string, string> want = Flatten(expected.RootElement);
            Dictionary<string, string> got = Flatten(actual.RootElement);
            List<string> all = want.Keys.Union(got.Keys).OrderBy(k => k, StringComparer.Ordinal).ToList();
            var wrong = new List<string>();
            foreach (string key in all)
            {
                want.TryGetValue(key, out string? w);
                got.TryGetValue(key, out string? g);
                if (w != g)
                {
                    wrong.Add($"{key}: expected {w ?? "(absent)"}, imported {g ?? "(absent)"}");
                }
            }

            // An expected spec may take the page's global codes from an included error set instead of listing them: a code
            // imported counts as right when the expected spec has it either way; one the expected spec lists itself must be imported.
            int[] wantCodes = ErrorCodes(expected.RootElement);
            int[] wantIncluded = IncludedCodes(expected.RootElement);
            int[] gotCodes = ErrorCodes(actual.RootElement).Union(IncludedCodes(actual.RootElement)).ToArray();
            int[] scored = wantCodes.Union(gotCodes).ToArray();
            int right = scored.Count(c => gotCodes.Contains(c) && (wantCodes.Contains(c) || wantIncluded.Contains(c)));
            return new SpecScore(all, wrong, scored.Length, right, Path(expected.RootElement) == Path(actual.RootElement), TokenKinds(expected.RootElement) == TokenKinds(actual.RootElement));
        }

        /// <summary>The token kinds as a set: their order in the spec means nothing.</summary>
        private static string TokenKinds(JsonElement spec) => string.Join(",", spec.GetProperty("tokenKinds").EnumerateArray().Select(k => k.GetString()).OrderBy(k => k, StringComparer.Ordinal));

        private static string? Path(JsonElement spec) => spec.TryGetProperty("path", out JsonElement p) ? p.GetString() : null;

        private static int[] ErrorCodes(JsonElement spec)
            => spec.TryGetProperty("errors", out JsonElement errors) ? errors.EnumerateArray().Select(e => e.GetProperty("code").GetInt32()).ToArray() : Array.Empty<int>();

        private static int[] IncludedCodes(JsonElement spec)
            => spec.TryGetProperty("errorSets", out JsonElement sets)
                ? sets.EnumerateArray().SelectMany(set => TcbGen.Specs.ErrorSets.TryGet(set.GetString()!, out var rows) ? rows.Select(r => r.Code) : Enumerable.Empty<int>()).ToArray()
                : Array.Empty<int>();

        private static Dictionary<string, string> Flatten(JsonElement spec)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string side in new[] { "request", "response" })
            {
                if (spec.TryGetProperty(side, out JsonElement body) && body.TryGetProperty("fields", out JsonElement list))
                {
                    AddFields(fields, side, list, side == "request");
                }
            }

            return fields;
        }

        private static void AddFields(Dictionary<string, string> into, string path, JsonElement fields, bool request)
        {
            foreach (JsonElement field in fields.EnumerateArray())
            {
                string fieldPath = path + "." + field.GetProperty("name").GetString();
                string required = request
                    ? (field.TryGetProperty("required", out JsonElement r) && r.GetBoolean() ? "required" : "optional")
                      + (field.TryGetProperty("requiredWhen", out JsonElement w) ? " when " + w.GetProperty("field").GetString() + "=" + w.GetProperty("equals").GetRawText() : string.Empty)
                    : string.Empty;
                into[fieldPath] = Type(field) + (required.Length > 0 ? ", " + required : string.Empty);
                AddNested(into, fieldPath, field, request);
            }
        }

        private static void AddNested(Dictionary<string, string> into, string path, JsonElement type, bool request)
        {
            if (type.TryGetProperty("fields", out JsonElement nested))
            {
                AddFields(into, path, nested, request);
            }

            if (type.TryGetProperty("items", out JsonElement items))
            {
                AddNested(into, path + "[]", items, request);
            }
        }

        private static string Type(JsonElement type)
        {
            string kind = type.GetProperty("type").GetString()!;
            string format = kind == "integer" && type.TryGetProperty("format", out JsonElement f) ? f.GetString()! : kind == "integer" ? "int32" : string.Empty;
            string items = type.TryGetProperty("items", out JsonElement i) ? "<" + Type(i) + ">" : string.Empty;
            return kind + (format.Length > 0 ? "(" + format + ")" : string.Empty) + items;
        }
    }
}
