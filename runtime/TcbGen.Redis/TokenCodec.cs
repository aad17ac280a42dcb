using System;
using System.Globalization;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// A token as stored in Redis: <c>{expiry in Unix milliseconds, or -}|{token}</c>, the token as <see cref="StoredSecrets"/>
    /// writes it (protected when a protector is registered; the expiry is no secret and stays readable).
    /// </summary>
    internal static class TokenCodec
    {
        private const char Separator = '|';

        public static string Encode(TcbAccessToken token, StoredSecrets secrets)
            => (token.ExpiresAt is null ? "-" : token.ExpiresAt.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)) + Separator + secrets.Protect(token.Value);

        /// <summary>What a stored plain value ends with when it holds <paramref name="token"/>, whatever its expiry.</summary>
        public static string Suffix(TcbAccessToken token) => Separator + token.Value;

        /// <summary>The token a stored value holds; <see langword="null"/> when there is none or it cannot be read.</summary>
        public static TcbAccessToken? Decode(string? stored, StoredSecrets secrets)
        {
            int separator = stored is null ? -1 : stored.IndexOf(Separator);
            if (separator <= 0 || separator == stored!.Length - 1)
            {
                return null;
            }

            string expiry = stored.Substring(0, separator);
            DateTimeOffset? expiresAt = null;
            if (expiry != "-")
            {
                if (!long.TryParse(expiry, NumberStyles.Integer, CultureInfo.InvariantCulture, out long milliseconds))
                {
                    return null;
                }

                expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            }

            try
            {
                return new TcbAccessToken(secrets.Unprotect(stored.Substring(separator + 1)), expiresAt);
            }
            catch (UnreadableSecretException)
            {
                // An access token is renewed rather than read: treated as absent.
                return null;
            }
        }
    }
}
