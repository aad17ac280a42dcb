using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Cli.Tests.Emulator
{
    /// <summary>
    /// <c>tcbgen emulator</c> driven only over HTTP, as a test in another language would: tokens, faults of each kind,
    /// recorded requests (redacted), reset. And a port in use is one line and exit code 2.
    /// </summary>
    public sealed class EmulatorCommandTests : IAsyncLifetime
    {
        private const string AdminKey = "emulator-command-tests";

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly HttpClient _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        private Task<(int ExitCode, string Output, string Error)> _run = null!;
        private string _base = string.Empty;

        public async Task InitializeAsync()
        {
            int port = FreePort();
            _base = $"http://127.0.0.1:{port}";
            _run = Task.Run(() => Tool.RunAsync(_stop.Token, "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--admin-key", AdminKey));
            _http.DefaultRequestHeaders.Add("X-TcbGen-Admin-Key", AdminKey);
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    using HttpResponseMessage ready = await _http.GetAsync(_base + "/__admin/endpoints");
                    if (ready.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException) when (attempt < 200 && !_run.IsCompleted)
                {
                    await Task.Delay(50);
                }
            }
        }

        [Fact]
        public async Task TheAdminApiScriptsEachKindOfFaultAndShowsRedactedRequests()
        {
            string token = (await PostAsync("/__admin/tokens", "{\"kind\":\"authorizer_access_token\",\"appid\":\"wx-test\"}")).GetProperty("access_token").GetString()!;
            string call = $"{_base}/tcb/modifyenv?access_token={Uri.EscapeDataString(token)}";

            Assert.Equal(0, await ErrcodeAsync(call));

            await PostAsync("/__admin/faults", "{\"endpoint\":\"changeTcbEnv\",\"errcode\":-1,\"times\":2}");
            Assert.Equal(-1, await ErrcodeAsync(call));
            Assert.Equal(-1, await ErrcodeAsync(call));
            Assert.Equal(0, await ErrcodeAsync(call));

            await PostAsync("/__admin/faults", "{\"endpoint\":\"changeTcbEnv\",\"httpStatus\":502}");
            using (HttpResponseMessage bad = await _http.PostAsync(call, Body("{\"env\":\"e\"}")))
            {
                Assert.Equal(HttpStatusCode.BadGateway, bad.StatusCode);
            }

            await PostAsync("/__admin/faults", "{\"endpoint\":\"changeTcbEnv\",\"dropConnection\":true}");
            await Assert.ThrowsAsync<HttpRequestException>(() => _http.PostAsync(call, Body("{\"env\":\"e\"}")));

            await PostAsync("/__admin/faults", "{\"endpoint\":\"changeTcbEnv\",\"delayMs\":1}");
            Assert.Equal(0, await ErrcodeAsync(call));

            using JsonDocument requests = JsonDocument.Parse(await _http.GetStringAsync(_base + "/__admin/requests?endpoint=changeTcbEnv"));
            Assert.Equal(7, requests.RootElement.GetArrayLength());
            foreach (JsonElement request in requests.RootElement.EnumerateArray())
            {
                Assert.Equal("?access_token=***", request.GetProperty("query").GetString());
                Assert.Equal("{\"env\":\"e\"}", request.GetProperty("body").GetString());
            }

            Assert.DoesNotContain(token, requests.RootElement.GetRawText());
            Assert.Equal(502, requests.RootElement[4].GetProperty("statusCode").GetInt32());
            Assert.Equal(JsonValueKind.Null, requests.RootElement[5].GetProperty("statusCode").ValueKind);

            await PostAsync("/__admin/faults", "{\"endpoint\":\"changeTcbEnv\",\"errcode\":40001}");
            await PostAsync("/__admin/reset", "{}");
            Assert.Equal("[]", (await _http.GetStringAsync(_base + "/__admin/requests")).Trim());
            Assert.Equal(0, await ErrcodeAsync(call));
        }

        [Fact]
        public async Task ABadAdminRequestIsA400WithAReason()
        {
            using HttpResponseMessage unknown = await _http.PostAsync(_base + "/__admin/faults", Body("{\"endpoint\":\"noSuchEndpoint\",\"errcode\":1}"));
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("changeTcbEnv", await unknown.Content.ReadAsStringAsync());

            using HttpResponseMessage two = await _http.PostAsync(_base + "/__admin/faults", Body("{\"endpoint\":\"changeTcbEnv\",\"errcode\":1,\"delayMs\":5}"));
            Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
            Assert.Contains("exactly one of", await two.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task APortInUseIsOneLineAndExitCodeTwo()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                (int exitCode, string output, string error) = await Tool.RunAsync("emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(2, exitCode);
                Assert.Equal($"tcbgen emulator: port {port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for a free one.", error.Trim());
                Assert.DoesNotContain("Exception", output + error);
            }
            finally
            {
                listener.Stop();
            }
        }

        public async Task DisposeAsync()
        {
            _stop.Cancel();
            (int exitCode, string output, _) = await _run;
            Assert.Equal(0, exitCode);
            Assert.Contains("Admin API: " + _base + "/__admin/", output);
            _http.Dispose();
            _stop.Dispose();
        }

        private static StringContent Body(string json) => new StringContent(json, Encoding.UTF8, "application/json");

        private async Task<JsonElement> PostAsync(string path, string json)
        {
            using HttpResponseMessage response = await _http.PostAsync(_base + path, Body(json));
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        private async Task<int> ErrcodeAsync(string url)
        {
            using HttpResponseMessage response = await _http.PostAsync(url, Body("{\"env\":\"e\"}"));
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("errcode").GetInt32();
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
