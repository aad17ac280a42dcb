using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security;
using System.Text;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Verifies, decrypts and encrypts the messages WeChat pushes to a third-party platform (safe mode, XML): the
    /// <c>msg_signature</c> and URL <c>signature</c> checks, AES-256-CBC with 32-byte PKCS#7 padding, and the appid check.
    /// During a key change it also accepts messages under the previous EncodingAESKey, as WeChat advises.
    /// </summary>
    /// <remarks>Thread-safe. Never logs; its exceptions name the failed check and carry none of the message.</remarks>
    public sealed class TcbMessageCrypto
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        private readonly string _token;
        private readonly byte[] _key;
        private readonly byte[]? _previousKey;
        private readonly string[] _appIds;

        /// <summary>Creates the crypto for one platform.</summary>
        /// <param name="token">The message verification token (消息校验Token) from the open platform console.</param>
        /// <param name="encodingAesKey">The current EncodingAESKey (消息加解密Key): 43 Base64 characters.</param>
        /// <param name="appId">The platform's own appid (<c>component_appid</c>), which every message must end with.</param>
        /// <param name="previousEncodingAesKey">The key before the last change, accepted for decryption only; or <see langword="null"/>.</param>
        /// <exception cref="ArgumentException">A value is empty or a key is not 43 Base64 characters.</exception>
        public TcbMessageCrypto(string token, string encodingAesKey, string appId, string? previousEncodingAesKey = null)
        {
            _token = string.IsNullOrEmpty(token) ? throw new ArgumentException("The message token is required.", nameof(token)) : token;
            _key = MessageCipher.KeyOf(encodingAesKey) ?? throw new ArgumentException("The EncodingAESKey must be 43 Base64 characters.", nameof(encodingAesKey));
            AppId = string.IsNullOrEmpty(appId) ? throw new ArgumentException("The platform's appid is required.", nameof(appId)) : appId;
            _appIds = new[] { appId };
            if (!string.IsNullOrEmpty(previousEncodingAesKey))
            {
                _previousKey = MessageCipher.KeyOf(previousEncodingAesKey) ?? throw new ArgumentException("The previous EncodingAESKey must be 43 Base64 characters.", nameof(previousEncodingAesKey));
            }
        }

        /// <summary>The platform's appid that messages are checked against.</summary>
        public string AppId { get; }

        /// <summary>The lowercase hex SHA-1 of the parts, sorted ordinally and concatenated.</summary>
        /// <param name="parts">The token, timestamp, nonce and (for <c>msg_signature</c>) the <c>Encrypt</c> value.</param>
        /// <returns>The signature.</returns>
        public static string ComputeSignature(params string[] parts) => MessageCipher.Sign(parts ?? throw new ArgumentNullException(nameof(parts)));

        /// <summary>Checks the URL's <c>signature</c> (over token, timestamp and nonce) in constant time.</summary>
        /// <param name="signature">The received signature.</param>
        /// <param name="timestamp">The URL's timestamp.</param>
        /// <param name="nonce">The URL's nonce.</param>
        /// <returns>Whether it matches.</returns>
        public bool IsValidUrlSignature(string? signature, string timestamp, string nonce)
            => MessageCipher.SignatureMatches(signature, _token, timestamp ?? string.Empty, nonce ?? string.Empty);

        /// <summary>Checks <c>msg_signature</c> (over token, timestamp, nonce and the <c>Encrypt</c> value) in constant time.</summary>
        /// <param name="msgSignature">The received signature.</param>
        /// <param name="timestamp">The URL's timestamp.</param>
        /// <param name="nonce">The URL's nonce.</param>
        /// <param name="encrypt">The body's <c>Encrypt</c> value.</param>
        /// <returns>Whether it matches.</returns>
        public bool IsValidMessageSignature(string? msgSignature, string timestamp, string nonce, string encrypt)
            => MessageCipher.SignatureMatches(msgSignature, _token, timestamp ?? string.Empty, nonce ?? string.Empty, encrypt ?? string.Empty);

        /// <summary>
        /// Opens a push: reads the envelope (safe XML, size-limited), checks <c>msg_signature</c>, then decrypts.
        /// Nothing is decrypted before the signature matches.
        /// </summary>
        /// <param name="body">The request body.</param>
        /// <param name="msgSignature">The URL's <c>msg_signature</c>.</param>
        /// <param name="timestamp">The URL's <c>timestamp</c>.</param>
        /// <param name="nonce">The URL's <c>nonce</c>.</param>
        /// <param name="maxCharacters">The largest body accepted.</param>
        /// <returns>The decrypted message (itself XML).</returns>
        /// <exception cref="TcbMessageRejectedException">A check failed.</exception>
        public string OpenPush(string body, string? msgSignature, string? timestamp, string? nonce, int maxCharacters = TcbPushXml.DefaultMaxCharacters)
        {
            if (string.IsNullOrEmpty(msgSignature) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce))
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.MissingField, "msg_signature, timestamp and nonce are required.");
            }

            IReadOnlyDictionary<string, string> envelope = TcbPushXml.ReadFields(body, maxCharacters);
            if (!envelope.TryGetValue("Encrypt", out string? encrypt) || encrypt.Length == 0)
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.MissingField, "The body has no Encrypt element.");
            }

            if (!IsValidMessageSignature(msgSignature, timestamp!, nonce!, encrypt))
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.SignatureMismatch, "msg_signature does not match the body.");
            }

            return Decrypt(encrypt);
        }

        /// <summary>Decrypts an <c>Encrypt</c> value (current key, then the previous one) and checks padding, length and appid.</summary>
        /// <param name="encrypt">The Base64 ciphertext.</param>
        /// <returns>The message.</returns>
        /// <exception cref="TcbMessageRejectedException">The ciphertext, padding, length, appid or text is invalid.</exception>
        public string Decrypt(string encrypt)
        {
            if (encrypt is null)
            {
                throw new ArgumentNullException(nameof(encrypt));
            }

            if (!MessageCipher.TryDecrypt(_key, encrypt, _appIds, out byte[]? message, out CipherFailure failure)
                && (_previousKey is null || failure == CipherFailure.MalformedCiphertext
                    || !MessageCipher.TryDecrypt(_previousKey, encrypt, _appIds, out message, out _)))
            {
                throw Rejected(failure);
            }

            try
            {
                return StrictUtf8.GetString(message!);
            }
            catch (DecoderFallbackException)
            {
                throw new TcbMessageRejectedException(TcbMessageRejection.InvalidText, "The decrypted message is not UTF-8.");
            }
        }

        /// <summary>Encrypts a message for this platform with fresh random bytes, under the current key.</summary>
        /// <param name="message">The message (XML).</param>
        /// <returns>The Base64 <c>Encrypt</c> value.</returns>
        public string Encrypt(string message)
        {
            var random = new byte[16];
            using (RandomNumberGenerator rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(random);
            }

            return Encrypt(message, random);
        }

        /// <summary>Encrypts with given random bytes (the published samples' fixed-random case).</summary>
        internal string Encrypt(string message, byte[] random)
            => MessageCipher.Encrypt(_key, random, Encoding.UTF8.GetBytes(message ?? throw new ArgumentNullException(nameof(message))), AppId);

        /// <summary>
        /// Encrypts a reply and wraps it as WeChat expects: <c>Encrypt</c>, <c>MsgSignature</c>, <c>TimeStamp</c> and
        /// <c>Nonce</c> in one <c>&lt;xml&gt;</c>.
        /// </summary>
        /// <param name="message">The reply (XML).</param>
        /// <param name="timestamp">The timestamp to sign with.</param>
        /// <param name="nonce">The nonce to sign with.</param>
        /// <returns>The envelope.</returns>
        public string SealReply(string message, string timestamp, string nonce)
        {
            string encrypt = Encrypt(message);
            string signature = ComputeSignature(_token, timestamp, nonce, encrypt);
            return "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt><MsgSignature><![CDATA[" + signature + "]]></MsgSignature><TimeStamp>"
                + SecurityElement.Escape(timestamp) + "</TimeStamp><Nonce><![CDATA[" + nonce.Replace("]]>", string.Empty) + "]]></Nonce></xml>";
        }

        /// <inheritdoc />
        public override string ToString() => "TcbMessageCrypto { AppId = " + AppId + ", Token = ***, EncodingAESKey = *** }";

        private static TcbMessageRejectedException Rejected(CipherFailure failure)
        {
            switch (failure)
            {
                case CipherFailure.MalformedCiphertext:
                    return new TcbMessageRejectedException(TcbMessageRejection.MalformedCiphertext, "Encrypt is not Base64 of whole AES blocks.");
                case CipherFailure.InvalidPadding:
                    return new TcbMessageRejectedException(TcbMessageRejection.InvalidPadding, "The decrypted message has no valid 32-byte PKCS#7 padding (wrong key or altered ciphertext).");
                case CipherFailure.InvalidLength:
                    return new TcbMessageRejectedException(TcbMessageRejection.InvalidLength, "The decrypted message length does not fit.");
                case CipherFailure.AppIdMismatch:
                    return new TcbMessageRejectedException(TcbMessageRejection.AppIdMismatch, "The message is not addressed to this platform's appid.");
                case CipherFailure.None:
                default:
                    return new TcbMessageRejectedException(TcbMessageRejection.MalformedCiphertext, "The message could not be decrypted.");
            }
        }
    }
}
