namespace TcbGen.Generator.Model
{
    /// <summary>
    /// What the consuming project decides about the generated code: its namespace, and whether required
    /// request fields become C# 11 <c>required</c> members or constructor parameters.
    /// </summary>
    internal sealed record GenerationOptions(string Namespace, bool UseRequiredMembers, bool LanguageVersionSupported);
}
