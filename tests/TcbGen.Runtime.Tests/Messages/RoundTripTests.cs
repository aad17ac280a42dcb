using System;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace TcbGen.Runtime.Tests.Messages
{
    /// <summary>Encrypt then decrypt, across every pad length and a key change.</summary>
    public sealed class RoundTripTests
    {
        private const string Token = "platform-token";
        private const string OldKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        private const string NewKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
        private const string AppId = "wx0123456789abcdef";

        [Fact]
        public void Every_length_round_trips_and_every_pad_byte_from_1_to_32_occurs()
        {
            var crypto = new TcbMessageCrypto(Token, NewKey, AppId);
            var padBytes = new HashSet<int>();
            for (int length = 0; length <= 70; length++)
            {
                string message = new string('é', length / 2) + new string('x', length % 2);
                string encrypt = crypto.Encrypt(message);
                Assert.Equal(message, crypto.Decrypt(encrypt));
                padBytes.Add(KnownAnswerTests.LastPlainByte(NewKey, encrypt));
            }

            for (int pad = 1; pad <= 32; pad++)
            {
                Assert.Contains(pad, padBytes);
            }
        }

        [Fact]
        public void Encryption_uses_fresh_random_bytes()
        {
            var crypto = new TcbMessageCrypto(Token, NewKey, AppId);
            Assert.NotEqual(crypto.Encrypt("<xml/>"), crypto.Encrypt("<xml/>"));
        }

        [Fact]
        public void During_a_key_change_messages_under_the_previous_key_still_open()
        {
            var before = new TcbMessageCrypto(Token, OldKey, AppId);
            var during = new TcbMessageCrypto(Token, NewKey, AppId, previousEncodingAesKey: OldKey);
            var after = new TcbMessageCrypto(Token, NewKey, AppId);

            string underOld = before.Encrypt("<xml>old</xml>");
            Assert.Equal("<xml>old</xml>", during.Decrypt(underOld));
            Assert.Equal("<xml>new</xml>", during.Decrypt(during.Encrypt("<xml>new</xml>")));
            Assert.Throws<TcbMessageRejectedException>(() => before.Decrypt(during.Encrypt("<xml>new</xml>")));
            Assert.Throws<TcbMessageRejectedException>(() => after.Decrypt(underOld));
        }

        [Fact]
        public void A_sealed_reply_opens_as_a_push()
        {
            var crypto = new TcbMessageCrypto(Token, NewKey, AppId);
            string sealedReply = crypto.SealReply("<xml><Content>ok</Content></xml>", "1700000000", "42");
            IReadOnlyDictionary<string, string> fields = TcbPushXml.ReadFields(sealedReply);

            Assert.Equal("<xml><Content>ok</Content></xml>", crypto.OpenPush(sealedReply, fields["MsgSignature"], fields["TimeStamp"], fields["Nonce"]));
        }

        [Theory]
        [InlineData("")]
        [InlineData("short")]
        [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!")]
        public void A_key_that_is_not_43_Base64_characters_is_refused(string key)
            => Assert.Throws<ArgumentException>(() => new TcbMessageCrypto(Token, key, AppId));

        [Fact]
        public void Signatures_are_sorted_ordinally_not_by_culture()
        {
            // Ordinal order puts uppercase before lowercase and digits before both.
            Assert.Equal(
                TcbMessageCrypto.ComputeSignature("1", "A", "a", "b"),
                TcbMessageCrypto.ComputeSignature("b", "a", "A", "1"));
            using var sha1 = System.Security.Cryptography.SHA1.Create();
            string expected = Convert.ToHexString(sha1.ComputeHash(Encoding.UTF8.GetBytes("1Aab"))).ToLowerInvariant();
            Assert.Equal(expected, TcbMessageCrypto.ComputeSignature("b", "a", "A", "1"));
        }
    }
}
