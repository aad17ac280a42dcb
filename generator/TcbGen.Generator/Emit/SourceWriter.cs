using System;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// The one way the emitters write C#, in the shape of the System.Text.Json generator's <c>SourceWriter</c>: lines
    /// (<see cref="Line()"/>, and <see cref="Write(string)"/> for a line written in pieces) indented by the blocks around
    /// them (<see cref="Open(string)"/> … <see cref="Close"/>), and XML docs (<see cref="Doc(string, string)"/>, or
    /// <see cref="OpenDoc"/> … <see cref="CloseDoc"/>). Text with holes is always an interpolated string,
    /// <c>writer.Line($"…{name}…")</c>; a hole's format escapes spec text (<c>{text:xml}</c>, <c>{name:literal}</c>,
    /// <c>{name:escaped}</c>, see <see cref="SpecText.Append"/>). Line endings are '\n' on every machine.
    /// </summary>
    /// <remarks>
    /// What is here for speed is measured in tests/TcbGen.Benchmarks/RESULTS.md (issue 25): an interpolated line is
    /// appended hole by hole through <see cref="TextHandler"/> rather than built as a string first; a finished endpoint
    /// file (<see cref="ToSourceText"/>) is handed to Roslyn as UTF-8 (<see cref="Utf8SourceText"/>); and its buffer and
    /// scratch array are then left for the next writer (one spare of each, on any thread). A doc's text is written in
    /// place, in the file's own buffer: no text is gathered anywhere a later call could find it.
    /// </remarks>
    internal sealed partial class SourceWriter
    {
        /// <summary>Larger buffers are not kept: one odd spec should not pin megabytes for the compiler's lifetime.</summary>
        private const int MaxKeptCapacity = 256 * 1024;

        /// <summary>Nor a scratch array grown for an odd doc's long text.</summary>
        private const int MaxKeptScratch = 16 * 1024;

        /// <summary>The buffer a writer finished with <see cref="ToSourceText"/> left behind, taken by the next writer.</summary>
        private static StringBuilder? s_spare;

        /// <summary>The scratch array a finished writer left behind (see <see cref="_scratch"/>).</summary>
        private static char[]? s_spareScratch;

        private readonly StringBuilder _builder;

        /// <summary>
        /// Characters copied out of the buffer within one call, to be written back (a doc laid out over lines) or encoded
        /// (<see cref="ToSourceText"/>); what it holds means nothing once the call returns.
        /// </summary>
        private char[] _scratch;

        private int _indent;
        private bool _atLineStart = true;

        public SourceWriter()
        {
            // An endpoint file is tens of kilobytes: a new buffer for each would be allocated, grown and dropped per spec.
            _builder = Interlocked.Exchange(ref s_spare, null) ?? new StringBuilder(16 * 1024);
            _scratch = Interlocked.Exchange(ref s_spareScratch, null) ?? new char[1024];
        }

        /// <summary>Ends the line (an empty line when nothing was written on it).</summary>
        public void Line()
        {
            _builder.Append('\n');
            _atLineStart = true;
        }

        /// <summary>Writes <paramref name="text"/>, then ends the line.</summary>
        public void Line(string text)
        {
            Write(text);
            Line();
        }

        /// <summary>An interpolated line; see <see cref="TextHandler"/>.</summary>
        public void Line([InterpolatedStringHandlerArgument("")] ref TextHandler line) => Line();

        /// <summary>Writes <paramref name="text"/> on the current line, indented when it starts the line.</summary>
        public void Write(string text)
        {
            if (text.Length > 0)
            {
                StartText();
                Append(text);
            }
        }

        /// <summary>An interpolated piece of the current line (or of an open doc); see <see cref="TextHandler"/>.</summary>
        public void Write([InterpolatedStringHandlerArgument("")] ref TextHandler text)
        {
        }

        /// <summary>Writes <paramref name="header"/> and <c>{</c>, each on its line; what follows is indented one level more.</summary>
        public void Open(string header)
        {
            Line(header);
            OpenBrace();
        }

        /// <summary>An interpolated header; see <see cref="Open(string)"/>.</summary>
        public void Open([InterpolatedStringHandlerArgument("")] ref TextHandler header)
        {
            Line();
            OpenBrace();
        }

        /// <summary>Ends the block <see cref="Open(string)"/> started: <c>}</c>, then <paramref name="suffix"/> (<c>;</c>, <c>,</c>).</summary>
        public void Close(string suffix = "")
        {
            _indent--;
            Write("}");
            Write(suffix);
            Line();
        }

        /// <summary>
        /// Starts the body of a method, opened by the caller, that says whether <paramref name="value"/> is one of
        /// <paramref name="caseCount"/> labels: a switch the compiler turns into a jump table. The caller writes each
        /// label (<c>Line($"case {label}:")</c>), then <see cref="CloseMembershipSwitch"/>. With no labels it returns false.
        /// </summary>
        public void OpenMembershipSwitch(string value, int caseCount)
        {
            if (caseCount == 0)
            {
                Line("return false;");
                return;
            }

            Open($"switch ({value})");
        }

        /// <summary>Ends what <see cref="OpenMembershipSwitch"/> started, and the method the caller opened.</summary>
        public void CloseMembershipSwitch(int caseCount)
        {
            if (caseCount > 0)
            {
                Line("    return true;");
                Line("default:");
                Line("    return false;");
                Close();
            }

            Close();
        }

        /// <summary>Opens <c>if (value.HasValue)</c> for a nullable value type, or <c>if (value != null)</c>: the value is set.</summary>
        public void OpenIfSet(ValueAccess value, bool isValueType)
        {
            if (isValueType)
            {
                Open($"if ({value}.HasValue)");
            }
            else
            {
                Open($"if ({value} != null)");
            }
        }

        /// <summary>The file header every generated file starts with, then the namespace.</summary>
        public void FileHeader(string origin, string @namespace)
        {
            Line("// <auto-generated/>");
            Line($"// Generated by TcbGen from {SpecText.Comment(origin)}. Changes to this file are lost when it is regenerated.");
            Line("#nullable enable");
            Line();
            Open($"namespace {@namespace}");
        }

        /// <summary>The text written so far.</summary>
        public override string ToString() => _builder.ToString();

        /// <summary>
        /// The text written, as Roslyn takes it: UTF-8 bytes (<see cref="Utf8SourceText"/>). The writer is done with:
        /// its buffer goes to the next writer.
        /// </summary>
        public SourceText ToSourceText()
        {
            SourceText text = Utf8SourceText.From(_builder, _scratch);
            if (_builder.Capacity <= MaxKeptCapacity)
            {
                _builder.Clear();
                Volatile.Write(ref s_spare, _builder);
            }

            if (_scratch.Length <= MaxKeptScratch)
            {
                Volatile.Write(ref s_spareScratch, _scratch);
            }

            return text;
        }

        private void OpenBrace()
        {
            Line("{");
            _indent++;
        }

        /// <summary>Indents when the text about to be written starts a line.</summary>
        private void StartText()
        {
            if (_atLineStart)
            {
                _builder.Append(' ', _indent * 4);
                _atLineStart = false;
            }
        }
    }
}
