using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// Reads the errcode table: <c>code | message | solution</c> rows, or rendered rows where the English errmsg runs up to
    /// the first Chinese character and the solution follows. The 其他错误码 line becomes a note.
    /// </summary>
    internal static class ErrorTableReader
    {
        private static readonly Regex Row = new Regex("^\\|?\\s*(-?\\d+)\\s*(\\||\\s|(?=[A-Za-z\\u4e00-\\u9fff]))\\s*(.*)$", RegexOptions.Compiled);
        private static readonly Regex Cjk = new Regex("[\\u3000-\\u9fff\\uff00-\\uffef]", RegexOptions.Compiled);

        public static void Read(IEnumerable<PageSection> sections, ImportedSpec spec, IReadOnlyDictionary<int, (string Name, string Message)> known)
        {
            foreach (PageSection section in sections.Where(s => s.HeadingHas("错误码", "Error code", "Error Codes", "返回码", "errcode 的合法值", "errcode的合法值")))
            {
                bool rowsEndWithBar = false;
                foreach (string line in section.TextLines)
                {
                    if (line.Contains('|', StringComparison.Ordinal))
                    {
                        if (line.EndsWith('|'))
                        {
                            rowsEndWithBar = true;
                        }
                        else if (rowsEndWithBar)
                        {
                            spec.Warnings.Add($"The errcode table ends mid-row ('{line}'): the page looks cut. That row's code is kept; its text may be incomplete.");
                        }
                    }

                    if (line.StartsWith("其他错误码", StringComparison.Ordinal) || line.StartsWith("Other error", StringComparison.OrdinalIgnoreCase))
                    {
                        spec.Notes.Add(line.Trim('|', ' '));
                        continue;
                    }

                    Match match = Row.Match(line);
                    if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int code))
                    {
                        continue;
                    }

                    if (spec.Errors.Any(e => e.Code == code))
                    {
                        spec.Decisions.Add($"errcode {code} is listed twice on the page; the first row is kept.");
                        continue;
                    }

                    (string message, string? solution) = Split(match.Groups[2].Value == "|", match.Groups[3].Value, known.TryGetValue(code, out var builtIn) ? builtIn.Message : null);
                    spec.Errors.Add(new ImportedError(code, Name(code, message, solution, spec, known), message, solution));
                }
            }
        }

        /// <summary>
        /// Rendered rows run errmsg and solution together: the errmsg is the English up to the first Chinese character,
        /// shortened to the built-in specs' errmsg for the code when it starts so ("access_token expired access_token 超时"),
        /// or to its first half when it is said twice ("ok ok").
        /// </summary>
        private static (string Message, string? Solution) Split(bool pipes, string rest, string? knownMessage)
        {
            if (pipes)
            {
                string[] cells = rest.TrimEnd().TrimEnd('|').Split('|').Select(c => c.Trim()).ToArray();
                return (cells[0], cells.Length > 1 && cells[^1].Length > 0 ? string.Join(" | ", cells.Skip(1)) : null);
            }

            Match cjk = Cjk.Match(rest);
            string english = (cjk.Success ? rest.Substring(0, cjk.Index) : rest).Trim();
            string? solution = cjk.Success ? rest.Substring(cjk.Index).Trim() : null;
            if (knownMessage != null && english.Length > knownMessage.Length && english.StartsWith(knownMessage + " ", StringComparison.OrdinalIgnoreCase))
            {
                return (english.Substring(0, knownMessage.Length), english.Substring(knownMessage.Length).Trim() + (solution == null ? string.Empty : " " + solution));
            }

            if (english.Length > 0 && english.Length % 2 == 0 && !english.Contains(' ', StringComparison.Ordinal) && english.Substring(0, english.Length / 2) == english.Substring(english.Length / 2))
            {
                // "0okok": a glued row saying ok twice.
                return (english.Substring(0, english.Length / 2), solution ?? english.Substring(english.Length / 2));
            }

            string[] words = english.Split(' ');
            if (words.Length % 2 == 0 && words.Length > 0 && string.Join(" ", words.Take(words.Length / 2)) == string.Join(" ", words.Skip(words.Length / 2)))
            {
                string half = string.Join(" ", words.Take(words.Length / 2));
                return (half, solution ?? half);
            }

            return english.Length > 0 ? (english, solution) : (rest.Trim(), null);
        }

        private static string Name(int code, string message, string? solution, ImportedSpec spec, IReadOnlyDictionary<int, (string Name, string Message)> known)
        {
            if (known.TryGetValue(code, out var builtIn))
            {
                return Unique(builtIn.Name, code, spec);
            }

            // Only an English errmsg names a code; ASCII words inside a Chinese one ("模版 tid 参数错误") would mislead.
            string? name = StartsInEnglish(message) ? EnumNames.FromWords(message.Split(',', '，', ';')[0]) : StartsInEnglish(solution) ? EnumNames.FromWords(solution!) : null;
            if (name != null)
            {
                spec.Decisions.Add($"errcode {code} is named {name}, from its errmsg.");
            }
            else
            {
                name = "Error" + (code < 0 ? "Minus" : string.Empty) + Math.Abs((long)code).ToString(CultureInfo.InvariantCulture);
                spec.Decisions.Add($"errcode {code} has no English message: named {name}.");
            }

            return Unique(name, code, spec);
        }

        private static bool StartsInEnglish(string? text) => text != null && text.TrimStart().Length > 0 && char.IsAsciiLetter(text.TrimStart()[0]);

        private static string Unique(string name, int code, ImportedSpec spec)
        {
            if (spec.Errors.All(e => e.Name != name))
            {
                return name;
            }

            string unique = name + (code < 0 ? "Minus" : string.Empty) + Math.Abs((long)code).ToString(CultureInfo.InvariantCulture);
            spec.Decisions.Add($"errcode {code} has the same message as another code: named {unique}.");
            return unique;
        }
    }
}
