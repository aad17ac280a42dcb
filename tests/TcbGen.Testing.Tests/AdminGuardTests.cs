using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>
    /// The admin API refuses what a web page in the developer's browser can send, written byte for byte as a browser sends
    /// it over a raw socket: a DNS-rebinding page's Host, a cross-origin text/plain form POST (no preflight), a request
    /// without the key. Each refusal changes nothing; the WeChat-facing routes answer as before.
    /// </summary>
    public sealed class AdminGuardTests
    {
        private const string Key = "admin-guard-tests-key";
        private const string Fault = "{\"endpoint\":\"changeTcbEnv\",\"errcode\":-1}";

        [Fact]
        public async Task AWrongHostIsRefusedAndScriptsNoFault()
        {
            await using Session session = await StartAsync();
            string response = await RawAsync(session, "POST", "/__admin/faults", "Host: rebind.attacker.example:" + session.Emulator.BaseAddress.Port, "Content-Type: application/json", $"X-TcbGen-Admin-Key: {Key}");
            Assert.StartsWith("HTTP/1.1 403", response);
            await AssertNoFaultAsync(session);
        }

        [Fact]
        public async Task ACrossOriginTextPlainPostIsRefusedAndScriptsNoFault()
        {
            await using Session session = await StartAsync();
            string response = await RawAsync(session, "POST", "/__admin/faults", LocalHost(session), "Content-Type: text/plain;charset=UTF-8", "Origin: https://evil.example", "Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: no-cors", $"Cookie: tcbgen_admin_key={Key}");
            Assert.StartsWith("HTTP/1.1 403", response);
            await AssertNoFaultAsync(session);
        }

        [Fact]
        public async Task AMissingKeyIsRefusedAndForgetsNothing()
        {
            await using Session session = await StartAsync();
            Assert.Equal(0, (await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}")).Errcode);
            string reset = await RawAsync(session, "POST", "/__admin/reset", LocalHost(session), "Content-Type: application/json");
            string read = await RawAsync(session, "GET", "/__admin/requests", LocalHost(session));
            Assert.StartsWith("HTTP/1.1 401", reset);
            Assert.StartsWith("HTTP/1.1 401", read);
            Assert.DoesNotContain("modifyenv", read);
            Assert.Single(session.Emulator.Requests);
        }

        [Fact]
        public async Task ATextPlainPostWithTheKeyIsRefused()
        {
            await using Session session = await StartAsync();
            string response = await RawAsync(session, "POST", "/__admin/faults", LocalHost(session), "Content-Type: text/plain", $"X-TcbGen-Admin-Key: {Key}");
            Assert.StartsWith("HTTP/1.1 415", response);
            await AssertNoFaultAsync(session);
        }

        [Theory]
        [InlineData("localhost")]
        [InlineData("127.0.0.1")]
        [InlineData("[::1]")]
        [InlineData("emulator.test")]
        public async Task TheKeyFromAnAllowedHostScriptsTheFault(string host)
        {
            await using Session session = await StartAsync();
            string response = await RawAsync(session, "POST", "/__admin/faults", $"Host: {host}:{session.Emulator.BaseAddress.Port}", "Content-Type: application/json", $"X-TcbGen-Admin-Key: {Key}", "Sec-Fetch-Site: same-origin");
            Assert.StartsWith("HTTP/1.1 201", response);
            Assert.Equal(-1, (await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}")).Errcode);
        }

        [Fact]
        public async Task ASameOriginPageMayCarryTheKeyInTheCookie()
        {
            await using Session session = await StartAsync();
            string origin = "http://127.0.0.1:" + session.Emulator.BaseAddress.Port;
            string response = await RawAsync(session, "GET", "/__admin/endpoints", LocalHost(session), "Origin: " + origin, "Sec-Fetch-Site: same-origin", $"Cookie: tcbgen_admin_key={Key}");
            Assert.StartsWith("HTTP/1.1 200", response);
            Assert.Contains("changeTcbEnv", response);
        }

        [Fact]
        public async Task TheInProcessAdminClientCarriesTheGeneratedKey()
        {
            await using Session session = await Session.StartAsync();
            Assert.Equal(32, session.Emulator.AdminKey.Length);
            using System.Net.Http.HttpClient admin = session.Emulator.CreateAdminClient();
            using System.Net.Http.HttpResponseMessage response = await admin.GetAsync("/__admin/endpoints");
            Assert.Equal(200, (int)response.StatusCode);
            using System.Net.Http.HttpResponseMessage without = await session.Http.GetAsync("/__admin/endpoints");
            Assert.Equal(401, (int)without.StatusCode);
        }

        [Fact]
        public async Task WeChatRoutesAnswerAnyHostAndOriginAsBefore()
        {
            await using Session session = await StartAsync();
            string body = "{\"env\":\"e\"}";
            string response = await RawAsync(session, "POST", "/tcb/modifyenv?access_token=" + Uri.EscapeDataString(session.AuthorizerToken()), "Host: api.weixin.qq.com", "Content-Type: text/plain", "Origin: https://evil.example", body);
            Assert.StartsWith("HTTP/1.1 200", response);
            Assert.Contains("\"errcode\":0", response.Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        private static Task<Session> StartAsync()
        {
            var options = new WeChatEmulatorOptions { AdminKey = Key };
            options.AdminHostNames.Add("emulator.test");
            return Session.StartAsync(options);
        }

        private static string LocalHost(Session session) => "Host: 127.0.0.1:" + session.Emulator.BaseAddress.Port;

        private static async Task AssertNoFaultAsync(Session session)
            => Assert.Equal(0, (await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}")).Errcode);

        /// <summary>Sends one HTTP/1.1 request as written (the last header-less argument, if it starts with '{', is the body; else <see cref="Fault"/> for POST) and returns the whole response.</summary>
        private static async Task<string> RawAsync(Session session, string method, string target, params string[] headersAndBody)
        {
            string? body = headersAndBody.Length > 0 && headersAndBody[^1].StartsWith('{') ? headersAndBody[^1] : method == "POST" ? Fault : null;
            var request = new StringBuilder($"{method} {target} HTTP/1.1\r\n");
            foreach (string header in headersAndBody)
            {
                if (!header.StartsWith('{'))
                {
                    request.Append(header).Append("\r\n");
                }
            }

            byte[] content = Encoding.UTF8.GetBytes(body ?? string.Empty);
            request.Append("Content-Length: ").Append(content.Length).Append("\r\nConnection: close\r\n\r\n");
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", session.Emulator.BaseAddress.Port);
            using NetworkStream stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
            await stream.WriteAsync(content);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }
}
