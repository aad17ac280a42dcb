namespace TcbGen.Specs.Model
{
    /// <summary>Where something is in a spec file: a character range and its zero-based line/column bounds.</summary>
    internal readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static SourceSpan Empty { get; } = new SourceSpan(0, 0, 0, 0, 0, 0);

        public override string ToString() => $"({StartLine + 1},{StartColumn + 1})";
    }
}
