using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The one place that removes secrets from text read off the wire (body excerpts, errmsg, protocol-error text)
    /// before it reaches an exception, a log or a span. Servers and gateways echo requests: an HTML error page quoting
    /// the request line, a text body, JSON with a <c>url</c> field, an errmsg repeating the URL. So the redactor removes
    /// the call's own token wherever it appears, and the value of every token-, ticket- or secret-named parameter or
    /// field (<c>access_token</c>, <c>cloudbase_access_token</c>, <c>component_access_token</c>,
    /// <c>authorizer_access_token</c>, <c>*_refresh_token</c>, <c>component_verify_ticket</c>, <c>appsecret</c>, …)
    /// in query strings (also percent- and \u-escaped), form bodies, JSON (string, number and boolean values, and objects
    /// and arrays as a whole), header lines and HTML.
    /// </summary>
    internal static class TcbSecretRedactor
    {
        /// <summary>What a removed value is replaced with.</summary>
        public const string Mask = "***";

        // Names are matched whole and atomically, then judged by IsSecretName: no backtracking inside a name, so the
        // cost stays linear however long the text (an errmsg is not bounded).
        private const string Name = "(?<name>(?>[A-Za-z0-9_]+))";

        // JSON (also with escaped quotes inside a JSON string): "name": "value" or \"name\":\"value\", and numbers and
        // booleans ("pin": 123456, "key": true), since a secret is not always a string; a literal's value ends where it does.
        private static readonly Regex JsonField = new Regex(
            "(?<q>\\\\?\")" + Name + "\\k<q>\\s*:\\s*"
            + "(?:\\\\?\"(?<value>(?:[^\"\\\\]|\\\\(?!\")[^\"]?)*)|(?<value>-?(?>[0-9][0-9.eE+\\-]*)|true|false))",
            RegexOptions.CultureInvariant);

        // A JSON field whose value is an object or array: the whole value is masked (see MaskContainers).
        private static readonly Regex JsonContainerField = new Regex(
            "(?<q>\\\\?\")" + Name + "\\k<q>\\s*:\\s*(?=[\\[{])",
            RegexOptions.CultureInvariant);

        // Query strings, form bodies, request lines in HTML or text: name=value, also with = (and the & that ends the
        // value) percent-, HTML- or \u-escaped (also \\u, a \u escape inside a JSON string). A name starts after a word
        // boundary or right after an escape (%26, \u0026), never inside one, so "%26pin" is "pin"; a value ends at an
        // escaped &, so a parameter inside it is seen on its own.
        private static readonly Regex Parameter = new Regex(
            "(?:(?<=%[0-9A-Fa-f]{2}|\\\\u[0-9A-Fa-f]{4})|(?<![A-Za-z0-9_%\\\\]))" + Name
            + "(?:=|%3D|%253D|\\\\{1,2}u003[dD]|&#0*61;|&#x0*3D;)(?<value>(?:(?!%26|%2526)[^&\\s\"'<>#;\\\\])*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // Header lines echoed in a text or HTML body: "name: value".
        private static readonly Regex HeaderLine = new Regex(
            "(?<![A-Za-z0-9_])" + Name + "[ \\t]*:[ \\t]*(?<value>[^\\s\"'<>&,;\\\\]+)",
            RegexOptions.CultureInvariant);

        private static readonly MatchEvaluator MaskValue = Masked;

        /// <summary>
        /// Returns <paramref name="text"/> with secrets replaced by <see cref="Mask"/>; <see langword="null"/> stays
        /// <see langword="null"/>.
        /// </summary>
        /// <param name="text">Text that came from the server.</param>
        /// <param name="knownSecret">The token the call was sent with, removed wherever it appears; optional.</param>
        /// <param name="secretFields">More field or parameter names whose values are secret (a spec's <c>"secret"</c> fields), matched exactly; optional.</param>
        public static string? Redact(string? text, string? knownSecret = null, IReadOnlyList<string>? secretFields = null)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            string redacted = text!;
            if (!string.IsNullOrEmpty(knownSecret) && redacted.IndexOf(knownSecret!, StringComparison.Ordinal) >= 0)
            {
                redacted = redacted.Replace(knownSecret, Mask);
            }

            MatchEvaluator mask = secretFields == null || secretFields.Count == 0 ? MaskValue : match => Masked(match, secretFields);
            redacted = MaskContainers(redacted, secretFields);
            redacted = JsonField.Replace(redacted, mask);
            redacted = Parameter.Replace(redacted, mask);
            return HeaderLine.Replace(redacted, mask);
        }

        /// <summary>
        /// Replaces the value of every secret-named JSON field that is an object or array with <c>"***"</c> as a whole, in
        /// JSON and in JSON escaped inside a JSON string (<c>\"name\":{…}</c>). A value cut off by the end of the text is
        /// masked to the end.
        /// </summary>
        private static string MaskContainers(string text, IReadOnlyList<string>? secretFields)
        {
            Match match = JsonContainerField.Match(text);
            if (!match.Success)
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            int copied = 0;
            while (match.Success)
            {
                int valueStart = match.Index + match.Length;
                if (!IsSecret(match.Groups["name"].Value, secretFields))
                {
                    match = match.NextMatch();
                    continue;
                }

                string quote = match.Groups["q"].Value;
                builder.Append(text, copied, valueStart - copied).Append(quote).Append(Mask).Append(quote);
                copied = EndOfContainer(text, valueStart, escaped: quote.Length == 2);
                match = copied < text.Length ? JsonContainerField.Match(text, copied) : Match.Empty;
            }

            return builder.Append(text, copied, text.Length - copied).ToString();
        }

        /// <summary>Where the object or array starting at <paramref name="start"/> ends (after its closing bracket), skipping strings.</summary>
        private static int EndOfContainer(string text, int start, bool escaped)
        {
            int depth = 0;
            bool inString = false;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\\')
                {
                    // Escaped JSON: \" opens or closes a string; any other escape (\\, \n, \u…) is skipped.
                    if (escaped && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        inString = !inString;
                    }

                    i++;
                    continue;
                }

                if (!escaped && c == '"')
                {
                    inString = !inString;
                }
                else if (!inString && (c == '{' || c == '['))
                {
                    depth++;
                }
                else if (!inString && (c == '}' || c == ']') && --depth == 0)
                {
                    return i + 1;
                }
            }

            return text.Length;
        }

        private static bool IsSecret(string name, IReadOnlyList<string>? secretFields)
            => IsSecretName(name) || (secretFields != null && Contains(secretFields, name));

        private static bool Contains(IReadOnlyList<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a field or parameter name says it holds a secret (see <see cref="TcbGen.Specs.SecretNames"/>).</summary>
        internal static bool IsSecretName(string name) => TcbGen.Specs.SecretNames.IsSecretName(name);

        /// <summary>The match with its <c>value</c> group replaced by <see cref="Mask"/>, when its <c>name</c> is a secret's.</summary>
        private static string Masked(Match match) => Masked(match, null);

        private static string Masked(Match match, IReadOnlyList<string>? secretFields)
        {
            Group value = match.Groups["value"];
            string name = match.Groups["name"].Value;
            if (!IsSecret(name, secretFields) || value.Length == 0)
            {
                return match.Value;
            }

            int start = value.Index - match.Index;
            return match.Value.Substring(0, start) + Mask + match.Value.Substring(start + value.Length);
        }
    }
}
