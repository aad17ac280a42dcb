using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// GET endpoints, query fields and requests without a body, end to end: generated from TestSpecs/, called through the
    /// generated client and the real transport, validated and answered by the emulator, read back from its record.
    /// </summary>
    public sealed class MethodAndQueryTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public MethodAndQueryTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task AGetEndpointSendsEveryScalarKindInTheQueryAndNoBody()
        {
            var request = new GetEnvQuotaRequest
            {
                Env = "env 1&x", Verbose = true, Limit = -5, Since = 4294967295L, Ratio = 0.5,
                Unit = GetEnvQuotaUnit.Gigabytes, Tier = GetEnvQuotaTier.Pro,
            };

            GetEnvQuotaResponse response = await _fixture.Client.GetEnvQuotaAsync(request);

            Assert.Equal(1024L, response.Quota);
            RecordedRequest sent = _fixture.Emulator.RequestsTo(GetEnvQuotaEndpoint.Name).Last();
            Assert.Equal("GET", sent.Method);
            Assert.Equal("?access_token=***&env=env%201%26x&verbose=true&limit=-5&since=4294967295&ratio=0.5&unit=GB&tier=2", sent.Query);
            Assert.Equal(string.Empty, sent.Body);
            Assert.Equal(0, sent.Errcode);
        }

        [Fact]
        public async Task UnsetOptionalQueryFieldsAreLeftOut()
        {
            await _fixture.Client.GetEnvQuotaAsync(new GetEnvQuotaRequest { Env = "env-1" });

            Assert.Equal("?access_token=***&env=env-1", _fixture.Emulator.RequestsTo(GetEnvQuotaEndpoint.Name).Last().Query);
        }

        [Fact]
        public async Task ARequestWithoutABodyIsSentWithoutOne()
        {
            PingNoBodyResponse response = await _fixture.Client.PingNoBodyAsync();

            Assert.True(response.Pong);
            RecordedRequest sent = _fixture.Emulator.RequestsTo(PingNoBodyEndpoint.Name).Last();
            Assert.Equal("POST", sent.Method);
            Assert.Equal(string.Empty, sent.Body);
        }

        [Fact]
        public async Task BodyAndQueryFieldsOfOneRequestGoWhereTheSpecSays()
        {
            await _fixture.Client.MoveFileAsync(new MoveFileRequest { Env = "env-1", From = "/a", To = "/b" });

            RecordedRequest sent = _fixture.Emulator.RequestsTo(MoveFileEndpoint.Name).Last();
            Assert.Equal("?access_token=***&env=env-1", sent.Query);
            Assert.Equal("{\"from\":\"/a\",\"to\":\"/b\"}", sent.Body);
        }

        [Theory]
        [InlineData("GET", "", 40101, "env is required")]
        [InlineData("GET", "&env=e&limit=ten", 40097, "limit must be a 32-bit integer")]
        [InlineData("GET", "&env=e&unit=TB", 40097, "unit is 'TB', not one of MB, GB")]
        [InlineData("GET", "&env=e&verbose=yes", 40097, "verbose must be true or false")]
        [InlineData("POST", "&env=e", 43001, "require GET method")]
        public async Task TheEmulatorChecksTheMethodAndEveryQueryField(string method, string query, int errcode, string errmsgPart)
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            using var http = new HttpClient();
            var uri = new Uri(_fixture.Emulator.BaseAddress, GetEnvQuotaEndpoint.Path + "?access_token=" + token + query);

            using HttpResponseMessage answer = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri));
            using JsonDocument body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());

            Assert.Equal(errcode, body.RootElement.GetProperty("errcode").GetInt32());
            Assert.Contains(errmsgPart, body.RootElement.GetProperty("errmsg").GetString());
        }
    }
}
