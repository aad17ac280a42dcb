using System;
using System.Security.Cryptography;
using System.Text;
using Xunit;
using static TcbGen.Runtime.Tests.Messages.PublishedVectors;

namespace TcbGen.Runtime.Tests.Messages
{
    /// <summary>The crypto against WeChat's own published values.</summary>
    public sealed class KnownAnswerTests
    {
        [Fact]
        public void Message_push_example_signatures_match()
        {
            Assert.Equal(PushMsgSignature, TcbMessageCrypto.ComputeSignature(PushToken, PushTimestamp, PushNonce, PushEncrypt));
            Assert.Equal(PushSignature, TcbMessageCrypto.ComputeSignature(PushToken, PushTimestamp, PushNonce));

            var crypto = new TcbMessageCrypto(PushToken, PushKey, PushAppId);
            Assert.True(crypto.IsValidMessageSignature(PushMsgSignature, PushTimestamp, PushNonce, PushEncrypt));
            Assert.True(crypto.IsValidUrlSignature(PushSignature, PushTimestamp, PushNonce));
        }

        [Fact]
        public void Message_push_example_decrypts_to_its_292_byte_debug_demo_message()
        {
            var crypto = new TcbMessageCrypto(PushToken, PushKey, PushAppId);

            string message = crypto.OpenPush(PushBody, PushMsgSignature, PushTimestamp, PushNonce);

            Assert.Equal(292, Encoding.UTF8.GetByteCount(message));
            Assert.StartsWith("<xml>", message, StringComparison.Ordinal);
            Assert.EndsWith("</xml>", message, StringComparison.Ordinal);
            Assert.Contains("debug_demo", message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(JavaReply, JavaReplyEncrypted)]
        [InlineData(JavaReply2, JavaReply2Encrypted)]
        public void Java_sample_fixed_random_encryption_is_reproduced_byte_for_byte(string reply, string expected)
        {
            var crypto = new TcbMessageCrypto(JavaToken, JavaKey, JavaAppId);

            Assert.Equal(expected, crypto.Encrypt(reply, Encoding.ASCII.GetBytes(JavaRandom)));
            Assert.Equal(reply, crypto.Decrypt(expected));
        }

        [Fact]
        public void WeCom_sample_verifies_and_decrypts_with_its_pad_byte_of_30()
        {
            var crypto = new TcbMessageCrypto(WeComToken, WeComKey, WeComCorpId);

            string message = crypto.OpenPush(WeComBody, WeComMsgSignature, WeComTimestamp, WeComNonce);

            Assert.Contains("<FromUserName><![CDATA[mycreate]]></FromUserName>", message, StringComparison.Ordinal);
            Assert.Contains("<Content><![CDATA[hello]]></Content>", message, StringComparison.Ordinal);
            Assert.Equal(30, LastPlainByte(WeComKey, WeComEncrypt));
        }

        [Fact]
        public void WeCom_sample_fails_with_the_built_in_16_byte_PKCS7_mode()
        {
            // Why padding is checked by hand: .NET's PKCS7 mode refuses a pad byte over 16.
            using Aes aes = Aes.Create();
            aes.Key = Convert.FromBase64String(WeComKey + "=");
            aes.IV = aes.Key.AsSpan(0, 16).ToArray();
            aes.Padding = PaddingMode.PKCS7;
            byte[] cipher = Convert.FromBase64String(WeComEncrypt);

            Assert.ThrowsAny<CryptographicException>(() => aes.DecryptCbc(cipher, aes.IV, PaddingMode.PKCS7));
        }

        internal static int LastPlainByte(string encodingAesKey, string encrypt)
        {
            using Aes aes = Aes.Create();
            aes.Key = Convert.FromBase64String(encodingAesKey + "=");
            byte[] plain = aes.DecryptCbc(Convert.FromBase64String(encrypt), aes.Key.AsSpan(0, 16), PaddingMode.None);
            return plain[^1];
        }
    }
}
