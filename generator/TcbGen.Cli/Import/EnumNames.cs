using System;
using System.Linq;
using TcbGen.Specs;

namespace TcbGen.Cli.Import
{
    /// <summary>C# member names for enum values and error codes.</summary>
    internal static class EnumNames
    {
        public static string FromValue(string value)
        {
            string name = Naming.ToPascalCase(value);
            return name.Length > 0 && Naming.IdentifierProblem(name, NameRole.Member) == null ? name : "Value" + Naming.ToPascalCase(value.Replace("-", "Minus", StringComparison.Ordinal));
        }

        /// <summary>A PascalCase name from ASCII words, or null when the text has too few of them.</summary>
        public static string? FromWords(string text, int maxWords = 6)
        {
            string[] words = System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z][A-Za-z0-9]*")
                .Select(m => m.Value).Take(maxWords).ToArray();
            if (words.Length == 0)
            {
                return null;
            }

            string name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + (w.Length > 1 && w.ToUpperInvariant() == w ? w.Substring(1).ToLowerInvariant() : w.Substring(1))));
            return Naming.IdentifierProblem(name, NameRole.Member) == null ? name : null;
        }
    }
}
