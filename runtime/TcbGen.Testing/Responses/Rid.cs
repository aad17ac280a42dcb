using System;
using System.Security.Cryptography;

namespace TcbGen.Testing.Responses
{
    /// <summary>WeChat's request id suffix on every error message, e.g. <c>rid: 6543ab12-1a2b3c4d-5e6f7a8b</c>.</summary>
    internal static class Rid
    {
        public static string New()
        {
            string hex = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
            return hex.Substring(0, 8) + "-" + hex.Substring(8, 8) + "-" + hex.Substring(16, 8);
        }

        public static string Append(string message) => message + " rid: " + New();
    }
}
