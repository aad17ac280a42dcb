using System.Collections.Generic;
using TcbGen.Specs.Model;

namespace TcbGen.Specs.Json
{
    /// <summary>Turns character offsets into zero-based lines and columns, breaking lines as Roslyn's SourceText does.</summary>
    internal sealed class LineMap
    {
        private readonly List<int> _lineStarts = new List<int> { 0 };
        private readonly int _length;

        public LineMap(string text)
        {
            _length = text.Length;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                    _lineStarts.Add(i + 1);
                }
                else if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    _lineStarts.Add(i + 1);
                }
            }
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
            int high = _lineStarts.Count - 1;
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
    }
}
