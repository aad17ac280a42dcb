using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// The last row of a JSON-array table that a cut page ends inside (<c>{ "参数名": "file_type", "类型": "number",
    /// "必填": "是</c>): the cells it holds whole are kept. A value the cut runs through is dropped, unless it already reads
    /// as a whole required flag (是, 否). A row whose name or type is not whole is no row: a cut type ("objar") would be a guess.
    /// </summary>
    internal static class CutRow
    {
        private static readonly Regex Pair = new Regex("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)(\"?)", RegexOptions.Compiled);

        /// <summary>The row's whole cells as an object, or null when its name or type is not whole.</summary>
        public static JsonElement? Read(string text, IReadOnlyCollection<string> nameKeys, IReadOnlyCollection<string> typeKeys)
        {
            var row = new JsonObject();
            foreach (Match pair in Pair.Matches(text))
            {
                string key = Unescape(pair.Groups[1].Value);
                string value = Unescape(pair.Groups[2].Value);
                bool whole = pair.Groups[3].Length > 0;
                if ((whole || FieldTyper.ReadRequired(value) != null) && !row.ContainsKey(key))
                {
                    row[key] = value;
                }
            }

            bool Has(IReadOnlyCollection<string> keys) => row.Any(p => keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
            return Has(nameKeys) && Has(typeKeys) ? JsonDocument.Parse(row.ToJsonString()).RootElement.Clone() : null;
        }

        private static string Unescape(string text)
        {
            try
            {
                return JsonSerializer.Deserialize<string>("\"" + text + "\"") ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        /// <summary>The rows a cut table's text holds whole, then its cut last row.</summary>
        public static IEnumerable<string> Blocks(string text)
        {
            int position = 0;
            while (JsonRepair.Block(text, position, out int end, out bool complete) is { } block)
            {
                yield return complete ? block : "\u0000cut " + block;
                if (!complete)
                {
                    yield break;
                }

                position = Math.Max(end, position + 1);
            }
        }
    }
}
