using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace TcbGen.Generator.Emit
{
    internal sealed partial class SourceWriter
    {
        /// <summary>Larger doc buffers are not kept: an odd spec's long description should not pin memory.</summary>
        private const int MaxKeptDocCapacity = 16 * 1024;

        /// <summary>
        /// Where a doc's text is gathered before it is written: whether it goes on one line or several is known only once
        /// it is complete. One per thread, as the writer's own buffer is; a doc is written before the next one starts.
        /// </summary>
        [ThreadStatic]
        private static StringBuilder? t_doc;

        /// <summary>The doc's characters, copied out of <see cref="t_doc"/> so its lines can be appended as ranges.</summary>
        [ThreadStatic]
        private static char[]? t_docChars;

        /// <summary>An interpolated doc, its holes appended (and escaped, with <c>{text:xml}</c>) without building its string.</summary>
        public void Doc(string tag, ref DocHandler xml, string attributes = "") => WriteDoc(tag, attributes, null, xml.Text);

        /// <summary>An interpolated <c>summary</c>; see <see cref="Doc(string, ref DocHandler, string)"/>.</summary>
        public void Summary(ref DocHandler xml) => WriteDoc("summary", string.Empty, null, xml.Text);

        /// <summary>An interpolated <c>param</c>; see <see cref="Doc(string, ref DocHandler, string)"/>.</summary>
        public void Param(string name, ref DocHandler xml) => WriteDoc("param", string.Empty, name, xml.Text);

        /// <summary>
        /// Starts a doc whose text is gathered in pieces (<see cref="DocText.Append"/>), then written by
        /// <see cref="Doc(string, DocText)"/>. One doc at a time: the next <c>Summary</c>, <c>Doc</c> or <c>Param</c> starts over.
        /// </summary>
        public DocText StartDoc() => new DocText(StartDocText());

        /// <summary>Writes a doc gathered through <see cref="StartDoc"/>.</summary>
        public void Doc(string tag, DocText xml) => WriteDoc(tag, string.Empty, null, xml.Builder);

        /// <summary>Writes a <c>param</c> doc gathered through <see cref="StartDoc"/>.</summary>
        public void Param(string name, DocText xml) => WriteDoc("param", string.Empty, name, xml.Builder);

        /// <summary>The emptied doc buffer of this thread.</summary>
        private static StringBuilder StartDocText()
        {
            StringBuilder doc = t_doc ??= new StringBuilder(1024);
            if (doc.Capacity > MaxKeptDocCapacity)
            {
                doc = t_doc = new StringBuilder(1024);
            }

            return doc.Clear();
        }

        /// <summary>
        /// Writes <c>/// &lt;tag attributes&gt;xml&lt;/tag&gt;</c> on one line, or, when <paramref name="xml"/> holds a line
        /// break, the tags on lines of their own and each line of the text after <c>///</c>.
        /// </summary>
        private void WriteDoc(string tag, string attributes, string? paramName, StringBuilder xml)
        {
            int length = xml.Length;
            char[] chars = t_docChars is { } kept && kept.Length >= length ? kept : new char[Math.Max(length, 1024)];
            t_docChars = chars.Length <= MaxKeptDocCapacity ? chars : null;
            xml.CopyTo(0, chars, 0, length);

            int lineBreak = Array.IndexOf(chars, '\n', 0, length);
            Indent();
            OpenDocTag(tag, attributes, paramName);
            if (lineBreak < 0)
            {
                _builder.Append(chars, 0, length).Append("</").Append(tag).Append(">\n");
                return;
            }

            _builder.Append('\n');
            int start = 0;
            while (true)
            {
                int end = lineBreak < 0 ? length : lineBreak;
                Indent();
                _builder.Append("/// ").Append(chars, start, end - start).Append('\n');
                if (lineBreak < 0)
                {
                    break;
                }

                start = lineBreak + 1;
                lineBreak = Array.IndexOf(chars, '\n', start, length - start);
            }

            Indent();
            _builder.Append("/// </").Append(tag).Append(">\n");
        }

        private void OpenDocTag(string tag, string attributes, string? paramName)
        {
            _builder.Append("/// <").Append(tag).Append(attributes);
            if (paramName != null)
            {
                _builder.Append(" name=\"").Append(paramName).Append('"');
            }

            _builder.Append('>');
        }

        /// <summary>Appends the pieces of an interpolated doc to the thread's doc buffer; the writer then lays out its lines.</summary>
        [InterpolatedStringHandler]
        internal readonly struct DocHandler
        {
            public DocHandler(int literalLength, int formattedCount)
            {
                Text = StartDocText();
            }

            public DocHandler(int literalLength, int formattedCount, DocText doc)
            {
                Text = doc.Builder;
            }

            /// <summary>The doc's text so far.</summary>
            public StringBuilder Text { get; }

            public void AppendLiteral(string value) => Text.Append(value);

            public void AppendFormatted(string? value) => Text.Append(value);

            /// <summary>Spec text escaped on the way: <c>{text:xml}</c>, <c>{name:literal}</c> (see <see cref="SpecText.Append"/>).</summary>
            public void AppendFormatted(string? value, string? format) => SpecText.Append(Text, value, format);

            public void AppendFormatted(char value) => Text.Append(value);

            public void AppendFormatted(int value) => CSharp.AppendInteger(Text, value);

            public void AppendFormatted(long value) => CSharp.AppendInteger(Text, value);

            public void AppendFormatted(ValueAccess value) => value.AppendTo(Text);

            public void AppendFormatted(CatalogExpression expression) => expression.AppendTo(Text);

            public void AppendFormatted<T>(T value) => Text.Append(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());
        }
    
        /// <summary>A doc's text, gathered in pieces; see <see cref="StartDoc"/>.</summary>
        internal readonly struct DocText
        {
            internal DocText(StringBuilder builder) => Builder = builder;

            internal StringBuilder Builder { get; }

            /// <summary>Appends an interpolated piece (its holes escaped with <c>{text:xml}</c>).</summary>
            public void Append([InterpolatedStringHandlerArgument("")] ref DocHandler piece)
            {
            }
        }
    }
}
