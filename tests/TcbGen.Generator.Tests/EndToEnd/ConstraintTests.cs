using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// setEnvLimits (a test spec) constrains every kind of value. The generated validator reports each broken constraint
    /// with its wire path in one pass, before anything is sent; the emulator answers a raw request breaking one with
    /// 40097 (invalid args), as WeChat does.
    /// </summary>
    public sealed class ConstraintTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public ConstraintTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void EveryBrokenConstraintIsReportedInOnePass()
        {
            var request = new SetEnvLimitsRequest { Alias = "9", Lifespan = 7201, Ratio = 0.75, Tags = new List<string>(), Action = "stop", Version = 3 };

            IReadOnlyList<TcbValidationProblem> problems = SetEnvLimitsValidator.Validate(request);

            Assert.All(problems, p => Assert.Equal(TcbValidationProblemKind.ConstraintViolated, p.Kind));
            Assert.Equal(
                new[]
                {
                    "alias: 'alias' must be at least 2 characters long.",
                    "alias: 'alias' must match ^[a-z][a-zA-Z0-9-]*$.",
                    "lifespan: 'lifespan' must be at most 7200.",
                    "ratio: 'ratio' must be at most 0.5.",
                    "tags: 'tags' must have at least 1 items.",
                    "action: 'action' must be run.",
                    "version: 'version' must be 2.",
                },
                problems.Select(p => p.ToString()));
            Assert.False(SetEnvLimitsValidator.IsValid(request));
        }

        [Fact]
        public void ValuesWithinTheConstraintsAndUnsetOptionalFieldsPass()
        {
            Assert.Empty(SetEnvLimitsValidator.Validate(new SetEnvLimitsRequest { Alias = "env-A1", Lifespan = 7200, Ratio = 0, Tags = new[] { "a", "b", "c" }, Action = "run", Version = 2 }));
            Assert.True(SetEnvLimitsValidator.IsValid(new SetEnvLimitsRequest { Alias = "ab" }));
        }

        [Fact]
        public async Task TheClientThrowsBeforeSending()
        {
            int before = _fixture.Emulator.RequestsTo(SetEnvLimitsEndpoint.Name).Count;

            await Assert.ThrowsAsync<TcbValidationException>(() => _fixture.Client.SetEnvLimitsAsync(new SetEnvLimitsRequest { Alias = "env", Lifespan = 0 }));

            Assert.Equal(before, _fixture.Emulator.RequestsTo(SetEnvLimitsEndpoint.Name).Count);
        }

        [Theory]
        [InlineData("{\"alias\":\"Env\"}", "alias must match")]
        [InlineData("{\"alias\":\"envenvenvenvenvenv\"}", "alias must be at most 16 characters long")]
        [InlineData("{\"alias\":\"env\",\"lifespan\":9000}", "lifespan must be at most 7200")]
        [InlineData("{\"alias\":\"env\",\"ratio\":-0.1}", "ratio must be at least 0")]
        [InlineData("{\"alias\":\"env\",\"tags\":[\"a\",\"b\",\"c\",\"d\"]}", "tags must have at most 3 items")]
        [InlineData("{\"alias\":\"env\",\"action\":\"stop\"}", "action must be run")]
        [InlineData("{\"alias\":\"env\",\"version\":1}", "version must be 2")]
        public async Task TheEmulatorAnswersABrokenConstraintWithInvalidArgs(string body, string hint)
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            using var http = new HttpClient();

            using HttpResponseMessage response = await http.PostAsync(
                new System.Uri(_fixture.Emulator.BaseAddress, "/test/setenvlimits?access_token=" + token),
                new StringContent(body, Encoding.UTF8, "application/json"));

            using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(40097, answer.RootElement.GetProperty("errcode").GetInt32());
            Assert.Contains(hint, answer.RootElement.GetProperty("errmsg").GetString());
        }

        [Fact]
        public async Task TheEmulatorAcceptsValuesWithinTheConstraints()
        {
            SetEnvLimitsResponse response = await _fixture.Client.SetEnvLimitsAsync(new SetEnvLimitsRequest { Alias = "env-a", Lifespan = 1, Tags = new[] { "x" }, Action = "run", Version = 2 });

            Assert.Equal(0, response.ErrorCode);
        }
    }
}
