using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace TcbGen.Runtime
{
    /// <summary>The bounded, redacted start of a response body, for exception messages.</summary>
    internal static class BodyExcerpt
    {
        internal const int MaxChars = 512;

        /// <summary>The first <see cref="MaxChars"/> characters of <paramref name="body"/>, secrets removed by <see cref="TcbSecretRedactor"/>.</summary>
        /// <param name="body">The body, or its start.</param>
        /// <param name="knownSecret">The token the call was sent with, if any.</param>
        /// <param name="secretFields">Field names the spec marks secret, masked beside those the redactor recognises by name.</param>
        public static string? From(in ReadOnlySequence<byte> body, string? knownSecret = null, IReadOnlyList<string>? secretFields = null)
        {
            if (body.IsEmpty)
            {
                return null;
            }

            // Decode a little more than needed so a secret cut at the boundary is still recognised, and redact before cutting.
            long take = Math.Min(body.Length, MaxChars * 4);
            string text = TcbSecretRedactor.Redact(Encoding.UTF8.GetString(body.Slice(0, take).ToArray()), knownSecret, secretFields)!;
            return text.Length > MaxChars ? text.Substring(0, MaxChars) : text;
        }
    }
}
