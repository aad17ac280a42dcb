using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// Reads the examples: "示例说明: xxx" opens an example; a request marker (a 请求数据示例 heading, or a line such as
    /// "POST 数据示例:" or "请求示例") is followed by the request body, a response marker by the response body. Bodies
    /// are repaired to valid JSON; a cut one is a warning.
    /// </summary>
    internal static class ExampleReader
    {
        private static readonly Regex ExampleStart = new Regex("^(示例说明|Example (Dxplaination|Explanation|Description|Explaination))\\s*[:：]\\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly Regex RequestMarker = new Regex("(请求数据示例|请求示例|请求包示例|POST ?数据示例|Sample Request|Request Data|Request Example|Example Requests)", RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly Regex ResponseMarker = new Regex("(返回数据示例|返回示例|返回包示例|返回结果示例|响应示例|Return Data|Response Example|Response Data|Return an example|An example response)", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public static void Read(IReadOnlyList<PageSection> sections, ImportedSpec spec)
        {
            // One stream of lines, headings included, so markers work whether they are headings or plain lines.
            var lines = new List<string>();
            foreach (PageSection section in sections)
            {
                lines.Add(section.Heading);
                lines.AddRange(section.Lines);
            }

            string text = string.Join("\n", lines);
            int[] starts = LineStarts(lines);
            ImportedExample? current = null;
            bool? isRequest = null;
            for (int i = 0; i < lines.Count; i++)
            {
                string line = lines[i].Trim();
                Match start = ExampleStart.Match(line);
                if (start.Success)
                {
                    current = new ImportedExample(start.Groups[3].Value.Trim());
                    spec.Examples.Add(current);
                    isRequest = null;
                    continue;
                }

                if (line.Length < 40 && RequestMarker.IsMatch(line))
                {
                    isRequest = true;
                    continue;
                }

                if (line.Length < 40 && ResponseMarker.IsMatch(line))
                {
                    isRequest = false;
                    continue;
                }

                if (isRequest == null || !line.StartsWith('{'))
                {
                    continue;
                }

                string? block = JsonRepair.Block(text, starts[i], out int end, out bool complete);
                string which = isRequest == true ? "request" : "response";
                if (block == null)
                {
                    continue;
                }

                if (current == null || (isRequest == true ? current.Request != null : current.Response != null))
                {
                    current = new ImportedExample(null);
                    spec.Examples.Add(current);
                }

                bool request = isRequest == true;
                isRequest = null;
                while (i + 1 < lines.Count && starts[i + 1] < end)
                {
                    i++;
                }

                if (!complete)
                {
                    // A cut response still shows its values' names and kinds; a cut request would wrongly show fields as left out.
                    JsonObject? kept = request ? null : CutJson.Close(block);
                    spec.Warnings.Add($"The {which} example never closes: the page looks cut there. {(kept == null ? "It was left out." : "Its part before the cut was kept.")}");
                    if (kept != null)
                    {
                        current.Response = kept;
                    }

                    break;
                }

                var parsed = JsonRepair.ParseObject(block);
                if (parsed == null)
                {
                    spec.Warnings.Add($"A {which} example is not JSON even after repair; it was left out.");
                    continue;
                }

                if (request)
                {
                    parsed.Remove("access_token");
                    current.Request = parsed;
                }
                else
                {
                    current.Response = parsed;
                }
            }

            spec.Examples.RemoveAll(e => e.Request == null && e.Response == null);
        }

        private static int[] LineStarts(List<string> lines)
        {
            var starts = new int[lines.Count];
            int offset = 0;
            for (int i = 0; i < lines.Count; i++)
            {
                starts[i] = offset;
                offset += lines[i].Length + 1;
            }

            return starts;
        }
    }
}
