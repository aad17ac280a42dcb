using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Which access token a call needs: a token kind and, for per-account kinds, the app id it belongs to
    /// (the authorizer appid for <c>authorizer_access_token</c>). Never holds the token itself.
    /// </summary>
    public readonly struct TcbTokenKey : IEquatable<TcbTokenKey>
    {
        /// <summary>Creates a key.</summary>
        /// <param name="kind">The token kind.</param>
        /// <param name="appId">The app id the token belongs to, or <see langword="null"/> for the platform's own token.</param>
        public TcbTokenKey(TcbTokenKind kind, string? appId)
        {
            Kind = kind;
            AppId = appId;
        }

        /// <summary>The key of the third-party platform's own <c>component_access_token</c>.</summary>
        public static TcbTokenKey Component { get; } = new TcbTokenKey(TcbTokenKind.ComponentAccessToken, null);

        /// <summary>The key of the <c>authorizer_access_token</c> of one authorizing account.</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <returns>The key.</returns>
        public static TcbTokenKey ForAuthorizer(string authorizerAppId)
        {
            if (string.IsNullOrEmpty(authorizerAppId))
            {
                throw new ArgumentException("An authorizer appid is required.", nameof(authorizerAppId));
            }

            return new TcbTokenKey(TcbTokenKind.AuthorizerAccessToken, authorizerAppId);
        }

        /// <summary>The token kind.</summary>
        public TcbTokenKind Kind { get; }

        /// <summary>The app id the token belongs to, or <see langword="null"/> for the platform's own token.</summary>
        public string? AppId { get; }

        /// <inheritdoc />
        public bool Equals(TcbTokenKey other) => Kind.Equals(other.Kind) && string.Equals(AppId, other.AppId, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is TcbTokenKey other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => (Kind.GetHashCode() * 397) ^ (AppId == null ? 0 : StringComparer.Ordinal.GetHashCode(AppId));

        /// <inheritdoc />
        public override string ToString() => AppId == null ? Kind.Name : Kind.Name + "/" + AppId;

        /// <summary>Compares two keys.</summary>
        /// <param name="left">One key.</param>
        /// <param name="right">The other key.</param>
        /// <returns>Whether they are equal.</returns>
        public static bool operator ==(TcbTokenKey left, TcbTokenKey right) => left.Equals(right);

        /// <summary>Compares two keys.</summary>
        /// <param name="left">One key.</param>
        /// <param name="right">The other key.</param>
        /// <returns>Whether they differ.</returns>
        public static bool operator !=(TcbTokenKey left, TcbTokenKey right) => !left.Equals(right);
    }
}
