using System;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Diff
{
    /// <summary>
    /// Whether a stored page text (an excerpt, often cut) can hold the row of a spec field, judged from the text alone,
    /// never from an import. Every page shape puts a nested field's row in its parent's sub-table, after the parent's own
    /// row ("Body.x(Array) Object Payload", "x 的结构"), and the response's rows after its heading. So the text can hold
    /// the row of <c>response.a[].b</c> only when, before the excerpt's cut, it names a response heading, then <c>a</c>,
    /// then <c>b</c>. Names that occur elsewhere on the page (<c>env</c>, <c>appid</c>, <c>errmsg</c> are on every page)
    /// no longer count a row that lies after the cut. The row the excerpt is cut in (an unclosed <c>{</c> of a JSON-array
    /// table, a pipe row without its closing <c>|</c>) is not held: its type and required-ness are cut away.
    /// </summary>
    internal static class PageRows
    {
        private static readonly Regex ResponseHeading = new Regex(
            "返回参数|返回值|返回体|返回的 ?JSON|返回示例|返回数据示例|Response Payload|Response Parameters|Return parameters|Return value|Return Data",
            RegexOptions.Compiled | RegexOptions.IgnoreCase);

        /// <summary>True when <paramref name="text"/> can hold the row of the field at <paramref name="path"/> (<c>request.a[].b</c>).</summary>
        public static bool MayHold(string text, string path)
        {
            string shown = text.Substring(0, CutRowStart(text));
            string[] segments = path.Split('.');
            int from = 0;
            if (segments[0] == "response")
            {
                Match heading = ResponseHeading.Match(shown);
                if (!heading.Success)
                {
                    return false;
                }

                from = heading.Index + heading.Length;
            }

            for (int i = 1; i < segments.Length; i++)
            {
                string name = segments[i].Replace("[]", string.Empty, StringComparison.Ordinal);
                Match at = new Regex("(?<![A-Za-z0-9_\\-])" + Regex.Escape(name) + "(?![A-Za-z0-9_])").Match(shown, from);
                if (!at.Success)
                {
                    return false;
                }

                from = at.Index + at.Length;
            }

            return true;
        }

        /// <summary>Where the row the excerpt is cut in starts; the text's length when it ends after a whole row.</summary>
        private static int CutRowStart(string text)
        {
            int open = text.LastIndexOf('{');
            if (open >= 0 && text.IndexOf('}', open) < 0)
            {
                // A JSON-array table's row gives name, type and required-ness together; in a cut example, the values
                // before the last comma are whole (as the importer's CutJson reads them), only the last one is cut.
                int comma = text.LastIndexOf(',');
                return text.IndexOf("\"参数名\"", open, StringComparison.Ordinal) >= 0 || comma < open ? open : comma;
            }

            int lastLine = text.TrimEnd().LastIndexOf('\n') + 1;
            string last = text.Substring(lastLine).Trim();
            return last.StartsWith('|') && !last.EndsWith('|') ? lastLine : text.Length;
        }
    }
}
