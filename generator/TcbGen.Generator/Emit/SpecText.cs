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
            foreach (char c in Normalize(text))
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default: builder.Append(c); break;
                }
            }

            return builder.ToString();
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
            builder.Append('"');
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

            return builder.Append('"').ToString();
        }

        /// <summary>Line breaks to \n; other control characters, non-characters and unpaired surrogates to U+FFFD.</summary>
        public static string Normalize(string text)
        {
            if (IsPlain(text, xml: false))
            {
                return text;
            }

            var builder = new StringBuilder(text.Length);
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
                else
                {
                    builder.Append(IsPrintable(text, i) ? c : Replacement);
                }
            }

            return builder.ToString();
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
