using System;
using System.Runtime.CompilerServices;

namespace TcbGen.Generator.Emit
{
    internal sealed partial class SourceWriter
    {
        /// <summary>The tag of the doc being written (<see cref="OpenDoc"/>), or null.</summary>
        private string? _docTag;

        /// <summary>Where the open doc's text starts in the buffer, after its opening tag.</summary>
        private int _docTextStart;

        /// <summary>Whether the open doc's text holds a line break, so that <see cref="CloseDoc"/> lays it out over lines.</summary>
        private bool _docHasLineBreak;

        /// <summary>Writes <c>/// &lt;tag&gt;xml&lt;/tag&gt;</c>; <paramref name="xml"/> is already escaped and normalised (<see cref="SpecText.Xml"/>), so its only line break is \n.</summary>
        public void Doc(string tag, string xml) => Doc(tag, string.Empty, xml);

        /// <summary>Writes <c>/// &lt;tag attributes&gt;xml&lt;/tag&gt;</c>; <paramref name="attributes"/> starts with a space.</summary>
        public void Doc(string tag, string attributes, string xml)
        {
            OpenDoc(tag, attributes);
            Append(xml);
            CloseDoc();
        }

        /// <summary>An interpolated doc; its spec text is escaped with <c>{text:xml}</c>.</summary>
        public void Doc(string tag, [InterpolatedStringHandlerArgument("", "tag")] ref TextHandler xml) => CloseDoc();

        /// <summary>An interpolated doc with attributes (starting with a space); its spec text is escaped with <c>{text:xml}</c>.</summary>
        public void Doc(string tag, string attributes, [InterpolatedStringHandlerArgument("", "tag", "attributes")] ref TextHandler xml) => CloseDoc();

        /// <summary>Writes <c>/// &lt;param name="name"&gt;xml&lt;/param&gt;</c>.</summary>
        public void Param(string name, string xml)
        {
            OpenDoc("param", string.Empty, name);
            Append(xml);
            CloseDoc();
        }

        /// <summary>
        /// Starts a doc whose text is written in pieces (<see cref="Write(ref TextHandler)"/>, one per piece), up to
        /// <see cref="CloseDoc"/>. Its text goes straight into the file; one doc at a time.
        /// </summary>
        public void OpenDoc(string tag, string attributes = "") => OpenDoc(tag, attributes, null);

        private void OpenDoc(string tag, string attributes, string? paramName)
        {
            StartText();
            _builder.Append("/// <").Append(tag).Append(attributes);
            if (paramName != null)
            {
                _builder.Append(" name=\"").Append(paramName).Append('"');
            }

            _builder.Append('>');
            _docTag = tag;
            _docTextStart = _builder.Length;
            _docHasLineBreak = false;
        }

        /// <summary>
        /// Ends the doc <see cref="OpenDoc"/> started: on one line when its text has no line break, else the tags on lines
        /// of their own and each line of the text after <c>///</c>.
        /// </summary>
        public void CloseDoc()
        {
            string tag = _docTag!;
            _docTag = null;
            if (_docHasLineBreak)
            {
                // Rare (remarks with lists or paragraphs): the text is moved once, line by line, below the opening tag.
                int length = _builder.Length - _docTextStart;
                if (_scratch.Length < length)
                {
                    _scratch = new char[length];
                }

                char[] text = _scratch;
                _builder.CopyTo(_docTextStart, text, 0, length);
                _builder.Length = _docTextStart;
                Line();
                int start = 0;
                while (true)
                {
                    int lineBreak = Array.IndexOf(text, '\n', start, length - start);
                    int end = lineBreak < 0 ? length : lineBreak;
                    StartText();
                    _builder.Append("/// ").Append(text, start, end - start);
                    Line();
                    if (lineBreak < 0)
                    {
                        break;
                    }

                    start = lineBreak + 1;
                }

                StartText();
                _builder.Append("/// ");
            }

            _builder.Append("</").Append(tag).Append('>');
            Line();
        }
    }
}
