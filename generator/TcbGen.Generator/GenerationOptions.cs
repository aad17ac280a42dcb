namespace TcbGen.Generator
{
    /// <summary>
    /// What the consuming project decides about the generated code: its namespace, whether required request fields become
    /// C# 11 <c>required</c> members or constructor parameters, the accessibility of every generated type
    /// (<see cref="TypeAccessibility"/>: <c>public</c>, or <c>internal</c> for code that calls the endpoints itself, as
    /// TcbGen.Runtime does), and whether the clients and their registration are generated. <see cref="InvalidNamespace"/>,
    /// <see cref="InvalidAccessibility"/> and <see cref="InvalidEmitClients"/> hold values that could not be used, so they
    /// can be reported.
    /// </summary>
    internal sealed record GenerationOptions(
        string Namespace,
        bool UseRequiredMembers,
        bool LanguageVersionSupported,
        string? InvalidNamespace = null,
        string TypeAccessibility = GenerationOptionsReader.PublicAccessibility,
        bool EmitClients = true,
        string? InvalidAccessibility = null,
        string? InvalidEmitClients = null);
}
