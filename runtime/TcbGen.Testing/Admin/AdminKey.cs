using System;
using System.Security.Cryptography;
using System.Text;

namespace TcbGen.Testing.Admin
{
    /// <summary>The secret the admin API asks for: where a request carries it, and how it is made and compared.</summary>
    internal static class AdminKey
    {
        /// <summary>The header a program sends the key in.</summary>
        public const string HeaderName = "X-TcbGen-Admin-Key";

        /// <summary>The cookie a browser UI may carry it in instead.</summary>
        public const string CookieName = "tcbgen_admin_key";

        /// <summary>The configured key, or a fresh random one (128 bits, hex) for this run.</summary>
        public static string Resolve(string? configured)
            => string.IsNullOrEmpty(configured) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant() : configured;

        /// <summary>Whether <paramref name="presented"/> is the key, compared in constant time.</summary>
        public static bool Matches(string expected, string? presented)
            => presented != null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
    }
}
