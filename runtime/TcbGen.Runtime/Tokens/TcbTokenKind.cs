using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A kind of access token, named as WeChat names it (e.g. <c>authorizer_access_token</c>), and the URL parameter it is
    /// sent as. Kinds compare by name. Generated clients create the kinds their specs name, with the parameter the spec
    /// module declares for each (<c>cloudbase_access_token</c> for the cloud-call token).
    /// </summary>
    public readonly struct TcbTokenKind : IEquatable<TcbTokenKind>
    {
        private const string DefaultUrlParameter = "access_token";

        private readonly string? _name;
        private readonly string? _urlParameter;

        /// <summary>Creates a token kind.</summary>
        /// <param name="name">The name WeChat gives the token, e.g. <c>component_access_token</c>.</param>
        public TcbTokenKind(string name)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A token kind needs a name.", nameof(name));
            }

            _name = name;
            _urlParameter = null;
        }

        /// <summary>Creates a token kind sent as another URL parameter than <c>access_token</c>.</summary>
        /// <param name="name">The name WeChat gives the token, e.g. <c>cloudbase_access_token</c>.</param>
        /// <param name="urlParameter">The query parameter the token is sent as, e.g. <c>cloudbase_access_token</c>.</param>
        public TcbTokenKind(string name, string urlParameter)
            : this(name)
        {
            if (string.IsNullOrEmpty(urlParameter))
            {
                throw new ArgumentException("A token kind needs a URL parameter name.", nameof(urlParameter));
            }

            _urlParameter = urlParameter;
        }

        /// <summary>The third-party platform's own token (<c>component_access_token</c>).</summary>
        public static TcbTokenKind ComponentAccessToken { get; } = new TcbTokenKind("component_access_token");

        /// <summary>The token a third-party platform holds for one authorizing mini program (<c>authorizer_access_token</c>).</summary>
        public static TcbTokenKind AuthorizerAccessToken { get; } = new TcbTokenKind("authorizer_access_token");

        /// <summary>
        /// WeChat's cloud-call token (<c>cloudbase_access_token</c>, 微信令牌), sent as <c>cloudbase_access_token=</c>. Equal to the
        /// kind generated clients create from the spec module (a generator test checks that both agree).
        /// </summary>
        public static TcbTokenKind CloudbaseAccessToken { get; } = new TcbTokenKind("cloudbase_access_token", "cloudbase_access_token");

        /// <summary>The name WeChat gives the token.</summary>
        public string Name => _name ?? string.Empty;

        /// <summary>The query parameter the token is sent as: <c>access_token</c> unless the kind says otherwise.</summary>
        public string UrlParameter => _urlParameter ?? DefaultUrlParameter;

        /// <inheritdoc />
        public bool Equals(TcbTokenKind other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is TcbTokenKind other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

        /// <inheritdoc />
        public override string ToString() => Name;

        /// <summary>Compares two kinds by name.</summary>
        /// <param name="left">One kind.</param>
        /// <param name="right">The other kind.</param>
        /// <returns>Whether the names are equal.</returns>
        public static bool operator ==(TcbTokenKind left, TcbTokenKind right) => left.Equals(right);

        /// <summary>Compares two kinds by name.</summary>
        /// <param name="left">One kind.</param>
        /// <param name="right">The other kind.</param>
        /// <returns>Whether the names differ.</returns>
        public static bool operator !=(TcbTokenKind left, TcbTokenKind right) => !left.Equals(right);
    }
}
