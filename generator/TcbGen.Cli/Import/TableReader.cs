using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>Reads parameter tables in the three shapes seen on WeChat pages.</summary>
    internal static class TableReader
    {
        private static readonly string[] NameHeaders = { "属性", "参数", "参数名", "参数名称", "字段", "attribute", "parameter", "parameter name", "name", "property", "field" };
        private static readonly string[] TypeHeaders = { "类型", "type" };
        private static readonly string[] RequiredHeaders = { "必填", "是否必填", "必选", "是否必须", "required", "required to fill in", "mandatory" };
        private static readonly string[] DescriptionHeaders = { "说明", "描述", "description", "introductions", "desc" };
        private static readonly string[] DefaultHeaders = { "默认值", "default", "default value" };
        private static readonly Regex Identifier = new Regex("^[A-Za-z_$][A-Za-z0-9_.$\\[\\]-]*$", RegexOptions.Compiled);
        private static readonly Regex TypeWord = new Regex(
            "^(string|str|number|int|integer|int32|int64|uint|uint32|uint64|long|float|double|bool|boolean|object|objectarray|objarray|object array|array|array<[^>]+>|array\\.<[^>]+>|[a-z]+\\[\\]|json|arraybuffer|enum|(?:str|num|int|bool)array|array of [A-Za-z_][A-Za-z0-9_]*)$",
            RegexOptions.Compiled | RegexOptions.IgnoreCase);

        private static readonly Regex GluedRow = new Regex(
            "^([A-Za-z_][A-Za-z0-9_]*?)(string|number|boolean|objarray|strarray|numarray|object|array<[^>]+>|array|Array<[^>]+>|Array\\.<Object>|Array|Object|int32|int64|uint32|int)(?![A-Za-z0-9_ ])(.*)$",
            RegexOptions.Compiled);

        private static readonly Regex Markers = new Regex("^((?:└|├|─|—|-|&emsp;|\u2003|\u3000|\u00a0|>)\\s*)+", RegexOptions.Compiled);

        public static TableRows Read(IEnumerable<string> lines)
        {
            var table = new TableRows();
            int headerCells = 0;
            bool requiredColumn = false, defaultColumn = false;
            bool pipeTable = false;
            int nameColumn = 0, typeColumn = 1, requiredIndex = -1, descriptionColumn = 2, defaultIndex = -1;
            foreach (string raw in JoinJsonArrays(lines))
            {
                string line = raw.Trim();
                if (line.Length == 0 || Regex.IsMatch(line, "^[|:\\-\\s]+$"))
                {
                    continue;
                }

                if (line.StartsWith("\u0000cut ", StringComparison.Ordinal))
                {
                    TryJsonRows(line.Substring(5), table);
                    table.Cut = true;
                    continue;
                }

                if (line.StartsWith('[') && line.Contains('{', StringComparison.Ordinal) && TryJsonRows(line, table))
                {
                    continue;
                }

                // A '|' inside a rendered row's description ("separated by using |") does not make it a pipe row.
                if (line.Contains('|', StringComparison.Ordinal) && (pipeTable || line.StartsWith('|') || IsHeader(PipeCells(line))))
                {
                    string[] cells = PipeCells(line);
                    if (IsHeader(cells))
                    {
                        pipeTable = true;
                        headerCells = cells.Length;
                        nameColumn = Index(cells, NameHeaders, 0);
                        typeColumn = Index(cells, TypeHeaders, 1);
                        requiredIndex = Index(cells, RequiredHeaders, -1);
                        defaultIndex = Index(cells, DefaultHeaders, -1);
                        descriptionColumn = Index(cells, DescriptionHeaders, Enumerable.Range(0, cells.Length).FirstOrDefault(i => i != nameColumn && i != typeColumn && i != requiredIndex && i != defaultIndex, cells.Length - 1));
                        table.Items.Add(new TableHeader(requiredIndex >= 0));
                        continue;
                    }

                    if (headerCells > 0 && cells.Length < Math.Min(headerCells, 2))
                    {
                        table.Cut = true;
                        continue;
                    }

                    // The text's last line, cut before the closing '|' inside the name or type cell ("| info_list | arr"): a
                    // type the cut runs through would be a guess, so the row is no row (as a cut JSON-array row).
                    bool cutLast = headerCells > 0 && cells.Length < headerCells && !line.EndsWith('|') && raw == lines.Last();
                    if (cutLast && cells.Length <= Math.Max(nameColumn, typeColumn) + 1)
                    {
                        table.Cut = true;
                        continue;
                    }

                    // An empty default cell is often dropped, and the cells after it slide left: 是/否 lands under 默认值.
                    bool slid = SlidOverEmptyDefault(cells, defaultIndex, requiredIndex);
                    int Column(int index) => slid && index > defaultIndex ? index - 1 : index;
                    AddRow(table, Cell(cells, nameColumn), Cell(cells, typeColumn), requiredIndex >= 0 ? Cell(cells, Column(requiredIndex)) : null, Cell(cells, Column(descriptionColumn)), defaultIndex >= 0 && !slid ? Cell(cells, defaultIndex) : null);
                    if (cutLast)
                    {
                        table.Cut = true;
                    }

                    continue;
                }

                string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (IsHeader(words.Take(4).ToArray()) || IsMergedHeader(line))
                {
                    requiredColumn = RequiredHeaders.Any(h => line.Contains(h, StringComparison.OrdinalIgnoreCase));
                    defaultColumn = DefaultHeaders.Any(h => line.Contains(h, StringComparison.OrdinalIgnoreCase));
                    pipeTable = false;
                    table.Items.Add(new TableHeader(requiredColumn));
                    continue;
                }

                if (words.Length >= 3 && words[1].Equals("object", StringComparison.OrdinalIgnoreCase) && words[2].Equals("array", StringComparison.OrdinalIgnoreCase))
                {
                    // "list object array 当前查询的账号基本信息列表": a two-word type.
                    words = new[] { words[0], "object array" }.Concat(words.Skip(3)).ToArray();
                }
                else if (words.Length >= 4 && words[1].Equals("array", StringComparison.OrdinalIgnoreCase) && words[2] == "of" && Identifier.IsMatch(words[3]))
                {
                    // "functions Array of Function 函数列表": the older pages' named item type.
                    words = new[] { words[0], string.Join(" ", words, 1, 3) }.Concat(words.Skip(4)).ToArray();
                }

                if (words.Length >= 2 && TypeWord.IsMatch(words[1]) && Identifier.IsMatch(Markers.Replace(words[0], string.Empty)))
                {
                    // Under a 默认值 column, "true"/"false" after the type is the default, not the required flag.
                    bool isDefault = defaultColumn && words.Length > 2 && (words[2] == "true" || words[2] == "false");
                    string? required = requiredColumn && !isDefault && words.Length > 2 && FieldTyper.ReadRequired(words[2]) != null ? words[2] : null;
                    string description = string.Join(" ", words.Skip(required == null ? 2 : 3));
                    AddRow(table, words[0], words[1], required, description);
                    continue;
                }

                // The newest rendered pages lose the cell separators: "template_idnumber代码库中的代码模板 ID".
                Match glued = GluedRow.Match(line);
                if (glued.Success && table.Items.Count > 0)
                {
                    AddRow(table, glued.Groups[1].Value, glued.Groups[2].Value, null, glued.Groups[3].Value);
                }
            }

            return table;
        }

        /// <summary>
        /// A JSON-array table spread over several lines (in a ```json fence on the newer pages) becomes one line. Brackets
        /// inside strings ("取值范围 [0, 1000)") do not count. One that never closes before its fence ends or the text
        /// ends is marked cut: its complete rows are read, and the table warns.
        /// </summary>
        private static IEnumerable<string> JoinJsonArrays(IEnumerable<string> lines)
        {
            var pending = new List<string>();
            var depth = new JsonDepth();
            foreach (string line in lines)
            {
                string trimmed = line.Trim();
                if (pending.Count == 0 && !(trimmed.StartsWith('[') && !trimmed.Contains('|', StringComparison.Ordinal)))
                {
                    yield return line;
                    continue;
                }

                if (trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    yield return "\u0000cut " + string.Join(" ", pending);
                    pending.Clear();
                    depth = new JsonDepth();
                    yield return line;
                    continue;
                }

                pending.Add(trimmed);
                if (depth.Read(trimmed) <= 0)
                {
                    yield return string.Join(" ", pending);
                    pending.Clear();
                    depth = new JsonDepth();
                }
            }

            if (pending.Count > 0)
            {
                yield return "\u0000cut " + string.Join(" ", pending);
            }
        }

        private static void AddRow(TableRows table, string name, string type, string? required, string description, string? defaultText = null)
        {
            int depth = 0;
            Match markers = Markers.Match(name);
            if (markers.Success)
            {
                depth = Math.Max(1, Regex.Matches(markers.Value, "└|├|&emsp;|\u2003|\u3000|—|-|>").Count);
                name = name.Substring(markers.Length);
            }

            name = name.Trim().Trim('`');
            if (name.Length == 0 || !Identifier.IsMatch(name))
            {
                return;
            }

            table.Items.Add(new TableRow(name, type.Trim().Trim('`'), string.IsNullOrWhiteSpace(required) ? null : required.Trim(), description.Trim(), depth, string.IsNullOrWhiteSpace(defaultText) ? null : defaultText!.Trim()));
        }

        /// <summary>
        /// The newer pages' tables: a JSON array of <c>{"参数名", "类型", "必填", "说明"}</c> objects. One that does not parse
        /// as a whole (cut, or a broken row) is read object by object: the rows that parse are kept, and the table is
        /// marked cut so that it warns. False when the text holds no such row.
        /// </summary>
        private static bool TryJsonRows(string text, TableRows table)
        {
            var rows = new List<JsonElement>();
            bool whole = TryParse(text, out JsonElement array) && array.ValueKind == JsonValueKind.Array;
            if (whole)
            {
                rows.AddRange(array.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object));
            }
            else
            {
                foreach (string block in CutRow.Blocks(text))
                {
                    if (block.StartsWith('\u0000'))
                    {
                        if (CutRow.Read(block, NameHeaders, TypeHeaders) is { } cut)
                        {
                            rows.Add(cut);
                        }
                    }
                    else if (TryParse(block, out JsonElement row) && row.ValueKind == JsonValueKind.Object)
                    {
                        rows.Add(row);
                    }
                }
            }

            rows = rows.Where(r => Value(r, NameHeaders) != null).ToList();
            if (rows.Count == 0 && !text.Contains("\"参数名\"", StringComparison.Ordinal))
            {
                return false;
            }

            table.Items.Add(new TableHeader(true));
            foreach (JsonElement row in rows)
            {
                AddRow(table, Value(row, NameHeaders)!, Value(row, TypeHeaders) ?? "string", Value(row, RequiredHeaders), Value(row, new[] { "说明", "描述", "description", "desc" }) ?? string.Empty);
            }

            table.Cut |= !whole;
            return true;
        }

        private static bool TryParse(string text, out JsonElement element)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                element = document.RootElement.Clone();
                return true;
            }
            catch (JsonException)
            {
                element = default;
                return false;
            }
        }

        private static string? Value(JsonElement row, string[] keys)
        {
            foreach (JsonProperty property in row.EnumerateObject())
            {
                if (keys.Any(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }

            return null;
        }

        private static string[] PipeCells(string line)
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith('|'))
            {
                trimmed = trimmed.Substring(1);
            }

            if (trimmed.EndsWith('|'))
            {
                trimmed = trimmed.Substring(0, trimmed.Length - 1);
            }

            return trimmed.Split('|').Select(c => c.Trim()).ToArray();
        }

        private static bool IsHeader(string[] cells)
            => cells.Length >= 2
               && NameHeaders.Any(h => string.Equals(cells[0], h, StringComparison.OrdinalIgnoreCase))
               && cells.Skip(1).Any(c => TypeHeaders.Any(h => string.Equals(c, h, StringComparison.OrdinalIgnoreCase)));

        /// <summary><c>属性 类型 必填说明</c>: the rendered page glued two header cells together.</summary>
        private static bool IsMergedHeader(string line) => Regex.IsMatch(line, "^(属性|参数名?|字段)\\s*类型(\\s|必填|说明|$)");

        private static int Index(string[] cells, string[] names, int fallback)
        {
            for (int i = 0; i < cells.Length; i++)
            {
                if (names.Any(n => string.Equals(cells[i], n, StringComparison.OrdinalIgnoreCase)))
                {
                    return i;
                }
            }

            return fallback;
        }

        /// <summary>The row has a default column whose cell reads as a required flag while the required cell does not.</summary>
        private static bool SlidOverEmptyDefault(string[] cells, int defaultIndex, int requiredIndex)
            => defaultIndex >= 0 && requiredIndex > defaultIndex
               && FieldTyper.ReadRequired(Cell(cells, defaultIndex)) is not null && !IsBoolean(Cell(cells, defaultIndex))
               && FieldTyper.ReadRequired(Cell(cells, requiredIndex)) is null;

        private static bool IsBoolean(string cell) => cell.Equals("true", StringComparison.OrdinalIgnoreCase) || cell.Equals("false", StringComparison.OrdinalIgnoreCase);

        private static string Cell(string[] cells, int index) => index >= 0 && index < cells.Length ? cells[index] : string.Empty;
    }
}
