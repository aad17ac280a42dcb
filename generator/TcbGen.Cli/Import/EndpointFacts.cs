using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using TcbGen.Specs;

namespace TcbGen.Cli.Import
{
    /// <summary>Reads identity and transport: name, title, description, notes, method and path, token kinds, permission sets.</summary>
    internal static class EndpointFacts
    {
        /// <summary>"POST https://api.weixin.qq.com/..."; the newer pages may put a badge word between ("POST New https://...").</summary>
        private static readonly Regex Url = new Regex("\\b(GET|POST)\\s+(?:[A-Za-z]+\\s+)?https?://api\\.weixin\\.qq\\.com(/[A-Za-z0-9_/.\\-]*)", RegexOptions.Compiled | RegexOptions.IgnoreCase);
        private static readonly Regex NothingToNote = new Regex("^\\W*(本接口)?(无|没有)(特殊|其他)?(的)?注意事项\\W*$|^\\W*(This (interface|API) has )?no special (notes|precautions)\\W*$", RegexOptions.Compiled | RegexOptions.IgnoreCase);
        private static readonly Regex InlineName = new Regex("(?:接口英文名|Interface (?:English )?name)\\s*[:：]\\s*([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Compiled | RegexOptions.IgnoreCase);
        /// <summary>A kind sent as <c>access_token=</c> named as a parameter of its own ("?component_access_token="): it settles the kind.</summary>
        private static readonly Regex NamedKind = new Regex(
            "(?:[?&]|^)" + KnownStems(TokenKinds.Known.Where(k => k.UrlParameter == TokenKinds.DefaultUrlParameter)) + TokenKinds.Suffix + "(?:=|\\s+string)",
            RegexOptions.Compiled | RegexOptions.Multiline | RegexOptions.IgnoreCase);

        private static readonly Regex AnyKind = new Regex(KnownStems(TokenKinds.Known) + TokenKinds.Suffix, RegexOptions.Compiled | RegexOptions.IgnoreCase);
        private static readonly Regex PermissionSets = new Regex("(?:权限集\\s*id\\s*为|permission set id[^:：]*(?:is)?)\\s*[:：]?\\s*((?:\\d+\\s*(?:、|,|，|和|and)?\\s*)+)", RegexOptions.Compiled | RegexOptions.IgnoreCase);

        public static void Read(IReadOnlyList<PageSection> sections, ImportedSpec spec)
        {
            // The page's first heading; a page saved without '#' headings starts with its title as a line.
            spec.Title = sections[0].TextLines.FirstOrDefault(l => l.Length > 1) ?? sections.Select(s => s.Heading).FirstOrDefault(h => h.Length > 0) ?? string.Empty;
            spec.Name = FirstLine(sections, "接口英文名", "Interface name", "Interface English name") ?? string.Empty;
            spec.Description = string.Join(" ", Body(sections, "功能描述", "Functional description", "Function description", "接口说明"));
            // "本接口无特殊注意事项" says there is nothing to note: it is no note.
            foreach (string note in Body(sections, "注意事项", "Note", "Notes").Where(n => !NothingToNote.IsMatch(n)))
            {
                spec.Notes.Add(note.TrimStart('•', '-', '*', ' ', '\u00a0').Trim());
            }

            string all = string.Join("\n", sections.SelectMany(s => s.Lines.Prepend("# " + s.Heading)));
            Match inlineName = InlineName.Match(all);
            if (spec.Name.Length == 0 && inlineName.Success)
            {
                spec.Name = inlineName.Groups[1].Value;
            }

            Match url = Url.Match(all);
            if (url.Success)
            {
                spec.Method = url.Groups[1].Value.ToUpperInvariant();
                spec.Path = url.Groups[2].Value.TrimEnd('/');
            }
            else
            {
                spec.Warnings.Add("No 'POST https://api.weixin.qq.com/...' line: the page gives no method and path.");
            }

            if (spec.Name.Length == 0 && spec.Path.Length > 0)
            {
                spec.Name = spec.Path.Substring(spec.Path.LastIndexOf('/') + 1);
                spec.Decisions.Add($"The page has no interface English name: named '{spec.Name}' after its path.");
            }

            ReadTokenKinds(sections, spec);
            Match sets = PermissionSets.Match(all);
            if (sets.Success)
            {
                spec.PermissionSets.AddRange(Regex.Matches(sets.Groups[1].Value, "\\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Distinct());
            }

            spec.RetrySafe = Regex.IsMatch(spec.Name, "^(get|query|describe|list|check|search|batchget|fetch)", RegexOptions.IgnoreCase);
            spec.Decisions.Add(spec.RetrySafe
                ? $"retrySafe is true: '{spec.Name}' reads by its name, so a resend is harmless."
                : $"retrySafe is false: the page does not say a resend is harmless (the safe default).");
        }

        /// <summary>
        /// From the access_token row ("access_token / cloudbase_access_token") and the 第三方调用 section; the component
        /// token is listed first, as in the seed specs.
        /// </summary>
        private static void ReadTokenKinds(IReadOnlyList<PageSection> sections, ImportedSpec spec)
        {
            IEnumerable<string> places = sections
                .Where(s => s.HeadingHas("请求参数", "Request parameters", "Request Parameter", "第三方调用", "Third Party", "Third-party", "查询参数", "Query String", "Query parameters"))
                .SelectMany(s => s.TextLines)
                .Where(l => l.Contains("access_token", StringComparison.OrdinalIgnoreCase) || l.Contains("权限集", StringComparison.Ordinal) || l.Contains("authorized", StringComparison.OrdinalIgnoreCase));
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            // The URL or a parameter named after the kind itself settles it ("?component_access_token=", a row
            // "component_access_token string ... 不是authorizer_access_token"), whatever its description mentions.
            Match named = NamedKind.Match(string.Join("\n", sections.SelectMany(s => s.TextLines)));
            if (named.Success)
            {
                spec.TokenKinds.Add(named.Groups[1].Value.ToLowerInvariant() + TokenKinds.Suffix);
                return;
            }

            foreach (string line in places)
            {
                foreach (Match match in AnyKind.Matches(line))
                {
                    kinds.Add(match.Groups[1].Value.ToLowerInvariant() + TokenKinds.Suffix);
                }
            }

            foreach (string kind in TokenKinds.Known.Select(k => k.Name).Where(kinds.Contains))
            {
                spec.TokenKinds.Add(kind);
            }

            if (spec.TokenKinds.Count == 0)
            {
                spec.TokenKinds.Add(TokenKinds.Authorizer);
                spec.Decisions.Add($"The page names no token kind (only access_token): {TokenKinds.Authorizer} is assumed, the token a third-party platform calls an account's APIs with.");
            }
        }

        /// <summary>The stems of <paramref name="kinds"/> as one regex group: <c>(component|authorizer)</c>.</summary>
        private static string KnownStems(IEnumerable<TokenKind> kinds) => "(" + string.Join("|", kinds.Select(k => Regex.Escape(k.Stem))) + ")";

        private static string? FirstLine(IReadOnlyList<PageSection> sections, params string[] headings)
            => sections.Where(s => headings.Any(h => s.Heading.Equals(h, StringComparison.OrdinalIgnoreCase))).SelectMany(s => s.TextLines).FirstOrDefault();

        private static IEnumerable<string> Body(IReadOnlyList<PageSection> sections, params string[] headings)
            => sections.Where(s => headings.Any(h => s.Heading.Equals(h, StringComparison.OrdinalIgnoreCase))).SelectMany(s => s.TextLines);
    }
}
