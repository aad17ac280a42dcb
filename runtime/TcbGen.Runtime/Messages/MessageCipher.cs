using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace TcbGen.Runtime
{
    /// <summary>Why <see cref="MessageCipher.TryDecrypt"/> failed; mapped onto the public rejection by its caller.</summary>
    internal enum CipherFailure
    {
        None,
        MalformedCiphertext,
        InvalidPadding,
        InvalidLength,
        AppIdMismatch,
    }

    /// <summary>
    /// WeChat's message encryption for third-party platforms (the Technical_Plan page): AES-256-CBC with the key Base64 of
    /// <c>EncodingAESKey + "="</c>, the IV its first 16 bytes, PKCS#7 padding to <b>32-byte</b> blocks; the plaintext is 16
    /// random bytes, the message length (4 bytes, big-endian), the message, then the appid. Signatures are the lowercase hex
    /// SHA-1 of the ordinally sorted, concatenated parts.
    /// </summary>
    /// <remarks>
    /// Internal and free of other runtime types, so the emulator compiles the same file (linked) to play WeChat's side.
    /// .NET's PKCS7 mode pads to the cipher's 16-byte block and rejects a pad byte over 16, which WeChat sends for one
    /// message length in two: the cipher runs without padding and the padding is written and checked here.
    /// </remarks>
    internal static class MessageCipher
    {
        public const int EncodingAesKeyLength = 43;
        public const int PadBlock = 32;
        private const int RandomLength = 16;
        private const int LengthPrefix = 4;
        private const int AesBlock = 16;

        /// <summary>The 32-byte AES key of an EncodingAESKey, or <see langword="null"/> when it is not 43 Base64 characters.</summary>
        public static byte[]? KeyOf(string? encodingAesKey)
        {
            if (encodingAesKey is null || encodingAesKey.Length != EncodingAesKeyLength)
            {
                return null;
            }

            try
            {
                byte[] key = Convert.FromBase64String(encodingAesKey + "=");
                return key.Length == 32 ? key : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>Lowercase hex SHA-1 of the parts sorted ordinally and concatenated without separators.</summary>
        public static string Sign(params string[] parts)
        {
            var sorted = (string[])parts.Clone();
            Array.Sort(sorted, StringComparer.Ordinal);
            byte[] digest;
            using (SHA1 sha1 = SHA1.Create())
            {
                digest = sha1.ComputeHash(Encoding.UTF8.GetBytes(string.Concat(sorted)));
            }

            var hex = new StringBuilder(digest.Length * 2);
            foreach (byte b in digest)
            {
                hex.Append("0123456789abcdef"[b >> 4]).Append("0123456789abcdef"[b & 0xF]);
            }

            return hex.ToString();
        }

        /// <summary>Whether <paramref name="received"/> is the signature of the parts, compared in constant time.</summary>
        public static bool SignatureMatches(string? received, params string[] parts)
        {
            string expected = Sign(parts);
            if (received is null || received.Length != expected.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                difference |= received[i] ^ expected[i];
            }

            return difference == 0;
        }

        /// <summary>Encrypts a message for <paramref name="appId"/> with the given 16 random bytes; returns the Base64 <c>Encrypt</c> value.</summary>
        public static string Encrypt(byte[] key, byte[] random, byte[] message, string appId)
        {
            if (random.Length != RandomLength)
            {
                throw new ArgumentException("The random prefix is 16 bytes.", nameof(random));
            }

            byte[] appIdBytes = Encoding.UTF8.GetBytes(appId);
            int unpadded = RandomLength + LengthPrefix + message.Length + appIdBytes.Length;
            int pad = PadBlock - (unpadded % PadBlock);
            var plain = new byte[unpadded + pad];
            Buffer.BlockCopy(random, 0, plain, 0, RandomLength);
            plain[16] = (byte)(message.Length >> 24);
            plain[17] = (byte)(message.Length >> 16);
            plain[18] = (byte)(message.Length >> 8);
            plain[19] = (byte)message.Length;
            Buffer.BlockCopy(message, 0, plain, RandomLength + LengthPrefix, message.Length);
            Buffer.BlockCopy(appIdBytes, 0, plain, RandomLength + LengthPrefix + message.Length, appIdBytes.Length);
            for (int i = unpadded; i < plain.Length; i++)
            {
                plain[i] = (byte)pad;
            }

            using Aes aes = CreateAes(key);
            using ICryptoTransform encryptor = aes.CreateEncryptor();
            return Convert.ToBase64String(encryptor.TransformFinalBlock(plain, 0, plain.Length));
        }

        /// <summary>
        /// Decrypts an <c>Encrypt</c> value and checks its padding, length and appid against any of <paramref name="appIds"/>;
        /// on failure returns <see langword="false"/> with no bytes of the plaintext.
        /// </summary>
        public static bool TryDecrypt(byte[] key, string encrypt, string[] appIds, out byte[]? message, out CipherFailure failure)
        {
            message = null;
            byte[] cipher;
            try
            {
                cipher = Convert.FromBase64String(encrypt);
            }
            catch (FormatException)
            {
                failure = CipherFailure.MalformedCiphertext;
                return false;
            }

            if (cipher.Length == 0 || cipher.Length % AesBlock != 0)
            {
                failure = CipherFailure.MalformedCiphertext;
                return false;
            }

            byte[] plain;
            using (Aes aes = CreateAes(key))
            using (ICryptoTransform decryptor = aes.CreateDecryptor())
            {
                plain = decryptor.TransformFinalBlock(cipher, 0, cipher.Length);
            }

            try
            {
                failure = Open(plain, appIds, out message);
                return failure == CipherFailure.None;
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        private static CipherFailure Open(byte[] plain, string[] appIds, out byte[]? message)
        {
            message = null;
            int pad = plain[plain.Length - 1];
            if (pad < 1 || pad > PadBlock || pad > plain.Length || !AllEqual(plain, plain.Length - pad, pad, (byte)pad))
            {
                return CipherFailure.InvalidPadding;
            }

            int content = plain.Length - pad;
            if (content < RandomLength + LengthPrefix)
            {
                return CipherFailure.InvalidLength;
            }

            long length = ((long)plain[16] << 24) | ((long)plain[17] << 16) | ((long)plain[18] << 8) | plain[19];
            long appIdStart = RandomLength + LengthPrefix + length;
            if (appIdStart > content)
            {
                return CipherFailure.InvalidLength;
            }

            if (!IsOneOf(plain, (int)appIdStart, content - (int)appIdStart, appIds))
            {
                return CipherFailure.AppIdMismatch;
            }

            message = new byte[length];
            Buffer.BlockCopy(plain, RandomLength + LengthPrefix, message, 0, (int)length);
            return CipherFailure.None;
        }

        private static bool IsOneOf(byte[] plain, int start, int count, string[] appIds)
        {
            bool found = false;
            foreach (string appId in appIds)
            {
                found |= FixedTimeEquals(plain, start, count, Encoding.UTF8.GetBytes(appId));
            }

            return found;
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        private static bool FixedTimeEquals(byte[] buffer, int start, int count, byte[] expected)
        {
            if (count != expected.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= buffer[start + i] ^ expected[i];
            }

            return difference == 0;
        }

        private static bool AllEqual(byte[] buffer, int start, int count, byte value)
        {
            int difference = 0;
            for (int i = start; i < start + count; i++)
            {
                difference |= buffer[i] ^ value;
            }

            return difference == 0;
        }

        private static Aes CreateAes(byte[] key)
        {
            Aes aes = Aes.Create();
            aes.Mode = CipherMode.CBC;
            aes.Padding = PaddingMode.None;
            aes.Key = key;
            var iv = new byte[AesBlock];
            Buffer.BlockCopy(key, 0, iv, 0, AesBlock);
            aes.IV = iv;
            return aes;
        }
    }
}
