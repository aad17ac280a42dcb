using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace TcbGen.Testing.Authorization
{
    /// <summary>How a pre-auth code presented to the authorization page fared.</summary>
    internal enum PreAuthCodeState
    {
        Valid,
        Unknown,
        Expired,
    }

    /// <summary>
    /// The pre-auth codes <c>api_create_preauthcode</c> issued: each valid for <see cref="Lifetime"/> and used up by one
    /// authorization, as WeChat's are. Thread-safe.
    /// </summary>
    internal sealed class PreAuthCodes
    {
        /// <summary>WeChat's documented validity (1800 seconds), also answered as <c>expires_in</c>.</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1800);

        private readonly object _gate = new object();
        private readonly Dictionary<string, DateTimeOffset> _expiries = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        public string Issue(DateTimeOffset now)
        {
            string code = "preauthcode@@@" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            lock (_gate)
            {
                _expiries[code] = now + Lifetime;
            }

            return code;
        }

        public PreAuthCodeState Check(string? code, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (code == null || !_expiries.TryGetValue(code, out DateTimeOffset expiresAt))
                {
                    return PreAuthCodeState.Unknown;
                }

                return expiresAt > now ? PreAuthCodeState.Valid : PreAuthCodeState.Expired;
            }
        }

        /// <summary>Uses the code up; false when it was not valid (unknown, expired, or used by a concurrent authorization).</summary>
        public bool TryConsume(string code, DateTimeOffset now)
        {
            lock (_gate)
            {
                return _expiries.TryGetValue(code, out DateTimeOffset expiresAt) && expiresAt > now && _expiries.Remove(code);
            }
        }
    }
}
