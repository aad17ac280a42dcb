namespace TcbGen.Testing.Tokens
{
    /// <summary>The token kinds the emulator's own token endpoints issue.</summary>
    internal static class TokenKinds
    {
        public const string Component = "component_access_token";
        public const string Authorizer = "authorizer_access_token";
    }
}
