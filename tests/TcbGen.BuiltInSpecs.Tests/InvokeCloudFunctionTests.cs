using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using TcbGen.BuiltInSpecs.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests
{
    /// <summary>
    /// invokeCloudFunction (<c>"requestBody": "caller-json"</c>, <c>resp_data</c> <c>"format": "json"</c>) through the generated
    /// clients against the emulator: env and name go in the query, the caller's event is the whole body, and resp_data
    /// comes back as the caller's result type, read through the caller's own JsonSerializerContext.
    /// </summary>
    public sealed class InvokeCloudFunctionTests : IClassFixture<EmulatorClients>
    {
        private const string Env = "invoke-env-1";

        private readonly EmulatorClients _clients;

        /// <summary>Takes the emulator and clients the class shares.</summary>
        /// <param name="clients">The emulator and the generated clients.</param>
        public InvokeCloudFunctionTests(EmulatorClients clients) => _clients = clients;

        /// <summary>The typed call sends the event as the body and returns resp_data read as the result type.</summary>
        [Fact]
        public async Task TheTypedCallSendsTheEventAndReadsTheResult()
        {
            var request = new InvokeCloudFunctionRequest { Env = Env, Name = "login" };
            var login = new LoginEvent { Code = "c-1", Retries = 2 };

            LoginResult result = await _clients.Component.InvokeCloudFunctionAsync(request, login, InvokeJson.Default.LoginEvent, InvokeJson.Default.LoginResult);

            // The spec's example response: {"event":{"userInfo":{"appId":"SAMPLE_APPID"}},"appid":"SAMPLE_APPID"}.
            Assert.Equal("SAMPLE_APPID", result.AppId);
            Assert.Equal("SAMPLE_APPID", result.Event!.UserInfo!.AppId);
            RecordedRequestSeen seen = LastInvocation();
            Assert.Equal("{\"code\":\"c-1\",\"retries\":2}", seen.Body);
            Assert.Contains("&env=" + Env + "&name=login", seen.Query, StringComparison.Ordinal);
        }

        /// <summary>The raw form sends the JSON text as given and leaves resp_data as text.</summary>
        [Fact]
        public async Task TheRawCallSendsTheTextAndReturnsTheResponse()
        {
            InvokeCloudFunctionResponse response = await _clients.Authorizer.InvokeCloudFunctionAsync(
                new InvokeCloudFunctionRequest { Env = Env, Name = "echo" }, TcbJsonBody.Parse("[1, \"two\"]"));

            Assert.Equal("{\"event\":{\"userInfo\":{\"appId\":\"SAMPLE_APPID\"}},\"appid\":\"SAMPLE_APPID\"}", response.RespData!.Value.Text);
            Assert.True(response.RespData.Value.IsJson);
            Assert.Equal("SAMPLE_APPID", response.RespData.Value.Deserialize(InvokeJson.Default.LoginResult)!.AppId);
            Assert.Equal("[1, \"two\"]", LastInvocation().Body);
        }

        /// <summary>A body that is not one JSON value is refused before anything is sent, without quoting it.</summary>
        [Fact]
        public void TextThatIsNotOneJsonValueIsNoBody()
        {
            ArgumentException refused = Assert.Throws<ArgumentException>(() => TcbJsonBody.Parse("{\"secret\":1} trailing"));
            Assert.DoesNotContain("secret", refused.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => TcbJsonBody.Parse("  "));
        }

        /// <summary>The query fields are validated before sending, as every generated request is.</summary>
        [Fact]
        public async Task AMissingFunctionNameIsRefusedBeforeSending()
        {
            var request = new InvokeCloudFunctionRequest { Env = Env, Name = null! };
            TcbValidationException refused = await Assert.ThrowsAsync<TcbValidationException>(
                () => _clients.Component.InvokeCloudFunctionAsync(request, TcbJsonBody.EmptyObject));
            Assert.Equal("name", Assert.Single(refused.Problems).Path);
        }

        /// <summary>
        /// The emulator takes any one JSON value as the body and checks the query: a missing name is 40101, a body that is
        /// not JSON 47001, and a bare JSON string is a body like any other.
        /// </summary>
        [Fact]
        public async Task TheEmulatorChecksTheQueryAndThatTheBodyIsJson()
        {
            WeChatEmulator emulator = _clients.Emulator;
            string token = emulator.IssueToken("component_access_token");
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

            Assert.Equal(40101, await ErrcodeAsync(http, $"/tcb/invokecloudfunction?access_token={token}&env={Env}", "{}"));
            Assert.Equal(47001, await ErrcodeAsync(http, $"/tcb/invokecloudfunction?access_token={token}&env={Env}&name=f", "{not json"));
            Assert.Equal(0, await ErrcodeAsync(http, $"/tcb/invokecloudfunction?access_token={token}&env={Env}&name=f", "\"just a string\""));
        }

        private static async Task<int> ErrcodeAsync(HttpClient http, string pathAndQuery, string body)
        {
            using HttpResponseMessage answer = await http.PostAsync(pathAndQuery, new StringContent(body, Encoding.UTF8, "application/json"));
            using JsonDocument json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("errcode").GetInt32();
        }

        private RecordedRequestSeen LastInvocation()
        {
            var last = _clients.Emulator.RequestsTo("invokeCloudFunction").Last();
            return new RecordedRequestSeen(last.Body, last.Query);
        }

        private sealed record RecordedRequestSeen(string Body, string Query);
    }

    /// <summary>A cloud function's event, the caller's own type.</summary>
    public sealed class LoginEvent
    {
        /// <summary>A login code.</summary>
        public string? Code { get; set; }

        /// <summary>How many times the caller tried.</summary>
        public int Retries { get; set; }
    }

    /// <summary>What the login function returns, the caller's own type.</summary>
    public sealed class LoginResult
    {
        /// <summary>The event the function saw.</summary>
        public LoginResultEvent? Event { get; set; }

        /// <summary>The mini program's appid.</summary>
        [JsonPropertyName("appid")]
        public string? AppId { get; set; }
    }

    /// <summary>The event as the function echoes it.</summary>
    public sealed class LoginResultEvent
    {
        /// <summary>Who called.</summary>
        public LoginUserInfo? UserInfo { get; set; }
    }

    /// <summary>The caller's identity as the function sees it.</summary>
    public sealed class LoginUserInfo
    {
        /// <summary>The appid.</summary>
        public string? AppId { get; set; }
    }

    /// <summary>The caller's own serializer context: the generated typed call serializes only through it.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(LoginEvent))]
    [JsonSerializable(typeof(LoginResult))]
    internal sealed partial class InvokeJson : JsonSerializerContext
    {
    }
}
