using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// An access token and when it expires. <see cref="ToString"/> never shows the value; two tokens are
    /// equal when their values are equal.
    /// </summary>
    public sealed class TcbAccessToken : IEquatable<TcbAccessToken>
    {
        /// <summary>Creates a token.</summary>
        /// <param name="value">The token string sent as <c>access_token</c>.</param>
        /// <param name="expiresAt">When WeChat stops accepting it, or <see langword="null"/> if unknown.</param>
        public TcbAccessToken(string value, DateTimeOffset? expiresAt)
            : this(value, expiresAt, urlParameter: null)
        {
        }

        /// <summary>Creates a token sent under its own URL parameter, whatever kind it is served for.</summary>
        /// <param name="value">The token string.</param>
        /// <param name="expiresAt">When WeChat stops accepting it, or <see langword="null"/> if unknown.</param>
        /// <param name="urlParameter">
        /// The URL parameter the token is sent as (<c>cloudbase_access_token</c> for the cloud-call token standing in for
        /// <c>component_access_token</c>); <see langword="null"/> sends it as the parameter of the kind it was asked for.
        /// </param>
        public TcbAccessToken(string value, DateTimeOffset? expiresAt, string? urlParameter)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException("An access token needs a value.", nameof(value));
            }

            Value = value;
            ExpiresAt = expiresAt;
            UrlParameter = urlParameter;
        }

        /// <summary>The token string. Do not log it.</summary>
        public string Value { get; }

        /// <summary>The URL parameter this token must be sent as, or <see langword="null"/> for the parameter of the kind it was asked for.</summary>
        public string? UrlParameter { get; }

        /// <summary>When WeChat stops accepting it, or <see langword="null"/> if unknown (never treated as expired).</summary>
        public DateTimeOffset? ExpiresAt { get; }

        /// <summary>Whether the token is still usable at <paramref name="now"/> with <paramref name="margin"/> to spare.</summary>
        /// <param name="now">The current time.</param>
        /// <param name="margin">How long before expiry the token counts as stale.</param>
        /// <returns>Whether it is fresh.</returns>
        public bool IsFresh(DateTimeOffset now, TimeSpan margin) => ExpiresAt is null || now + margin < ExpiresAt.Value;

        /// <inheritdoc />
        public bool Equals(TcbAccessToken? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as TcbAccessToken);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        /// <summary>A description without the token value.</summary>
        /// <returns>For example <c>TcbAccessToken(***, expires 2024-01-01T00:00:00.0000000+00:00)</c>.</returns>
        public override string ToString() => ExpiresAt is null ? "TcbAccessToken(***)" : "TcbAccessToken(***, expires " + ExpiresAt.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + ")";
    }
}
