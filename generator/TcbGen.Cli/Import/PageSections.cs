using System;
using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Cli.Import
{
    /// <summary>A headed part of a page: the heading's text (without <c>#</c>) and the lines up to the next heading.</summary>
    internal sealed record PageSection(string Heading, IReadOnlyList<string> Lines)
    {
        public bool HeadingHas(params string[] words) => words.Any(w => Heading.Contains(w, StringComparison.OrdinalIgnoreCase));

        public IEnumerable<string> TextLines => Lines.Select(l => l.Trim()).Where(l => l.Length > 0);
    }

    /// <summary>Splits a page's lines at its headings.</summary>
    internal static class PageSections
    {
        /// <summary>Headings a rendered page shows as plain lines, without Markdown's <c>#</c> (the English pages' "2. Request Parameters", "Request Body Request Payload" too).</summary>
        private static readonly System.Text.RegularExpressions.Regex BareHeading = new System.Text.RegularExpressions.Regex(
            "^(?:\\d+\\.\\s*)?(请求地址|请求参数|请求参数说明|返回参数|返回参数说明|返回值|请求数据示例|返回数据示例|请求示例|返回示例|错误码|返回码说明|调用方式|接口英文名|功能描述|注意事项|第三方调用|云调用|接口方法|返回的 ?JSON 数据包|[A-Za-z_][A-Za-z0-9_.]* ?的(结构|合法值|枚举值)|Request parameters|Return parameters|Return value|Error code|Response Parameters|Request Body Request Payload|Query Parameters Query String Parameters|Response Body Response Payload|Call Method|HTTPS Call|Cloud Call|Third-party Call|Notes)$",
            System.Text.RegularExpressions.RegexOptions.Compiled | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        private static bool IsBareHeading(string line) => line.Length < 40 && BareHeading.IsMatch(line);

        public static IReadOnlyList<PageSection> Split(IReadOnlyList<string> lines)
        {
            var sections = new List<PageSection>();
            string heading = string.Empty;
            var body = new List<string>();
            foreach (string line in lines)
            {
                string trimmed = line.TrimStart();
                if (trimmed.StartsWith('#') || IsBareHeading(trimmed.Trim()))
                {
                    sections.Add(new PageSection(heading, body));
                    // "2. 请求参数" reads as "请求参数".
                    heading = System.Text.RegularExpressions.Regex.Replace(trimmed.TrimStart('#').Trim(), "^\\d+(\\.\\d+)*\\.?\\s+", string.Empty);
                    body = new List<string>();
                }
                else
                {
                    body.Add(line);
                }
            }

            sections.Add(new PageSection(heading, body));
            return sections;
        }
    }
}
