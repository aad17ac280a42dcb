using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using System.Threading.Tasks;
using TcbGen.Cli.Tests.Infrastructure;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Cli.Tests.Emulator
{
    /// <summary>
    /// <c>tcbgen emulator</c> with the push flags, as its own process: the verify ticket reaches a listener at
    /// <c>--event-url</c>, signed with <c>--message-token</c> and encrypted with <c>--encoding-aes-key</c>, every
    /// <c>--ticket-push-interval</c> seconds, a new ticket each push; the component token takes the newest and the earlier one.
    /// </summary>
    public sealed class EmulatorPushTests
    {
        private const string MessageToken = "push-test-token";
        private const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

        private static readonly HttpClient Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

        [Fact]
        public async Task PushedTicketsReachTheListenerANewOneEachPush()
        {
            using var listener = new HttpListener();
            int port = FreePort();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            Channel<string> tickets = Channel.CreateUnbounded<string>();
            _ = ReceiveAsync(listener, tickets.Writer);
            string eventUrl = $"http://127.0.0.1:{port}/wechat/component?tenant=7";

            using EmulatorProcess emulator = await EmulatorProcess.StartAsync(
                "emulator", "--event-url", eventUrl, "--message-token", MessageToken, "--encoding-aes-key", EncodingAesKey, "--ticket-push-interval", "1");
            string first = await tickets.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            string second = await tickets.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal($"component_verify_ticket to http://127.0.0.1:{port}/wechat/component now and every 1 s, a new ticket each push (earlier ones stay valid 12 h)", emulator.Line("Pushes: "));
            Assert.DoesNotContain(MessageToken, emulator.Banner, StringComparison.Ordinal);
            Assert.DoesNotContain(EncodingAesKey, emulator.Banner, StringComparison.Ordinal);
            Assert.Equal("ticket-1", first);
            Assert.NotEqual(first, second);
            Assert.True((await ComponentTokenAsync(emulator, second)).TryGetProperty("component_access_token", out _));
            Assert.True((await ComponentTokenAsync(emulator, first)).TryGetProperty("component_access_token", out _));
            Assert.Equal(61006, (await ComponentTokenAsync(emulator, "ticket@@@never-pushed")).GetProperty("errcode").GetInt32());
            listener.Stop();
        }

        [Theory]
        [InlineData("--event-url", "ftp://127.0.0.1/x", "--event-url 'ftp://127.0.0.1/x' is not an absolute http or https URL")]
        [InlineData("--encoding-aes-key", "too-short", "--encoding-aes-key takes the 43 Base64 characters")]
        [InlineData("--ticket-push-interval", "-5", "--ticket-push-interval -5 is negative")]
        [InlineData("--message-token", "", "--message-token needs a non-empty token")]
        public async Task APushSettingThatIsNotOneIsOneLineAndExitCode2(string flag, string value, string message)
        {
            (int exitCode, string output, string error) = await Tool.RunAsync("emulator", flag, value);

            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("tcbgen emulator: " + message, error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }

        /// <summary>
        /// Answers each push as a platform does: checks both signatures, decrypts with the flags' key, replies success. A
        /// push that fails a check ends the channel with that failure, so the test reports it rather than a timeout.
        /// </summary>
        private static async Task ReceiveAsync(HttpListener listener, ChannelWriter<string> tickets)
        {
            try
            {
                await ReceiveEachAsync(listener, tickets);
            }
            catch (Exception failure) when (listener.IsListening)
            {
                tickets.TryComplete(failure);
            }
        }

        private static async Task ReceiveEachAsync(HttpListener listener, ChannelWriter<string> tickets)
        {
            var crypto = new TcbMessageCrypto(MessageToken, EncodingAesKey, "wx-component");
            while (true)
            {
                HttpListenerContext context = await listener.GetContextAsync();
                string body;
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                {
                    body = await reader.ReadToEndAsync();
                }

                var query = context.Request.QueryString;
                Assert.Equal("/wechat/component", context.Request.Url!.AbsolutePath);
                Assert.Equal("7", query["tenant"]);
                Assert.True(crypto.IsValidUrlSignature(query["signature"], query["timestamp"]!, query["nonce"]!));
                IReadOnlyDictionary<string, string> message = TcbPushXml.ReadFields(crypto.OpenPush(body, query["msg_signature"], query["timestamp"], query["nonce"]));
                Assert.Equal("component_verify_ticket", message["InfoType"]);
                byte[] reply = Encoding.UTF8.GetBytes("success");
                context.Response.ContentType = "text/plain";
                await context.Response.OutputStream.WriteAsync(reply);
                context.Response.Close();
                await tickets.WriteAsync(message["ComponentVerifyTicket"]);
            }
        }

        private static async Task<JsonElement> ComponentTokenAsync(EmulatorProcess emulator, string ticket)
        {
            string body = "{\"component_appid\":\"wx-component\",\"component_appsecret\":\"component-secret\",\"component_verify_ticket\":\"" + ticket + "\"}";
            using HttpResponseMessage response = await Http.PostAsync(emulator.BaseUrl + "/cgi-bin/component/api_component_token", new StringContent(body, Encoding.UTF8, "application/json"));
            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.Clone();
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
