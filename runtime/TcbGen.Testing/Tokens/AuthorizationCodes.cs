using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace TcbGen.Testing.Tokens
{
    /// <summary>An issued authorization code: the account it authorizes and the permission sets granted.</summary>
    internal sealed record AuthorizationGrant(string AuthorizerAppId, IReadOnlyList<int> PermissionSetIds, DateTimeOffset ExpiresAt);

    /// <summary>How a code presented to <c>api_query_auth</c> fared.</summary>
    internal enum CodeOutcome
    {
        Redeemed,
        Unknown,
        Expired,
    }

    /// <summary>Authorization codes the emulated authorization page issues; each is redeemed once, within an hour.</summary>
    internal sealed class AuthorizationCodes
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

        private readonly object _gate = new object();
        private readonly Dictionary<string, AuthorizationGrant> _codes = new Dictionary<string, AuthorizationGrant>(StringComparer.Ordinal);

        public string Issue(string authorizerAppId, IReadOnlyList<int> permissionSetIds, DateTimeOffset now)
        {
            string code = "queryauthcode@@@" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            lock (_gate)
            {
                _codes[code] = new AuthorizationGrant(authorizerAppId, permissionSetIds, now + Lifetime);
            }

            return code;
        }

        public CodeOutcome TryRedeem(string code, DateTimeOffset now, out AuthorizationGrant? grant)
        {
            lock (_gate)
            {
                if (!_codes.Remove(code, out grant))
                {
                    return CodeOutcome.Unknown;
                }
            }

            return grant.ExpiresAt > now ? CodeOutcome.Redeemed : CodeOutcome.Expired;
        }
    }
}
