using System;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace TcbGen.Runtime.Tests.Messages
{
    /// <summary>One changed bit anywhere a push can be altered gives a typed rejection and no plaintext.</summary>
    public sealed class TamperTests
    {
        private const string Token = "platform-token";
        private const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        private const string AppId = "wx0123456789abcdef";
        private const string Timestamp = "1715943329";
        private const string Nonce = "1590219412";
        private const string Message = "<xml><AppId><![CDATA[wx0123456789abcdef]]></AppId><InfoType><![CDATA[component_verify_ticket]]></InfoType></xml>";

        private readonly TcbMessageCrypto _crypto = new TcbMessageCrypto(Token, Key, AppId);

        [Fact]
        public void An_untouched_push_opens()
        {
            string encrypt = _crypto.Encrypt(Message);
            Assert.Equal(Message, _crypto.OpenPush(Envelope(encrypt), Sign(encrypt), Timestamp, Nonce));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(5)]
        [InlineData(40)]
        [InlineData(-1)]
        public void A_flipped_bit_in_the_ciphertext_fails_the_signature(int byteIndex)
        {
            string encrypt = _crypto.Encrypt(Message);
            string signature = Sign(encrypt);
            byte[] cipher = Convert.FromBase64String(encrypt);
            int index = byteIndex < 0 ? cipher.Length + byteIndex : byteIndex;
            cipher[index] ^= 0x01;

            AssertRejected(TcbMessageRejection.SignatureMismatch, () => _crypto.OpenPush(Envelope(Convert.ToBase64String(cipher)), signature, Timestamp, Nonce));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(39)]
        public void A_flipped_bit_in_the_signature_fails(int charIndex)
        {
            string encrypt = _crypto.Encrypt(Message);
            char[] signature = Sign(encrypt).ToCharArray();
            signature[charIndex] = (char)(signature[charIndex] ^ 0x01);

            AssertRejected(TcbMessageRejection.SignatureMismatch, () => _crypto.OpenPush(Envelope(encrypt), new string(signature), Timestamp, Nonce));
        }

        [Fact]
        public void A_changed_timestamp_or_nonce_fails_the_signature()
        {
            string encrypt = _crypto.Encrypt(Message);
            AssertRejected(TcbMessageRejection.SignatureMismatch, () => _crypto.OpenPush(Envelope(encrypt), Sign(encrypt), "1715943330", Nonce));
            AssertRejected(TcbMessageRejection.SignatureMismatch, () => _crypto.OpenPush(Envelope(encrypt), Sign(encrypt), Timestamp, "1590219413"));
        }

        [Theory]
        [InlineData(0, 0x01)]  // the pad byte itself: 0x1F or 0x21 instead of a value matching its run
        [InlineData(0, 0x20)]
        [InlineData(3, 0x01)]  // a byte inside the run
        public void A_flipped_bit_in_the_padding_fails_the_padding_check(int fromEnd, byte bit)
        {
            byte[] plain = Plain(Encoding.UTF8.GetBytes(Message), AppId);
            plain[plain.Length - 1 - fromEnd] ^= bit;
            string encrypt = RawEncrypt(plain);

            AssertRejected(TcbMessageRejection.InvalidPadding, () => _crypto.OpenPush(Envelope(encrypt), Sign(encrypt), Timestamp, Nonce));
        }

        [Fact]
        public void A_pad_byte_of_zero_or_over_32_fails_the_padding_check()
        {
            foreach (byte pad in new byte[] { 0, 33, 48 })
            {
                byte[] plain = Plain(Encoding.UTF8.GetBytes(Message), AppId);
                int unpadded = plain.Length - plain[^1];
                byte[] forged = new byte[((unpadded / 16) + 2) * 16];
                Array.Copy(plain, forged, unpadded);
                forged.AsSpan(unpadded).Fill(pad);
                string encrypt = RawEncrypt(forged);

                AssertRejected(TcbMessageRejection.InvalidPadding, () => _crypto.Decrypt(encrypt));
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(17)]
        public void A_flipped_bit_in_the_appid_fails_the_appid_check(int appIdByte)
        {
            byte[] plain = Plain(Encoding.UTF8.GetBytes(Message), AppId);
            int appIdStart = plain.Length - plain[^1] - AppId.Length;
            plain[appIdStart + appIdByte] ^= 0x01;
            string encrypt = RawEncrypt(plain);

            AssertRejected(TcbMessageRejection.AppIdMismatch, () => _crypto.OpenPush(Envelope(encrypt), Sign(encrypt), Timestamp, Nonce));
        }

        [Fact]
        public void A_message_for_another_platform_fails_the_appid_check()
        {
            var other = new TcbMessageCrypto(Token, Key, "wxffffffffffffffff");
            string encrypt = other.Encrypt(Message);

            AssertRejected(TcbMessageRejection.AppIdMismatch, () => _crypto.OpenPush(Envelope(encrypt), Sign(encrypt), Timestamp, Nonce));
        }

        [Fact]
        public void A_length_beyond_the_plaintext_fails_the_length_check()
        {
            byte[] plain = Plain(Encoding.UTF8.GetBytes(Message), AppId);
            plain[16] = 0x7F;
            AssertRejected(TcbMessageRejection.InvalidLength, () => _crypto.Decrypt(RawEncrypt(plain)));
        }

        [Theory]
        [InlineData("not base64!")]
        [InlineData("AAAA")]
        [InlineData("")]
        public void Ciphertext_that_is_not_whole_AES_blocks_is_malformed(string encrypt)
            => AssertRejected(TcbMessageRejection.MalformedCiphertext, () => _crypto.Decrypt(encrypt));

        [Fact]
        public void A_message_under_another_key_is_refused()
        {
            var other = new TcbMessageCrypto(Token, "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut", AppId);
            TcbMessageRejectedException rejected = Assert.Throws<TcbMessageRejectedException>(() => _crypto.Decrypt(other.Encrypt(Message)));
            Assert.True(rejected.Reason is TcbMessageRejection.InvalidPadding or TcbMessageRejection.InvalidLength or TcbMessageRejection.AppIdMismatch or TcbMessageRejection.InvalidText);
        }

        [Fact]
        public void Missing_query_values_or_Encrypt_are_refused()
        {
            string encrypt = _crypto.Encrypt(Message);
            AssertRejected(TcbMessageRejection.MissingField, () => _crypto.OpenPush(Envelope(encrypt), null, Timestamp, Nonce));
            AssertRejected(TcbMessageRejection.MissingField, () => _crypto.OpenPush(Envelope(encrypt), Sign(encrypt), null, Nonce));
            AssertRejected(TcbMessageRejection.MissingField, () => _crypto.OpenPush("<xml><ToUserName>x</ToUserName></xml>", Sign(encrypt), Timestamp, Nonce));
        }

        [Fact]
        public void Rejections_carry_none_of_the_message()
        {
            byte[] plain = Plain(Encoding.UTF8.GetBytes(Message), "wxffffffffffffffff");
            TcbMessageRejectedException rejected = Assert.Throws<TcbMessageRejectedException>(() => _crypto.Decrypt(RawEncrypt(plain)));
            Assert.DoesNotContain("component_verify_ticket", rejected.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("wxffffffffffffffff", rejected.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Key, _crypto.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Token, _crypto.ToString(), StringComparison.Ordinal);
        }

        internal static void AssertRejected(TcbMessageRejection reason, Func<string> open)
        {
            string? plaintext = null;
            TcbMessageRejectedException rejected = Assert.Throws<TcbMessageRejectedException>(() => plaintext = open());
            Assert.Equal(reason, rejected.Reason);
            Assert.Null(plaintext);
        }

        private static string Sign(string encrypt) => TcbMessageCrypto.ComputeSignature(Token, Timestamp, Nonce, encrypt);

        private static string Envelope(string encrypt) => "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";

        /// <summary>WeChat's plaintext layout, padded to 32 bytes, built independently of the code under test.</summary>
        private static byte[] Plain(byte[] message, string appId)
        {
            byte[] appIdBytes = Encoding.UTF8.GetBytes(appId);
            int unpadded = 16 + 4 + message.Length + appIdBytes.Length;
            int pad = 32 - (unpadded % 32);
            var plain = new byte[unpadded + pad];
            RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), message.Length);
            message.CopyTo(plain, 20);
            appIdBytes.CopyTo(plain, 20 + message.Length);
            plain.AsSpan(unpadded).Fill((byte)pad);
            return plain;
        }

        private static string RawEncrypt(byte[] plain)
        {
            using Aes aes = Aes.Create();
            aes.Key = Convert.FromBase64String(Key + "=");
            return Convert.ToBase64String(aes.EncryptCbc(plain, aes.Key.AsSpan(0, 16), PaddingMode.None));
        }
    }
}
