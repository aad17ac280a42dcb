using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.AspNetCore.Tests
{
    /// <summary>Pushes that must be refused: nothing stored, nothing of the body logged.</summary>
    public sealed class RefusalTests
    {
        private const string TicketField = "<ComponentVerifyTicket><![CDATA[ticket-secret-42]]></ComponentVerifyTicket>";

        [Fact]
        public async Task A_bad_signature_is_refused()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();

            HttpResponseMessage response = await host.PushAsync("component_verify_ticket", TicketField, tamperSignature: s => (s[0] == 'a' ? "b" : "a") + s.Substring(1));

            await AssertRefusedAsync(host, response, HttpStatusCode.Forbidden, TcbMessageRejection.SignatureMismatch);
        }

        [Theory]
        [InlineData(-3600)]
        [InlineData(3600)]
        public async Task A_timestamp_outside_the_window_is_refused(int offsetSeconds)
        {
            await using PlatformHost host = await PlatformHost.StartAsync(o => o.TimestampWindow = TimeSpan.FromMinutes(5));

            HttpResponseMessage response = await host.PushAsync("component_verify_ticket", TicketField, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds);

            await AssertRefusedAsync(host, response, HttpStatusCode.Forbidden, TcbMessageRejection.StaleTimestamp);
        }

        [Fact]
        public async Task An_oversized_body_is_refused()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();

            HttpResponseMessage response = await host.PushAsync("component_verify_ticket", TicketField + "<Padding>" + new string('p', 5000) + "</Padding>");

            await AssertRefusedAsync(host, response, HttpStatusCode.RequestEntityTooLarge, TcbMessageRejection.BodyTooLarge);
        }

        [Fact]
        public async Task An_oversized_chunked_body_is_refused_without_a_length()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();
            var content = new StreamContent(new System.IO.MemoryStream(new byte[100_000]));
            content.Headers.ContentLength = null;
            var request = new HttpRequestMessage(HttpMethod.Post, "/wechat/component?timestamp=" + Now() + "&nonce=1&msg_signature=x") { Content = content };
            request.Headers.TransferEncodingChunked = true;

            HttpResponseMessage response = await host.Http.SendAsync(request);

            await AssertRefusedAsync(host, response, HttpStatusCode.RequestEntityTooLarge, TcbMessageRejection.BodyTooLarge);
        }

        [Theory]
        [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>")]
        [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><Encrypt>&b;</Encrypt></xml>")]
        [InlineData("<xml><Encrypt>unclosed</xml>")]
        public async Task Hostile_or_malformed_XML_is_refused(string body)
        {
            await using PlatformHost host = await PlatformHost.StartAsync();

            HttpResponseMessage response = await host.PostRawAsync(body, Now(), "1", "x");

            await AssertRefusedAsync(host, response, HttpStatusCode.BadRequest, TcbMessageRejection.MalformedXml);
            Assert.DoesNotContain("passwd", host.Log.All, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Hostile_XML_inside_a_correctly_signed_ciphertext_is_refused()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();
            string encrypt = host.Crypto.Encrypt("<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><InfoType>component_verify_ticket</InfoType><ComponentVerifyTicket>&x;</ComponentVerifyTicket></xml>");

            HttpResponseMessage response = await host.PostEncryptedAsync(encrypt, Now());

            await AssertRefusedAsync(host, response, HttpStatusCode.BadRequest, TcbMessageRejection.MalformedXml);
        }

        [Fact]
        public async Task A_push_encrypted_for_another_platform_is_refused()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();
            var other = new TcbMessageCrypto(PlatformHost.Token, PlatformHost.EncodingAesKey, "wx-other-platform");
            string encrypt = other.Encrypt("<xml><InfoType>component_verify_ticket</InfoType>" + TicketField + "</xml>");

            HttpResponseMessage response = await host.PostEncryptedAsync(encrypt, Now());

            await AssertRefusedAsync(host, response, HttpStatusCode.Forbidden, TcbMessageRejection.AppIdMismatch);
        }

        private static async Task AssertRefusedAsync(PlatformHost host, HttpResponseMessage response, HttpStatusCode status, TcbMessageRejection reason)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.NotEqual("success", await response.Content.ReadAsStringAsync());
            Assert.Null(await host.Stores.GetVerifyTicketAsync(PlatformHost.ComponentAppId, CancellationToken.None));
            Assert.Contains("Refused a push to the authorization-event URL: " + reason, host.Log.All, StringComparison.Ordinal);
            Assert.DoesNotContain("ticket-secret-42", host.Log.All, StringComparison.Ordinal);
            Assert.DoesNotContain("<xml", host.Log.All, StringComparison.Ordinal);
            Assert.DoesNotContain("Encrypt", host.Log.All, StringComparison.Ordinal);
        }

        private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }
}
