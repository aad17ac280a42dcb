using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace TcbGen.Specs
{
    /// <summary>
    /// One kind of access token, with everything the generator, the emulator and the runtime need to know about it:
    /// its wire name, the URL parameter it is sent as, whether it belongs to one account (appid), and its client's names.
    /// </summary>
    /// <param name="Name">The name WeChat gives the token, as specs list it in <c>tokenKinds</c>.</param>
    /// <param name="UrlParameter">The query parameter the token is sent as.</param>
    /// <param name="BelongsToAccount">Whether the token is one account's (keyed by appid) rather than the platform's own.</param>
    internal sealed record TokenKind(string Name, string UrlParameter, bool BelongsToAccount)
    {
        /// <summary><c>authorizer_access_token</c> → <c>TcbAuthorizerClient</c>.</summary>
        public string ClientClassName => "Tcb" + Naming.ToPascalCase(Stem) + "Client";

        /// <summary><c>authorizer_access_token</c> → <c>ITcbAuthorizerClient</c>.</summary>
        public string ClientInterfaceName => "I" + ClientClassName;

        /// <summary><c>authorizer_access_token</c> → <c>TcbAuthorizerClientFactory</c> (only kinds that belong to an account have one).</summary>
        public string ClientFactoryClassName => ClientClassName + "Factory";

        /// <summary><c>authorizer_access_token</c> → <c>ITcbAuthorizerClientFactory</c>.</summary>
        public string ClientFactoryInterfaceName => "I" + ClientFactoryClassName;

        /// <summary><c>authorizer_access_token</c> → <c>authorizer</c>: the name without <see cref="TokenKinds.Suffix"/>.</summary>
        public string Stem => Name.EndsWith(TokenKinds.Suffix, StringComparison.Ordinal) ? Name.Substring(0, Name.Length - TokenKinds.Suffix.Length) : Name;
    }

    /// <summary>The token kinds TcbGen knows, and the rule for kinds a spec may name beyond them.</summary>
    internal static class TokenKinds
    {
        public const string Suffix = "_access_token";

        /// <summary>The URL parameter of every kind except the cloud-call token.</summary>
        public const string DefaultUrlParameter = "access_token";

        public const string Component = "component_access_token";
        public const string Authorizer = "authorizer_access_token";

        /// <summary>WeChat's cloud-call token (微信令牌), sent as <c>cloudbase_access_token=</c> to whitelisted APIs.</summary>
        public const string Cloudbase = "cloudbase_access_token";

        private static readonly Regex NamePattern = new Regex("^[a-z][a-z0-9]*(_[a-z0-9]+)*_access_token$", RegexOptions.CultureInvariant);

        /// <summary>The kinds with known facts; any other valid name gets the defaults (see <see cref="Of"/>).</summary>
        public static IReadOnlyList<TokenKind> Known { get; } = new[]
        {
            new TokenKind(Component, DefaultUrlParameter, BelongsToAccount: false),
            new TokenKind(Authorizer, DefaultUrlParameter, BelongsToAccount: true),
            new TokenKind(Cloudbase, Cloudbase, BelongsToAccount: true),
        };

        private static readonly Regex UrlParameterPattern = new Regex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="name"/> may be a spec's <c>tokenParameter</c>: a snake_case URL parameter name.</summary>
        public static bool IsValidUrlParameter(string name) => UrlParameterPattern.IsMatch(name);

        /// <summary>Whether <paramref name="name"/> may be listed in <c>tokenKinds</c>: snake_case, ending in <c>_access_token</c>.</summary>
        public static bool IsValidName(string name) => NamePattern.IsMatch(name);

        /// <summary>Whether two different kinds would get clients whose names differ at most in case (as C# and file names see them).</summary>
        public static bool ClientNamesClash(string kind, string other) =>
            kind != other && string.Equals(Of(kind).ClientClassName, Of(other).ClientClassName, StringComparison.OrdinalIgnoreCase);

        /// <summary>The facts of a kind: the known ones, else <c>access_token</c> as its parameter and one account's token.</summary>
        public static TokenKind Of(string name)
        {
            foreach (TokenKind kind in Known)
            {
                if (kind.Name == name)
                {
                    return kind;
                }
            }

            return new TokenKind(name, DefaultUrlParameter, BelongsToAccount: true);
        }
    }
}
