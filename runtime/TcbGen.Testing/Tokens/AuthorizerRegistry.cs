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

    /// <summary>An account the emulated authorization page offers, and whether it has authorized the platform now.</summary>
    internal sealed record Merchant(string AppId, string Name, bool Authorized);

    /// <summary>
    /// The merchants the emulator knows (every account ever registered or added, in that order), the authorizers among
    /// them (authorized mini programs) and each one's current <c>authorizer_refresh_token</c>.
    /// A successful refresh rotates it, and the old one stops working. Thread-safe: of two refreshes presenting
    /// the same token concurrently, exactly one wins.
    /// </summary>
    internal sealed class AuthorizerRegistry
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, string> _refreshTokens = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<(string AppId, string Name)> _merchants = new List<(string AppId, string Name)>();

        public void Register(string authorizerAppId, string refreshToken)
        {
            lock (_gate)
            {
                _refreshTokens[authorizerAppId] = refreshToken;
                AddMerchantLocked(authorizerAppId, null);
            }
        }

        /// <summary>Makes an account known to the authorization page (not authorized); a known one only changes its name.</summary>
        public void AddMerchant(string appId, string? name)
        {
            lock (_gate)
            {
                AddMerchantLocked(appId, name);
            }
        }

        public bool IsAuthorized(string appId)
        {
            lock (_gate)
            {
                return _refreshTokens.ContainsKey(appId);
            }
        }

        public IReadOnlyList<Merchant> Merchants()
        {
            lock (_gate)
            {
                return _merchants.ConvertAll(m => new Merchant(m.AppId, m.Name, _refreshTokens.ContainsKey(m.AppId)));
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

        private void AddMerchantLocked(string appId, string? name)
        {
            int index = _merchants.FindIndex(m => string.Equals(m.AppId, appId, StringComparison.Ordinal));
            if (index < 0)
            {
                _merchants.Add((appId, name ?? appId));
            }
            else if (name != null)
            {
                _merchants[index] = (appId, name);
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
