using System;

namespace TcbGen.Runtime
{
    /// <summary>A kind of access token, named as WeChat names it (e.g. <c>authorizer_access_token</c>).</summary>
    public readonly struct TcbTokenKind : IEquatable<TcbTokenKind>
    {
        private readonly string? _name;

        /// <summary>Creates a token kind.</summary>
        /// <param name="name">The name WeChat gives the token, e.g. <c>component_access_token</c>.</param>
        public TcbTokenKind(string name)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A token kind needs a name.", nameof(name));
            }

            _name = name;
        }

        /// <summary>The third-party platform's own token (<c>component_access_token</c>).</summary>
        public static TcbTokenKind ComponentAccessToken { get; } = new TcbTokenKind("component_access_token");

        /// <summary>The token a third-party platform holds for one authorizing mini program (<c>authorizer_access_token</c>).</summary>
        public static TcbTokenKind AuthorizerAccessToken { get; } = new TcbTokenKind("authorizer_access_token");

        /// <summary>The name WeChat gives the token.</summary>
        public string Name => _name ?? string.Empty;

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
