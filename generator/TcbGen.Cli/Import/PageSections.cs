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
        public static IReadOnlyList<PageSection> Split(IReadOnlyList<string> lines)
        {
            var sections = new List<PageSection>();
            string heading = string.Empty;
            var body = new List<string>();
            foreach (string line in lines)
            {
                string trimmed = line.TrimStart();
                if (trimmed.StartsWith('#'))
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
