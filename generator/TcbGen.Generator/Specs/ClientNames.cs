namespace TcbGen.Generator.Specs
{
    /// <summary>
    /// One generated client per token kind: <c>authorizer_access_token</c> → <c>TcbAuthorizerClient</c>. An endpoint's
    /// method exists only on the clients of the kinds its spec allows, so a wrong token does not compile.
    /// </summary>
    internal static class ClientNames
    {
        public const string ComponentKind = "component_access_token";
        public const string AuthorizerKind = "authorizer_access_token";
        private const string Suffix = "_access_token";

        public static string Class(string tokenKind) => "Tcb" + Stem(tokenKind) + "Client";

        public static string Interface(string tokenKind) => "I" + Class(tokenKind);

        /// <summary>The component token belongs to the platform itself; every other kind belongs to one account's appid.</summary>
        public static bool NeedsAppId(string tokenKind) => tokenKind != ComponentKind;

        private static string Stem(string tokenKind) =>
            Naming.ToPascalCase(tokenKind.EndsWith(Suffix, System.StringComparison.Ordinal)
                ? tokenKind.Substring(0, tokenKind.Length - Suffix.Length)
                : tokenKind);
    }
}
