using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Cli.Tests.Emulator
{
    /// <summary>
    /// <c>tcbgen emulator</c> as its own process: every URL and curl line of its banner answers as it says (each endpoint
    /// with errcode 0, the admin URLs with 2xx), a GET spec is listed and called as GET, and <c>--specs</c> adds a file
    /// to the built-in specs unless <c>--no-built-in-specs</c>.
    /// </summary>
    public sealed class EmulatorBannerTests
    {
        private const string GetSpec = """
            {
              "name": "getTemplateKeywords",
              "title": "template keywords",
              "method": "GET",
              "path": "/wxaapi/newtmpl/getpubtemplatekeywords",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": { "fields": [ { "name": "tid", "type": "string", "required": true } ] },
              "response": { "fields": [ { "name": "count", "type": "integer" } ] },
              "errorSets": ["wechat"],
              "examples": [ { "request": { "tid": "99" }, "response": { "errcode": 0, "errmsg": "ok", "count": 2 } } ]
            }
            """;

        private static readonly HttpClient Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

        [Fact]
        public async Task EveryCurlLineOfTheBannerAnswersAsItSays()
        {
            using var temp = new TempDirectory();
            string spec = temp.File("getTemplateKeywords.tcb.json", GetSpec);
            using EmulatorProcess emulator = await EmulatorProcess.StartAsync("emulator", "--specs", spec);

            Assert.Contains("  getTemplateKeywords: GET /wxaapi/newtmpl/getpubtemplatekeywords (authorizer_access_token)", emulator.Banner);
            Assert.Contains("  changeTcbEnv: POST /tcb/modifyenv (component_access_token, authorizer_access_token)", emulator.Banner);
            string[] curls = emulator.Banner.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("  curl ", StringComparison.Ordinal)).ToArray();
            Assert.Contains(curls, c => c.StartsWith($"  curl -s '{emulator.BaseUrl}/wxaapi/newtmpl/getpubtemplatekeywords?access_token=", StringComparison.Ordinal) && c.Contains("&tid=99", StringComparison.Ordinal));
            Assert.Contains(curls, c => c.Contains("/__admin/'", StringComparison.Ordinal));
            Assert.Contains(curls, c => c.Contains("/__admin/authorizers'", StringComparison.Ordinal));
            Assert.Contains(curls, c => c.Contains("/__admin/faults'", StringComparison.Ordinal));

            foreach (string line in curls)
            {
                CurlLine curl = CurlLine.Parse(line);
                using HttpRequestMessage request = curl.ToRequest();
                using HttpResponseMessage response = await Http.SendAsync(request);
                string body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{line}\n=> {(int)response.StatusCode} {body}");
                using JsonDocument json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("errcode", out JsonElement errcode))
                {
                    Assert.True(errcode.GetInt32() == 0, $"{line}\n=> {body}");
                }
            }

            // The fault the banner scripts names an endpoint the emulator serves (the admin API answered 201 above).
            using JsonDocument fault = JsonDocument.Parse(CurlLine.Parse(curls.Single(c => c.Contains("/__admin/faults", StringComparison.Ordinal))).Body!);
            Assert.Contains($"\n  {fault.RootElement.GetProperty("endpoint").GetString()}: ", emulator.Banner);
        }

        [Fact]
        public async Task TheDemoAuthorizersRotatedRefreshTokenCanBePutBackOverTheAdminApi()
        {
            using EmulatorProcess emulator = await EmulatorProcess.StartAsync("emulator", "--admin-key", "test-key");
            Assert.Equal("test-key", emulator.AdminKey);
            string component = await TokenAsync(emulator.BaseUrl + "/cgi-bin/component/api_component_token", "{\"component_appid\":\"wx-component\",\"component_appsecret\":\"component-secret\",\"component_verify_ticket\":\"ticket-1\"}", "component_access_token");
            string refreshUrl = emulator.BaseUrl + "/cgi-bin/component/api_authorizer_token?component_access_token=" + Uri.EscapeDataString(component);
            const string Refresh = "{\"component_appid\":\"wx-component\",\"authorizer_appid\":\"wx-authorizer-demo\",\"authorizer_refresh_token\":\"refresh-token-demo\"}";

            Assert.NotEmpty(await TokenAsync(refreshUrl, Refresh, "authorizer_access_token"));
            Assert.Equal(61023, (await PostAsync(refreshUrl, Refresh)).GetProperty("errcode").GetInt32());

            CurlLine reset = CurlLine.Parse(emulator.Banner.Split('\n').Single(l => l.Contains("/__admin/authorizers", StringComparison.Ordinal)));
            using (HttpRequestMessage request = reset.ToRequest())
            using (HttpResponseMessage response = await Http.SendAsync(request))
            {
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }

            Assert.NotEmpty(await TokenAsync(refreshUrl, Refresh, "authorizer_access_token"));
        }

        [Fact]
        public async Task NoBuiltInSpecsServesOnlyTheNamedSpecs()
        {
            using var temp = new TempDirectory();
            temp.File("getTemplateKeywords.tcb.json", GetSpec);
            using EmulatorProcess emulator = await EmulatorProcess.StartAsync("emulator", "--specs", temp.Path, "--no-built-in-specs", "--admin-key", "k");
            using var request = new HttpRequestMessage(HttpMethod.Get, emulator.BaseUrl + "/__admin/endpoints");
            request.Headers.Add("X-TcbGen-Admin-Key", "k");
            using HttpResponseMessage response = await Http.SendAsync(request);
            using JsonDocument endpoints = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(new[] { "getTemplateKeywords" }, endpoints.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToArray());
        }

        private static async Task<JsonElement> PostAsync(string url, string body)
        {
            using HttpResponseMessage response = await Http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.Clone();
        }

        private static async Task<string> TokenAsync(string url, string body, string property)
        {
            JsonElement answer = await PostAsync(url, body);
            Assert.True(answer.TryGetProperty(property, out JsonElement token), answer.GetRawText());
            return token.GetString()!;
        }
    }
}
