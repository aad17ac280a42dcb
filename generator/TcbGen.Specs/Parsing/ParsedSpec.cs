using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>What parsing one spec file gave: the endpoint when the file is sound, and every problem found.</summary>
    internal sealed record ParsedSpec(string FilePath, EndpointSpec? Spec, EquatableArray<SpecDiagnostic> Diagnostics);
}
