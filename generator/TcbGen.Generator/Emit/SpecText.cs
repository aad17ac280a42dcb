using System.Text;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// The one way spec text (titles, descriptions, messages, wire names, file names) becomes part of generated code.
    /// Text for people (XML docs, comments) is normalised: every line break (\r\n, \r, U+0085, U+2028, U+2029) becomes
    /// \n, and what XML or a source file cannot hold (control characters, U+FFFE/U+FFFF, unpaired surrogates) becomes
    /// U+FFFD. Text for the program (string literals) keeps every character, escaped.
    /// </summary>
    internal static class SpecText
    {
        private const char Replacement = '\uFFFD';

        /// <summary>Spec text as XML element content, with line breaks as \n (the writer puts each line after <c>///</c>).</summary>
        public static string Xml(string text)
        {
            if (IsPlain(text, xml: true))
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            AppendNormalized(builder, text, escapeXml: true);
            return builder.ToString();
        }

        /// <summary>Appends <see cref="Xml"/> of <paramref name="text"/>, without making it a string first.</summary>
        public static void AppendXml(StringBuilder builder, string text)
        {
            if (IsPlain(text, xml: true))
            {
                builder.Append(text);
                return;
            }

            AppendNormalized(builder, text, escapeXml: true);
        }

        /// <summary>Spec text on one line of a <c>//</c> comment.</summary>
        public static string Comment(string text) => Normalize(text).Replace('\n', ' ');

        /// <summary>Spec text as a C# string literal holding exactly its characters.</summary>
        public static string Literal(string value)
        {
            if (IsPlain(value, xml: false))
            {
                return "\"" + value + "\"";
            }

            var builder = new StringBuilder(value.Length + 2);
            AppendLiteral(builder, value);
            return builder.ToString();
        }

        /// <summary>Appends <see cref="Literal"/> of <paramref name="value"/>, without making it a string first.</summary>
        public static void AppendLiteral(StringBuilder builder, string value)
        {
            builder.Append('"');
            AppendEscaped(builder, value);
            builder.Append('"');
        }

        /// <summary>Appends the inside of <see cref="Literal"/>, for a literal made of several pieces: <c>"'{wire:escaped}' is required."</c>.</summary>
        public static void AppendEscaped(StringBuilder builder, string value)
        {
            if (IsPlain(value, xml: false))
            {
                builder.Append(value);
                return;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\0': builder.Append("\\0"); break;
                    default:
                        if (IsPrintable(value, i))
                        {
                            builder.Append(c);
                        }
                        else
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// Appends <paramref name="value"/> as a hole's format asks: <c>literal</c> (<see cref="Literal"/>), <c>escaped</c> (a literal's inside), <c>xml</c>
        /// (<see cref="Xml"/>), or none (as is). The emitters' interpolated lines and docs write <c>{name:literal}</c>.
        /// </summary>
        public static void Append(StringBuilder builder, string? value, string? format)
        {
            switch (format)
            {
                case null:
                    builder.Append(value);
                    break;
                case "literal":
                    AppendLiteral(builder, value!);
                    break;
                case "escaped":
                    AppendEscaped(builder, value!);
                    break;
                case "xml":
                    AppendXml(builder, value!);
                    break;
                default:
                    throw new System.ArgumentException("Unknown format of spec text: " + format, nameof(format));
            }
        }

        /// <summary>Line breaks to \n; other control characters, non-characters and unpaired surrogates to U+FFFD.</summary>
        public static string Normalize(string text)
        {
            if (IsPlain(text, xml: false))
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
            AppendNormalized(builder, text, escapeXml: false);
            return builder.ToString();
        }

        /// <summary>The characters that <see cref="Normalize"/> and <see cref="Xml"/> make a line break (\n).</summary>
        public static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

        /// <summary>The normalisation of <see cref="Normalize"/>, appended; <paramref name="escapeXml"/> also escapes &amp;, &lt; and &gt;.</summary>
        private static void AppendNormalized(StringBuilder builder, string text, bool escapeXml)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                }
                else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    builder.Append('\n');
                }
                else if (c == '\t')
                {
                    builder.Append(c);
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else if (escapeXml && c == '&')
                {
                    builder.Append("&amp;");
                }
                else if (escapeXml && c == '<')
                {
                    builder.Append("&lt;");
                }
                else if (escapeXml && c == '>')
                {
                    builder.Append("&gt;");
                }
                else
                {
                    builder.Append(IsPrintable(text, i) ? c : Replacement);
                }
            }
        }

        /// <summary>
        /// Whether every character stands as itself in a literal, a comment and (when <paramref name="xml"/>) XML text, so the
        /// text needs no copy: the common case, as spec text is mostly plain.
        /// </summary>
        private static bool IsPlain(string text, bool xml)
        {
            foreach (char c in text)
            {
                if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF' || char.IsSurrogate(c)
                    || (xml && (c == '&' || c == '<' || c == '>')))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the character at <paramref name="index"/> may stand as itself in source and XML.</summary>
        private static bool IsPrintable(string text, int index)
        {
            char c = text[index];
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFFFE' || c == '\uFFFF')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
            }

            if (char.IsLowSurrogate(c))
            {
                return index > 0 && char.IsHighSurrogate(text[index - 1]);
            }

            return true;
        }
    }
}
