using System;
using System.Globalization;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>A token as stored in Redis: <c>{expiry in Unix milliseconds, or -}|{token}</c>.</summary>
    internal static class TokenCodec
    {
        private const char Separator = '|';

        public static string Encode(TcbAccessToken token)
            => (token.ExpiresAt is null ? "-" : token.ExpiresAt.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)) + Separator + token.Value;

        /// <summary>What a stored value ends with when it holds <paramref name="token"/>, whatever its expiry.</summary>
        public static string Suffix(TcbAccessToken token) => Separator + token.Value;

        public static TcbAccessToken? Decode(string? stored)
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

            return new TcbAccessToken(stored.Substring(separator + 1), expiresAt);
        }
    }
}
