namespace TcbGen.Cli.Diff
{
    /// <summary>
    /// One way a page differs from a reviewed spec. <see cref="Subject"/> is a field's side and wire path
    /// (<c>request.env</c>), an errcode (<c>errcode 40097</c>) or <c>endpoint</c>; <see cref="Aspect"/> what differs
    /// (field, type, required, location, enum, default, errcode, method, path); <see cref="Change"/> is added (the page
    /// has it, the spec does not), removed (the spec has it, the page does not) or changed. <see cref="Decided"/>: one
    /// of the spec's decisions names the subject, so the difference was chosen and does not count.
    /// </summary>
    internal sealed record SpecDifference(string Subject, string Aspect, string Change, string? Spec, string? Page, bool Decided);
}
