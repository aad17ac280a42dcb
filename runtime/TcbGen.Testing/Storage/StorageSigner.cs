using System;
using System.Security.Cryptography;
using System.Text;

namespace TcbGen.Testing.Storage
{
    /// <summary>
    /// The emulator's signing key (random per emulator) and the signatures it issues: HMAC-SHA256 over what a ticket allows,
    /// so the storage endpoints check a signature by recomputing it, and a changed field, path or token is refused.
    /// </summary>
    internal sealed class StorageSigner
    {
        private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

        /// <summary>A fresh random token (hex), e.g. an upload's security token.</summary>
        public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

        /// <summary>The signature of the parts, joined by a separator no part can hold.</summary>
        public string Sign(params string[] parts) => Hex(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Join("\u0000", parts))));

        /// <summary>Compares in constant time.</summary>
        public static bool Same(string? presented, string expected) =>
            presented != null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

        /// <summary>The secret key of the emulated Tencent Cloud credential that signs function API requests (TC3).</summary>
        public string Tc3SecretKey => Sign("tc3-secret-key");

        public static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

        public static string Sha256Hex(byte[] bytes) => Hex(SHA256.HashData(bytes));
    }
}
