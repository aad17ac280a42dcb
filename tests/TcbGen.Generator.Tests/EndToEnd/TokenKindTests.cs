using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>A token kind's URL parameter comes from the spec module, through the generated client, to the wire.</summary>
    public sealed class TokenKindTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public TokenKindTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task TheCloudCallTokenIsSentAsCloudbaseAccessToken()
        {
            string token = _fixture.Emulator.IssueToken("cloudbase_access_token", EmulatorFixture.AppId);
            using var http = new HttpClient();
            var transport = new TcbHttpTransport(http, TcbDelegateAccessTokenSource.FromStatic(token), new TcbGenOptions { BaseAddress = _fixture.Emulator.BaseAddress });
            ITcbCloudbaseClient client = new TcbCloudbaseClient(transport, EmulatorFixture.AppId);

            CloudCallResponse response = await client.CloudCallAsync(new CloudCallRequest { Env = "env-1" });

            Assert.Equal(0, response.ErrorCode);
            RecordedRequest sent = _fixture.Emulator.RequestsTo(CloudCallEndpoint.Name).Last();
            Assert.Equal("?cloudbase_access_token=***", sent.Query);
            Assert.Equal("cloudbase_access_token", sent.TokenKind);
        }

        [Fact]
        public void KindsCompareByNameWhateverTheirParameter()
        {
            Assert.Equal("access_token", TcbTokenKind.AuthorizerAccessToken.UrlParameter);
            Assert.Equal("cloudbase_access_token", new TcbTokenKind("cloudbase_access_token", "cloudbase_access_token").UrlParameter);
            Assert.Equal(new TcbTokenKind("cloudbase_access_token"), new TcbTokenKind("cloudbase_access_token", "cloudbase_access_token"));
        }
    }
}
