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

        /// <summary>Counts the line breaks, writing where each next line starts into <paramref name="starts"/> from <paramref name="index"/> when given.</summary>
        private static int ForEachLineBreak(string text, int[]? starts, int index)
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                else if (c != '\r' && c != '\n' && c != '\u0085' && c != '\u2028' && c != '\u2029')
                {
                    continue;
                }

                if (starts != null)
                {
                    starts[index + count] = i + 1;
                }

                count++;
            }

            return count;
        }
    }
}
