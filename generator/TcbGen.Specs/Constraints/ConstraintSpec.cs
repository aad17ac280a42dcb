using System.Collections.Generic;
using System.Globalization;

namespace TcbGen.Specs.Model
{
    /// <summary>
    /// What a request field's value must satisfy beyond its type: a range (<c>minimum</c>/<c>maximum</c>, inclusive, kept
    /// as the spec's number text), a length and a .NET <c>pattern</c> for strings, an item count for arrays, or one constant
    /// value. The generated validator and the emulator check the same facts; the XML docs show <see cref="Describe"/>.
    /// </summary>
    internal sealed record ConstraintSpec(
        string? Minimum = null,
        string? Maximum = null,
        int? MinLength = null,
        int? MaxLength = null,
        string? Pattern = null,
        int? MinItems = null,
        int? MaxItems = null,
        ConstantValue? Constant = null)
    {
        /// <summary>The constraints in words, for docs and messages: "at least 1, at most 7200".</summary>
        public string Describe()
        {
            var parts = new List<string>();
            if (Constant != null)
            {
                parts.Add(Constant.Kind == ConstantKind.String ? $"always \"{Constant.WireText}\"" : "always " + Constant.WireText);
            }

            AddRange(parts, Minimum, Maximum, string.Empty);
            AddRange(parts, Text(MinLength), Text(MaxLength), " characters");
            if (Pattern != null)
            {
                parts.Add($"matches the .NET regular expression {Pattern}");
            }

            AddRange(parts, Text(MinItems), Text(MaxItems), " items");
            return string.Join(", ", parts);
        }

        private static void AddRange(List<string> parts, string? minimum, string? maximum, string unit)
        {
            if (minimum != null && maximum != null && minimum == maximum)
            {
                parts.Add($"exactly {minimum}{unit}");
                return;
            }

            if (minimum != null)
            {
                parts.Add($"at least {minimum}{unit}");
            }

            if (maximum != null)
            {
                parts.Add($"at most {maximum}{unit}");
            }
        }

        private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
