using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// Reads the examples: "示例说明: xxx" opens an example; a 请求/request heading is followed by the request body, a
    /// 返回/response heading by the response body. Bodies are repaired to valid JSON; a cut one is a warning.
    /// </summary>
    internal static class ExampleReader
    {
        private static readonly Regex ExampleStart = new Regex("^(示例说明|Example (Dxplaination|Explanation|Description|Explaination))\\s*[:：]\\s*(.*)$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public static void Read(IReadOnlyList<PageSection> sections, ImportedSpec spec)
        {
            ImportedExample? current = null;
            foreach (PageSection section in sections)
            {
                bool? isRequest = section.HeadingHas("请求数据示例", "请求示例", "Sample Request", "Request Data", "Request Example", "请求包示例")
                    ? true
                    : section.HeadingHas("返回数据示例", "返回示例", "Return Data", "Response Example", "Response Data", "返回包示例", "返回结果示例") ? false : null;
                string body = string.Join("\n", section.Lines);
                foreach (string line in section.TextLines)
                {
                    Match start = ExampleStart.Match(line);
                    if (start.Success)
                    {
                        current = new ImportedExample(start.Groups[3].Value.Trim());
                        spec.Examples.Add(current);
                    }
                }

                if (isRequest == null)
                {
                    continue;
                }

                if (current == null || (isRequest == true ? current.Request != null : current.Response != null))
                {
                    current = new ImportedExample(null);
                    spec.Examples.Add(current);
                }

                string? block = JsonRepair.Block(body, 0, out _, out bool complete);
                if (block == null)
                {
                    continue;
                }

                string which = isRequest == true ? "request" : "response";
                if (!complete)
                {
                    spec.Warnings.Add($"The {which} example under '{section.Heading}' never closes: the page looks cut there. It was left out.");
                    continue;
                }

                var parsed = JsonRepair.ParseObject(block);
                if (parsed == null)
                {
                    spec.Warnings.Add($"The {which} example under '{section.Heading}' is not JSON even after repair; it was left out.");
                    continue;
                }

                if (isRequest == true)
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
    }
}
