namespace TcbGen.Specs.Model
{
    /// <summary>A problem found in a spec file: a TCB id, a finished message, and where it is.</summary>
    internal sealed record SpecDiagnostic(string Id, string Message, string FilePath, SourceSpan Span)
    {
        public override string ToString() => $"{FilePath}{Span}: {(SpecDiagnosticIds.IsWarning(Id) ? "warning" : "error")} {Id}: {Message}";
    }
}
