using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Diff
{
    /// <summary>
    /// Which differences the spec's <c>decisions</c> settle. A difference on a field is decided when a decision names
    /// the field by its wire path from the body (<c>env</c>, <c>info_list.env</c>; <c>info_list[].env</c> also matches),
    /// as a whole path: not preceded by a letter, digit, <c>_</c>, <c>.</c> or <c>]</c>, and not followed by a letter,
    /// digit, <c>_</c>, <c>[</c> or a <c>.</c> that goes on with a name. A decision naming the side
    /// (<c>request.env</c>) also matches. A difference on an errcode is decided when a decision holds the code as a whole
    /// number (<c>40097</c>, <c>-1</c>). Nothing else is decided: method and path differences always count.
    /// </summary>
    internal sealed class DecisionRule
    {
        private readonly IReadOnlyList<string> _decisions;

        public DecisionRule(IReadOnlyList<string> decisions) => _decisions = decisions.Select(d => d.Replace("[]", string.Empty, System.StringComparison.Ordinal)).ToList();

        /// <summary>True when a decision names the field at <paramref name="sidePath"/> (<c>request.info_list[].env</c>).</summary>
        public bool CoversField(string sidePath)
        {
            string side = sidePath.Replace("[]", string.Empty, System.StringComparison.Ordinal);
            string wire = side.Substring(side.IndexOf('.') + 1);
            return _decisions.Any(d => Names(d, wire) || Names(d, side));
        }

        private static bool Names(string decision, string path)
            => Regex.IsMatch(decision, "(?<![A-Za-z0-9_.\\]])" + Regex.Escape(path) + "(?![A-Za-z0-9_\\[]|\\.[A-Za-z0-9_])");

        /// <summary>True when a decision holds <paramref name="code"/> as a whole number.</summary>
        public bool CoversCode(int code)
        {
            var pattern = new Regex("(?<![0-9\\-])" + Regex.Escape(code.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "(?![0-9])");
            return _decisions.Any(pattern.IsMatch);
        }
    }
}
