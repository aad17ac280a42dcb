using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace TcbGen.Testing.Tokens
{
    internal enum RefreshOutcome
    {
        Rotated,
        UnknownAuthorizer,
        WrongRefreshToken,
    }

    /// <summary>
    /// The authorizers (authorized mini programs) and each one's current <c>authorizer_refresh_token</c>.
    /// A successful refresh rotates it, and the old one stops working. Thread-safe: of two refreshes presenting
    /// the same token concurrently, exactly one wins.
    /// </summary>
    internal sealed class AuthorizerRegistry
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, string> _refreshTokens = new Dictionary<string, string>(StringComparer.Ordinal);

        public void Register(string authorizerAppId, string refreshToken)
        {
            lock (_gate)
            {
                _refreshTokens[authorizerAppId] = refreshToken;
            }
        }

        /// <summary>Forgets an authorizer (it revoked the authorization): its refresh token is no longer accepted.</summary>
        public bool Remove(string authorizerAppId)
        {
            lock (_gate)
            {
                return _refreshTokens.Remove(authorizerAppId);
            }
        }

        public string? CurrentRefreshToken(string authorizerAppId)
        {
            lock (_gate)
            {
                return _refreshTokens.TryGetValue(authorizerAppId, out string? token) ? token : null;
            }
        }

        public RefreshOutcome TryRotate(string authorizerAppId, string presented, out string rotated)
        {
            rotated = string.Empty;
            lock (_gate)
            {
                if (!_refreshTokens.TryGetValue(authorizerAppId, out string? current))
                {
                    return RefreshOutcome.UnknownAuthorizer;
                }

                if (!string.Equals(current, presented, StringComparison.Ordinal))
                {
                    return RefreshOutcome.WrongRefreshToken;
                }

                rotated = "refreshtoken@@@" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
                _refreshTokens[authorizerAppId] = rotated;
                return RefreshOutcome.Rotated;
            }
        }
    }
}
