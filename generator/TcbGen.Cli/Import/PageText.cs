using System;
using System.Collections.Generic;
using System.Net;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// A page as lines of text, whatever it was saved as: Markdown and rendered text pass through; HTML becomes
    /// Markdown-like lines (headings as <c>#</c>, table rows as <c>a | b |</c>, list items as <c>- </c>).
    /// The machine translation's known garbles of <c>access_token</c> are undone here, once.
    /// </summary>
    internal static class PageText
    {
        private static readonly Regex Tag = new Regex("<[^>]+>", RegexOptions.Compiled);

        public static IReadOnlyList<string> Lines(string text)
        {
            if (LooksLikeHtml(text))
            {
                text = HtmlToText(text);
            }

            text = UndoNoise(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
            return text.Split('\n');
        }

        /// <summary><c>access_初始值</c> and <c>access_Token</c> are how the English pages spell <c>access_token</c>.</summary>
        public static string UndoNoise(string text)
        {
            text = Regex.Replace(text, "access_初始值", "access_token");
            text = Regex.Replace(text, "(?<=_access_|access_)Token", "token");
            text = Regex.Replace(text, "ACCESS_初始值", "ACCESS_TOKEN");
            return Regex.Replace(text, "(?m)^\\s*初始值\\s*", "- ");
        }

        private static bool LooksLikeHtml(string text)
            => Regex.IsMatch(text, "<(html|body|table|h[1-6]|div|p)[\\s>]", RegexOptions.IgnoreCase);

        private static string HtmlToText(string html)
        {
            string text = Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", string.Empty, RegexOptions.Singleline | RegexOptions.IgnoreCase);
            text = Regex.Replace(text, "<h([1-6])[^>]*>", "\n# ", RegexOptions.IgnoreCase);
            text = Regex.Replace(text, "</h[1-6]>", "\n", RegexOptions.IgnoreCase);
            text = Regex.Replace(text, "<tr[^>]*>", "\n", RegexOptions.IgnoreCase);
            text = Regex.Replace(text, "</t[dh]>", " |", RegexOptions.IgnoreCase);
            text = Regex.Replace(text, "<li[^>]*>", "\n- ", RegexOptions.IgnoreCase);
            text = Regex.Replace(text, "<(br|/p|/div|/pre|/tr|/li|/table)[^>]*>", "\n", RegexOptions.IgnoreCase);
            text = Tag.Replace(text, string.Empty);
            text = WebUtility.HtmlDecode(text);

            // A header row of an HTML table is followed by a Markdown separator so that the table reader sees one shape.
            var lines = new List<string>();
            bool previousWasRow = false;
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.Trim();
                bool row = line.EndsWith('|');
                if (row && !previousWasRow)
                {
                    lines.Add(line);
                    lines.Add(string.Concat(System.Linq.Enumerable.Repeat("---|", line.Split('|').Length - 1)));
                }
                else
                {
                    lines.Add(line);
                }

                previousWasRow = row;
            }

            return string.Join("\n", lines);
        }
    }
}
