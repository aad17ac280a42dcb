using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Diff
{
    /// <summary>
    /// Compares a reviewed spec with a page's import: fields by side and wire path (present, type, required-ness,
    /// location, enum values, default), errcodes, method and path. Defaults are compared only where the page states
    /// one; an errcode the spec takes from an included error set is never "removed" (the page need not list shared
    /// codes). With <c>pageText</c>, a spec field whose row the page text cannot hold, or an errcode the text never
    /// mentions, is left out: the stored pages are cut excerpts, and what they do not show cannot be compared.
    /// </summary>
    internal static class SpecComparer
    {
        /// <summary>What a secret field's value is printed as, as the runtime's redactor and the emulator's records mask it.</summary>
        private const string SecretMask = "***";

        public static IReadOnlyList<SpecDifference> Compare(SpecFacts spec, SpecFacts page, string? pageText = null)
        {
            var rule = new DecisionRule(spec.Decisions);
            var differences = new List<SpecDifference>();
            if (!string.Equals(spec.Method, page.Method, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add(new SpecDifference("endpoint", "method", "changed", spec.Method, page.Method, false));
            }

            if (page.Path.Length > 0 && spec.Path != page.Path)
            {
                differences.Add(new SpecDifference("endpoint", "path", "changed", spec.Path, page.Path, false));
            }

            foreach (string path in ComparedFields(spec, page, pageText))
            {
                spec.Fields.TryGetValue(path, out FieldFacts? want);
                page.Fields.TryGetValue(path, out FieldFacts? got);
                bool decided = rule.CoversField(path);
                if (want == null || got == null)
                {
                    FieldFacts only = (want ?? got)!;
                    string text = only.Type + (only.Required.Length > 0 ? ", " + only.Required : string.Empty);
                    differences.Add(new SpecDifference(path, "field", want == null ? "added" : "removed", want == null ? null : text, got == null ? null : text, decided));
                    continue;
                }

                Add(differences, path, "type", want.Type, got.Type, decided);
                Add(differences, path, "required", want.Required, got.Required, decided);
                Add(differences, path, "location", want.Location, got.Location, decided);
                bool secret = want.Secret || got.Secret;
                Add(differences, path, "enum", want.Enum, got.Enum, decided, secret);
                if (got.Default != null)
                {
                    Add(differences, path, "default", want.Default, got.Default, decided, secret);
                }
            }

            foreach (int code in ComparedCodes(spec, page, pageText))
            {
                bool inSpec = spec.Codes.Contains(code) || spec.IncludedCodes.Contains(code);
                bool inPage = page.Codes.Contains(code) || page.IncludedCodes.Contains(code);
                if (inSpec != inPage)
                {
                    string subject = "errcode " + code.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    differences.Add(new SpecDifference(subject, "errcode", inPage ? "added" : "removed", inSpec ? subject : null, inPage ? subject : null, rule.CoversCode(code)));
                }
            }

            return differences;
        }

        /// <summary>
        /// The union of both sides' field paths, the spec's order first; with page text, only the spec fields whose row the
        /// text can hold (<see cref="PageRows"/>) or that the import has.
        /// </summary>
        public static IEnumerable<string> ComparedFields(SpecFacts spec, SpecFacts page, string? pageText)
            => spec.Fields.Values.Where(f => pageText == null || page.Fields.ContainsKey(f.Path) || PageRows.MayHold(pageText, f.Path)).Select(f => f.Path)
                .Concat(page.Fields.Keys.Where(k => !spec.Fields.ContainsKey(k)));

        /// <summary>
        /// The spec fields the page text names but cannot hold a row for (after the excerpt's cut, or outside their
        /// parent's sub-table): left out of the comparison, listed so a score shows what it does not count.
        /// </summary>
        public static IEnumerable<string> NamedButNotHeld(SpecFacts spec, SpecFacts page, string pageText)
            => spec.Fields.Values.Where(f => !page.Fields.ContainsKey(f.Path) && Mentions(pageText, f.Name) && !PageRows.MayHold(pageText, f.Path)).Select(f => f.Path);

        /// <summary>
        /// The codes compared: the spec's own rows (those the page text holds, given page text) and every code the page
        /// lists. A code of an included set that the page does not list is not a difference.
        /// </summary>
        public static IEnumerable<int> ComparedCodes(SpecFacts spec, SpecFacts page, string? pageText)
            => spec.Codes.Where(c => pageText == null || page.Codes.Contains(c) || Mentions(pageText, c.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Union(page.Codes);

        private static bool Mentions(string text, string word)
            => Regex.IsMatch(text, "(?<![A-Za-z0-9_\\-])" + Regex.Escape(word) + "(?![A-Za-z0-9_])");

        private static void Add(List<SpecDifference> differences, string path, string aspect, string? spec, string? page, bool decided, bool secret = false)
        {
            if (!string.Equals(spec, page, StringComparison.Ordinal))
            {
                differences.Add(new SpecDifference(path, aspect, spec == null ? "added" : page == null ? "removed" : "changed", Shown(spec, secret), Shown(page, secret), decided));
            }
        }

        /// <summary>A secret field's enum values and default are compared, but printed as <see cref="SecretMask"/>.</summary>
        private static string? Shown(string? value, bool secret) => secret && value != null ? SecretMask : value;
    }
}
