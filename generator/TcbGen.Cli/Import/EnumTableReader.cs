using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>Reads "text_mode 的枚举值" / "Enumeration values of text_mode" sections: rows of <c>value description</c>.</summary>
    internal static class EnumTableReader
    {
        /// <summary>"x 的枚举值", "x 的合法值", "Enumeration values of x", and the newer pages' "Body.action Enum", "Body.indexes(Array).keys.direction Enum".</summary>
        private static readonly Regex Heading = new Regex("^(?:([A-Za-z_][A-Za-z0-9_.]*)\\s*的?\\s*(?:枚举值|合法值|取值)|(?:Enum(?:eration)?s?|Enumerated|Legal) values? (?:of|for) ([A-Za-z_][A-Za-z0-9_.]*)|(?:Req|Res|Body|Query)\\.([A-Za-z0-9_.()]+)\\s+Enum\\s*$)", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        /// <summary>A value and its description; a quoted value (<c>"1"</c>) is read without its quotes.</summary>
        private static readonly Regex Row = new Regex("^\\|?\\s*[\"'`]?([A-Za-z0-9_\\-]+)[\"'`]?\\s*(?:\\||\\s)\\s*(.*?)\\s*\\|?$", RegexOptions.Compiled);

        /// <summary>A table's separator row (<c>|---|---|</c>), never a value.</summary>
        private static readonly Regex Separator = new Regex("^[|:\\-\\s]+$", RegexOptions.Compiled);

        private static readonly HashSet<string> HeaderWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "值", "value", "说明", "枚举值", "描述", "取值", "合法值", "enum" };

        public static void Read(IEnumerable<PageSection> sections, ImportedSpec spec)
        {
            foreach (PageSection section in sections)
            {
                Match heading = Heading.Match(section.Heading);
                if (!heading.Success)
                {
                    continue;
                }

                string fieldName = new[] { heading.Groups[1], heading.Groups[2], heading.Groups[3] }.First(g => g.Success && g.Length > 0).Value;
                fieldName = Regex.Replace(fieldName, "\\([A-Za-z]*\\)", string.Empty);
                fieldName = fieldName.Substring(fieldName.LastIndexOf('.') + 1);
                if (fieldName == "errcode")
                {
                    continue; // The errcode table, read by ErrorTableReader.
                }

                ImportedField? field = Find(spec.Request, fieldName) ?? Find(spec.Response, fieldName);
                if (field == null)
                {
                    spec.Warnings.Add($"The enum table '{section.Heading}' names no field of the tables; it was left out.");
                    continue;
                }

                var members = new List<ImportedEnumMember>();
                foreach (string line in section.TextLines)
                {
                    Match row = Row.Match(line);
                    if (!row.Success || Separator.IsMatch(line) || HeaderWords.Contains(row.Groups[1].Value))
                    {
                        continue;
                    }

                    string description = row.Groups[2].Value.Trim();
                    string? name = EnumNames.FromWords(description, 3);
                    if (name == null || members.Any(m => m.Name == name))
                    {
                        name = EnumNames.FromValue(row.Groups[1].Value);
                        spec.Decisions.Add($"'{field.Name}' = {row.Groups[1].Value} has no English description: its C# name {name} was made from the value.");
                    }

                    members.Add(new ImportedEnumMember(row.Groups[1].Value, name, description.Length > 0 ? description : null));
                }

                if (members.Count == 0)
                {
                    continue;
                }

                bool integers = members.All(m => int.TryParse(m.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
                FieldType element = field.Type.Element;
                if (element.Kind == "integer" && !integers || element.Kind is not ("integer" or "string"))
                {
                    spec.Warnings.Add($"The enum table of '{field.Name}' does not fit its type {element.Kind}; it was left out.");
                    continue;
                }

                if (element.Kind == "integer" && element.Format == "int64")
                {
                    field.Type = field.Type.WithElement(new FieldType("integer"));
                }

                if (element.Kind == "integer" && field.Type.Items == null)
                {
                    spec.Decisions.RemoveAll(d => d.StartsWith($"'{field.Name}' is 'number' on the page", StringComparison.Ordinal) || d.Contains($".{field.Name}' is 'number' on the page", StringComparison.Ordinal));
                }

                field.Enum.Clear();
                field.Enum.AddRange(members);
            }
        }

        private static ImportedField? Find(IEnumerable<ImportedField> fields, string name)
        {
            foreach (ImportedField field in fields)
            {
                if (field.Name == name)
                {
                    return field;
                }

                ImportedField? nested = Find(field.Fields, name);
                if (nested != null)
                {
                    return nested;
                }
            }

            return null;
        }
    }
}
