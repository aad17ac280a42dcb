using TcbGen.Specs.Model;

namespace TcbGen.Specs.Json
{
    /// <summary>Turns character offsets into zero-based lines and columns, breaking lines as Roslyn's SourceText does.</summary>
    internal sealed class LineMap
    {
        // Counted first, then filled: one array of the exact size instead of a list doubling through a file's lines.
        private readonly int[] _lineStarts;
        private readonly int _length;

        public LineMap(string text)
        {
            _length = text.Length;
            _lineStarts = new int[1 + ForEachLineBreak(text, null, 0)];
            ForEachLineBreak(text, _lineStarts, 1);
        }

        public SourceSpan Span(int start, int end)
        {
            start = Clamp(start);
            end = Clamp(end < start ? start : end);
            (int startLine, int startColumn) = Position(start);
            (int endLine, int endColumn) = Position(end);
            return new SourceSpan(start, end - start, startLine, startColumn, endLine, endColumn);
        }

        private int Clamp(int offset) => offset < 0 ? 0 : offset > _length ? _length : offset;

        private (int Line, int Column) Position(int offset)
        {
            int low = 0;
            int high = _lineStarts.Length - 1;
            while (low < high)
            {
                int middle = (low + high + 1) / 2;
                if (_lineStarts[middle] <= offset)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return (low, offset - _lineStarts[low]);
        }

        // Every character that ends a line; IndexOfAny with five or fewer characters is vectorised by the runtime, so the
        // scan skips a line's text in blocks instead of testing it one character at a time.
        private static readonly char[] LineBreakChars = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

        /// <summary>Counts the line breaks, writing where each next line starts into <paramref name="starts"/> from <paramref name="index"/> when given.</summary>
        private static int ForEachLineBreak(string text, int[]? starts, int index)
        {
            int count = 0;
            int i = text.IndexOfAny(LineBreakChars);
            while (i >= 0)
            {
                // "\r\n" is one break.
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (starts != null)
                {
                    starts[index + count] = i + 1;
                }

                count++;
                i = i + 1 < text.Length ? text.IndexOfAny(LineBreakChars, i + 1) : -1;
            }

            return count;
        }
    }
}
