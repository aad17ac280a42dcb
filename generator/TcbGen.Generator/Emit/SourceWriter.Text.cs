using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace TcbGen.Generator.Emit
{
    internal sealed partial class SourceWriter
    {
        /// <summary>
        /// An interpolated string given to the writer, appended piece by piece where it belongs instead of being built as a
        /// string first (the emitters write tens of megabytes at a thousand specs). Lines and pieces of lines start with
        /// the indent; a doc's text starts after its opening tag (<see cref="Doc(string, ref TextHandler)"/>).
        /// </summary>
        [InterpolatedStringHandler]
        internal readonly struct TextHandler
        {
            private readonly SourceWriter _writer;

            public TextHandler(int literalLength, int formattedCount, SourceWriter writer)
            {
                writer.StartText();
                _writer = writer;
            }

            public TextHandler(int literalLength, int formattedCount, SourceWriter writer, string tag)
                : this(literalLength, formattedCount, writer, tag, string.Empty)
            {
            }

            public TextHandler(int literalLength, int formattedCount, SourceWriter writer, string tag, string attributes)
            {
                writer.OpenDoc(tag, attributes);
                _writer = writer;
            }

            public void AppendLiteral(string value) => _writer.Append(value);

            public void AppendFormatted(string? value) => _writer.Append(value);

            /// <summary>Spec text escaped on the way: <c>{text:xml}</c>, <c>{name:literal}</c>, <c>{name:escaped}</c> (see <see cref="SpecText.Append"/>).</summary>
            public void AppendFormatted(string? value, string? format) => _writer.AppendSpecText(value, format);

            public void AppendFormatted(char value) => _writer.Append(value);

            public void AppendFormatted(int value) => CSharp.AppendInteger(_writer._builder, value);

            public void AppendFormatted(long value) => CSharp.AppendInteger(_writer._builder, value);

            public void AppendFormatted(ValueAccess value) => value.AppendTo(_writer._builder);

            public void AppendFormatted(CatalogExpression expression) => expression.AppendTo(_writer._builder);

            public void AppendFormatted(CSharpType type) => type.AppendTo(_writer._builder);

            public void AppendFormatted<T>(T value) => _writer.Append(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());
        }

        private void Append(string? text)
        {
            if (text == null)
            {
                return;
            }

            _builder.Append(text);
            if (_docTag != null && text.IndexOf('\n') >= 0)
            {
                _docHasLineBreak = true;
            }
        }

        private void Append(char c)
        {
            _builder.Append(c);
            _docHasLineBreak |= _docTag != null && c == '\n';
        }

        private void AppendSpecText(string? value, string? format)
        {
            // Spec text for people may hold any line break; as XML it becomes \n (SpecText), and so a line of the doc.
            if (_docTag != null && value != null && (format == "xml" ? value.IndexOfAny(SpecText.LineBreaks) : format == null ? value.IndexOf('\n') : -1) >= 0)
            {
                _docHasLineBreak = true;
            }

            SpecText.Append(_builder, value, format);
        }
    }
}
