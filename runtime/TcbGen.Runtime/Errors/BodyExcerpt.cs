using System;
using System.Text;
using System.Text.RegularExpressions;

namespace TcbGen.Runtime
{
    /// <summary>The bounded, redacted start of a response body, for exception messages.</summary>
    internal static class BodyExcerpt
    {
        internal const int MaxChars = 512;

        // Token endpoints answer with tokens in the body; an excerpt of a body we could not read must not leak them.
        private static readonly Regex SecretField = new Regex(
            "(\"[A-Za-z0-9_]*(?:token|ticket|secret)[A-Za-z0-9_]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static string? From(ReadOnlySpan<byte> body)
        {
            if (body.IsEmpty)
            {
                return null;
            }

            // Decode a little more than needed so a redaction pattern cut at the boundary still matches.
            int take = Math.Min(body.Length, MaxChars * 4);
            string text = Encoding.UTF8.GetString(body.Slice(0, take).ToArray());
            text = SecretField.Replace(text, "$1\"***\"");
            return text.Length > MaxChars ? text.Substring(0, MaxChars) : text;
        }
    }
}
