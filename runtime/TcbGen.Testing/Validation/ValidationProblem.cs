namespace TcbGen.Testing.Validation
{
    /// <summary>Why a request body breaks its spec: 40101 (missing field) or 40097 (wrong type or enum value), and where.</summary>
    internal sealed record ValidationProblem(int Errcode, string Hint);
}
