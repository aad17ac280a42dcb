using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// Fields marked <c>"secret"</c> (TestSpecs/issueCloudToken.tcb.json, after getCloudToken's <c>secretkey</c> and
    /// <c>token</c>; <c>session_key</c>, <c>passphrase</c> and <c>otp</c> are names the runtime's own redactor would not
    /// recognise): hidden from the debugger, and absent from the emulator's records, from exceptions and from logs.
    /// </summary>
    public sealed class SecretFieldTests : IClassFixture<EmulatorFixture>
    {
        private const string Endpoint = IssueCloudTokenEndpoint.Name;
        private static readonly string[] Secrets = { "SK-4f1e", "TK-77aa", "SESS-93c1", "PASS-0b2d", "OTP-5e6f" };

        private readonly EmulatorFixture _fixture;

        public SecretFieldTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task TheEmulatorRecordsSecretRequestFieldsMasked()
        {
            await _fixture.Client.IssueCloudTokenAsync(new IssueCloudTokenRequest { Env = "env-1", Passphrase = "PASS-0b2d", Otp = "OTP-5e6f" });

            RecordedRequest recorded = _fixture.Emulator.RequestsTo(Endpoint).Last();
            Assert.Equal("{\"env\":\"env-1\",\"passphrase\":\"***\"}", recorded.Body);
            Assert.Equal("?access_token=***&otp=***", recorded.Query);
            AssertNoSecret(recorded.Body + recorded.Query + recorded);
        }

        [Fact]
        public async Task ARejectedRequestIsRecordedMaskedToo()
        {
            using var http = new HttpClient();
            using HttpResponseMessage response = await http.PostAsync(
                new Uri(_fixture.Emulator.BaseAddress, "/test/issuecloudtoken?access_token=not-issued&otp=OTP-5e6f"),
                new StringContent("{\"env\":\"env-1\",\"nested\":{\"passphrase\":\"PASS-0b2d\"},\"passphrase\":\"PASS-0b2d\"}", Encoding.UTF8, "application/json"));

            RecordedRequest recorded = _fixture.Emulator.RequestsTo(Endpoint).Last();
            Assert.NotEqual(0, recorded.Errcode);
            Assert.Equal("{\"env\":\"env-1\",\"nested\":{\"passphrase\":\"***\"},\"passphrase\":\"***\"}", recorded.Body);
            AssertNoSecret(recorded.Body + recorded.Query);
        }

        [Fact]
        public async Task TheEmulatorsHintNeverQuotesASecretValue()
        {
            const string body = "{\"env\":\"env-1\",\"passphrase\":90210}";
            const string hint = "passphrase must be a string, not ***";
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            using var http = new HttpClient();
            using HttpResponseMessage response = await http.PostAsync(
                new Uri(_fixture.Emulator.BaseAddress, "/test/issuecloudtoken?access_token=" + token),
                new StringContent(body, Encoding.UTF8, "application/json"));

            string answer = await response.Content.ReadAsStringAsync();
            Assert.Contains("40097", answer);
            Assert.Contains(hint, answer);
            Assert.DoesNotContain("90210", answer);
        }

        [Fact]
        public async Task SecretResponseFieldsAreReadButHiddenFromTheDebuggerAndToString()
        {
            _fixture.Emulator.ScriptResponse(Endpoint, "{\"errcode\":0,\"errmsg\":\"ok\",\"secretid\":\"AKID-1\",\"secretkey\":\"SK-4f1e\",\"token\":\"TK-77aa\",\"session_key\":\"SESS-93c1\"}");

            IssueCloudTokenResponse response = await _fixture.Client.IssueCloudTokenAsync(new IssueCloudTokenRequest { Env = "env-1" });

            Assert.Equal("SK-4f1e", response.SecretKey);
            Assert.Equal("SESS-93c1", response.SessionKey);
            AssertNoSecret(response.ToString()!);
            foreach (string name in new[] { nameof(IssueCloudTokenResponse.SecretKey), nameof(IssueCloudTokenResponse.Token), nameof(IssueCloudTokenResponse.SessionKey) })
            {
                Assert.Equal(DebuggerBrowsableState.Never, typeof(IssueCloudTokenResponse).GetProperty(name)!.GetCustomAttribute<DebuggerBrowsableAttribute>()!.State);
            }

            Assert.Null(typeof(IssueCloudTokenResponse).GetProperty(nameof(IssueCloudTokenResponse.SecretId))!.GetCustomAttribute<DebuggerBrowsableAttribute>());
            Assert.Equal(DebuggerBrowsableState.Never, typeof(IssueCloudTokenRequest).GetProperty(nameof(IssueCloudTokenRequest.Passphrase))!.GetCustomAttribute<DebuggerBrowsableAttribute>()!.State);
            Assert.Equal(new[] { "otp", "passphrase", "secretkey", "session_key", "token" }, IssueCloudTokenEndpoint.Descriptor.SecretFields);
        }

        [Fact]
        public async Task AFailedResponseKeepsSecretsOutOfTheExceptionAndTheLogs()
        {
            var logger = new CapturingLogger();
            using var http = new HttpClient();
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            var transport = new TcbHttpTransport(
                http,
                TcbDelegateAccessTokenSource.FromStatic(token),
                new TcbGenOptions { BaseAddress = _fixture.Emulator.BaseAddress, Retry = new TcbRetryOptions { MaxAttempts = 1 } },
                logger: logger);
            var client = new TcbAuthorizerClient(transport, EmulatorFixture.AppId);
            _fixture.Emulator.ScriptResponse(Endpoint, "{\"errcode\":0,\"errmsg\":\"ok\",\"secretkey\":\"SK-4f1e\",\"token\":\"TK-77aa\",\"session_key\":\"SESS-93c1\",\"ttl\":\"many\"}");

            TcbProtocolException error = await Assert.ThrowsAsync<TcbProtocolException>(() => client.IssueCloudTokenAsync(new IssueCloudTokenRequest { Env = "env-1", Passphrase = "PASS-0b2d" }));

            Assert.Equal(0, error.ErrorCode);
            Assert.Contains("\"session_key\":\"***\"", error.BodyExcerpt);
            Assert.Contains("\"ttl\":\"many\"", error.BodyExcerpt);
            AssertNoSecret(error.ToString());
            Assert.NotEmpty(logger.Lines);
            AssertNoSecret(string.Join("\n", logger.Lines));
        }

        private static void AssertNoSecret(string text)
        {
            foreach (string secret in Secrets)
            {
                Assert.DoesNotContain(secret, text);
            }
        }

        private sealed class CapturingLogger : ILogger<TcbHttpTransport>
        {
            public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => Lines.Enqueue(formatter(state, exception) + " " + exception);
        }
    }
}
