using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// What parsing one file gave: for a spec, the endpoint when the file is sound; for a definitions file, its
    /// <see cref="Definitions"/>; and every problem found.
    /// </summary>
    internal sealed record ParsedSpec(string FilePath, EndpointSpec? Spec, EquatableArray<SpecDiagnostic> Diagnostics, DefinitionsSpec? Definitions = null);
}
