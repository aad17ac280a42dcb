using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Cli.Tests.Emulator
{
    /// <summary>
    /// <c>tcbgen emulator --admin-host NAME</c> as its own process: the admin API answers a request whose Host is that
    /// name (a container's or an /etc/hosts name) and still refuses any other host, scripting nothing.
    /// </summary>
    public sealed class EmulatorAdminHostTests
    {
        private const string AdminKey = "admin-host-tests";

        private static readonly HttpClient Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

        [Fact]
        public async Task TheNamedHostIsAllowedAndAnotherRefused()
        {
            using EmulatorProcess emulator = await EmulatorProcess.StartAsync("emulator", "--admin-key", AdminKey, "--admin-host", "wechat-emulator", "--admin-host", "emulator.test");
            int port = new Uri(emulator.BaseUrl).Port;

            using HttpResponseMessage refused = await PostFaultAsync(emulator, $"rebind.attacker.example:{port}");
            using HttpResponseMessage named = await PostFaultAsync(emulator, $"wechat-emulator:{port}");
            using HttpResponseMessage second = await GetAsync(emulator, $"emulator.test:{port}");

            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("wechat-emulator, emulator.test", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, named.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);

            // Only the allowed host's fault was scripted: one call fails with it, the next succeeds.
            string component = await ComponentTokenAsync(emulator);
            Assert.Contains("\"errcode\":-1", await ChangeEnvAsync(emulator, component), StringComparison.Ordinal);
            Assert.Contains("\"errcode\":0", await ChangeEnvAsync(emulator, component), StringComparison.Ordinal);
        }

        [Fact]
        public async Task AnEmptyAdminHostIsOneLineAndExitCode2()
        {
            (int exitCode, string output, string error) = await Tool.RunAsync("emulator", "--admin-host", string.Empty);

            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.Equal("tcbgen emulator: --admin-host needs a non-empty host name.", error.Trim());
        }

        private static async Task<HttpResponseMessage> PostFaultAsync(EmulatorProcess emulator, string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, emulator.BaseUrl + "/__admin/faults")
            {
                Content = new StringContent("{\"endpoint\":\"changeTcbEnv\",\"errcode\":-1}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Host = host;
            request.Headers.Add("X-TcbGen-Admin-Key", AdminKey);
            return await Http.SendAsync(request);
        }

        private static async Task<HttpResponseMessage> GetAsync(EmulatorProcess emulator, string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, emulator.BaseUrl + "/__admin/endpoints");
            request.Headers.Host = host;
            request.Headers.Add("X-TcbGen-Admin-Key", AdminKey);
            return await Http.SendAsync(request);
        }

        private static async Task<string> ComponentTokenAsync(EmulatorProcess emulator)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, emulator.BaseUrl + "/__admin/tokens")
            {
                Content = new StringContent("{\"kind\":\"component_access_token\",\"appid\":\"wx-component\"}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-TcbGen-Admin-Key", AdminKey);
            using HttpResponseMessage response = await Http.SendAsync(request);
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("access_token").GetString()!;
        }

        private static async Task<string> ChangeEnvAsync(EmulatorProcess emulator, string token)
        {
            using HttpResponseMessage response = await Http.PostAsync(
                emulator.BaseUrl + "/tcb/modifyenv?access_token=" + Uri.EscapeDataString(token),
                new StringContent("{\"env\":\"e\"}", Encoding.UTF8, "application/json"));
            return await response.Content.ReadAsStringAsync();
        }
    }
}
