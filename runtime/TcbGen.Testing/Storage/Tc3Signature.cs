using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TcbGen.Testing.Storage
{
    /// <summary>
    /// Tencent Cloud's TC3-HMAC-SHA256 signature (API 3.0), for the headers the emulator's getuploadsignature issues and the
    /// check its function API makes: the canonical request (method, <c>/</c>, no query, the signed headers content-type and
    /// host, the body's SHA-256), signed with a key derived from the secret key, the date and the service.
    /// </summary>
    internal static class Tc3Signature
    {
        public const string Algorithm = "TC3-HMAC-SHA256";
        public const string Service = "scf";
        public const string SecretId = "AKIDemulatorTcbGenFunctionApi";
        public const string SignedHeaders = "content-type;host";
        public const string ContentType = "application/json";

        /// <summary>The signature (hex) of a POST with <paramref name="hashedPayload"/> sent to <paramref name="host"/> at <paramref name="timestamp"/>.</summary>
        public static string Compute(string secretKey, string host, long timestamp, string hashedPayload)
        {
            string date = Date(timestamp);
            string canonicalRequest = $"POST\n/\n\ncontent-type:{ContentType}\nhost:{host}\n\n{SignedHeaders}\n{hashedPayload}";
            string stringToSign = $"{Algorithm}\n{timestamp.ToString(CultureInfo.InvariantCulture)}\n{Scope(timestamp)}\n{StorageSigner.Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";
            byte[] secretDate = Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date);
            byte[] secretService = Hmac(secretDate, Service);
            byte[] secretSigning = Hmac(secretService, "tc3_request");
            return StorageSigner.Hex(Hmac(secretSigning, stringToSign));
        }

        /// <summary>The credential scope, <c>yyyy-MM-dd/scf/tc3_request</c> (UTC).</summary>
        public static string Scope(long timestamp) => $"{Date(timestamp)}/{Service}/tc3_request";

        /// <summary>The Authorization header's value.</summary>
        public static string Authorization(string signature, long timestamp) =>
            $"{Algorithm} Credential={SecretId}/{Scope(timestamp)}, SignedHeaders={SignedHeaders}, Signature={signature}";

        /// <summary>The <c>Signature=</c> part of an Authorization header, or null.</summary>
        public static string? SignatureOf(string? authorization)
        {
            const string marker = "Signature=";
            int at = authorization?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
            return at < 0 ? null : authorization!.Substring(at + marker.Length).Trim();
        }

        private static string Date(long timestamp) => DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static byte[] Hmac(byte[] key, string message) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message));
    }
}
