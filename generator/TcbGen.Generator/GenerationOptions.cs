namespace TcbGen.Generator
{
    /// <summary>
    /// What the consuming project decides about the generated code: its namespace, and whether required
    /// request fields become C# 11 <c>required</c> members or constructor parameters. <see cref="InvalidNamespace"/>
    /// holds a <c>TcbGenNamespace</c> value that could not be used, so it can be reported.
    /// </summary>
    internal sealed record GenerationOptions(string Namespace, bool UseRequiredMembers, bool LanguageVersionSupported, string? InvalidNamespace = null);
}
