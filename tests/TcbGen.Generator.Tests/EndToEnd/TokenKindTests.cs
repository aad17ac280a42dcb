using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Specs;
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
        public async Task AGeneratedCloudbaseClientTakesThePushedFileBesideTheThirdPartyFlowUnderTheEnvsWhitelist()
        {
            const string env = "env-token-kind-tests";
            string directory = Directory.CreateTempSubdirectory("tcbgen-cloudcall-").FullName;
            try
            {
                string file = Path.Combine(directory, "cloudbase_access_token");
                File.WriteAllText(file, _fixture.Emulator.IssueCloudCallToken(env, EmulatorFixture.AppId));
                var services = new ServiceCollection();
                services.AddTcbGen(o =>
                {
                    o.BaseAddress = _fixture.Emulator.BaseAddress;
                    o.Retry.MaxAttempts = 1;
                })
                    .UseAccessTokens((key, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken(_fixture.Emulator.IssueToken(key.Kind.Name, key.AppId), null)))
                    .UseCloudbaseAccessToken(o => o.FilePath = file);
                await using ServiceProvider provider = services.BuildServiceProvider();
                var transport = provider.GetRequiredService<ITcbTransport>();
                ITcbCloudbaseClient cloud = new TcbCloudbaseClient(transport, EmulatorFixture.AppId);
                ITcbAuthorizerClient authorizer = new TcbAuthorizerClient(transport, EmulatorFixture.AppId);

                CloudCallResponse before = await cloud.CloudCallAsync(new CloudCallRequest { Env = env });
                await authorizer.SetCloudAccessTokenAsync(new SetCloudAccessTokenRequest
                {
                    Action = SetCloudAccessTokenAction.Set,
                    Open = true,
                    Env = env,
                    ApiWhitelist = new List<string> { "/tcb/*" },
                    Version = 1,
                });
                var refused = await Assert.ThrowsAsync<TcbApiException<CloudCallError>>(() => cloud.CloudCallAsync(new CloudCallRequest { Env = env }));

                Assert.Equal(0, before.ErrorCode);
                Assert.Equal(48001, refused.ErrorCode);
                Assert.False(refused.IsDocumented);
                Assert.StartsWith("api unauthorized", refused.ErrorMessage);
                RecordedRequest[] sent = _fixture.Emulator.RequestsTo(CloudCallEndpoint.Name).TakeLast(2).ToArray();
                Assert.All(sent, r => Assert.Equal("?cloudbase_access_token=***", r.Query));
                Assert.Equal("?access_token=***", _fixture.Emulator.RequestsTo(SetCloudAccessTokenEndpoint.Name).Last().Query);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public async Task TheCloudCallTokenStandsInForTheComponentTokenOnTheGeneratedComponentClient()
        {
            const string env = "env-stand-in-tests";
            string directory = Directory.CreateTempSubdirectory("tcbgen-standin-").FullName;
            try
            {
                string file = Path.Combine(directory, "cloudbase_access_token");
                File.WriteAllText(file, _fixture.Emulator.IssueCloudCallToken(env, EmulatorFixture.AppId));
                var services = new ServiceCollection();
                services.AddTcbGen(o =>
                {
                    o.BaseAddress = _fixture.Emulator.BaseAddress;
                    o.Retry.MaxAttempts = 1;
                })
                    .UseAccessTokens((key, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken(_fixture.Emulator.IssueToken(key.Kind.Name, key.AppId), null)))
                    .UseCloudbaseAccessToken(o =>
                    {
                        o.FilePath = file;
                        o.StandsInFor.Add(TcbTokenKind.ComponentAccessToken);
                    });
                await using ServiceProvider provider = services.BuildServiceProvider();
                var transport = provider.GetRequiredService<ITcbTransport>();
                ITcbComponentClient component = new TcbComponentClient(transport);
                ITcbAuthorizerClient authorizer = new TcbAuthorizerClient(transport, EmulatorFixture.AppId);
                await authorizer.SetCloudAccessTokenAsync(new SetCloudAccessTokenRequest
                {
                    Action = SetCloudAccessTokenAction.Set,
                    Open = true,
                    Env = env,
                    ApiWhitelist = new List<string> { ChangeTcbEnvEndpoint.Descriptor.Path },
                    Version = 1,
                });

                ChangeTcbEnvResponse allowed = await component.ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = env });
                var refused = await Assert.ThrowsAsync<TcbApiException<SetCloudAccessTokenError>>(
                    () => component.SetCloudAccessTokenAsync(new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = env }));

                Assert.Equal(0, allowed.ErrorCode);
                Assert.Equal(48001, refused.ErrorCode);
                Assert.Equal("?cloudbase_access_token=***", _fixture.Emulator.RequestsTo(ChangeTcbEnvEndpoint.Name).Last().Query);
                Assert.Equal("?cloudbase_access_token=***", _fixture.Emulator.RequestsTo(SetCloudAccessTokenEndpoint.Name).Last().Query);
                Assert.Equal("?access_token=***", _fixture.Emulator.RequestsTo(SetCloudAccessTokenEndpoint.Name)[^2].Query);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void EveryKnownKindHasTheSameUrlParameterInTheRuntimeAsInTheSpecModule()
        {
            Assert.Equal(TokenKinds.Of(TokenKinds.Component).UrlParameter, TcbTokenKind.ComponentAccessToken.UrlParameter);
            Assert.Equal(TokenKinds.Of(TokenKinds.Authorizer).UrlParameter, TcbTokenKind.AuthorizerAccessToken.UrlParameter);
            Assert.Equal(TokenKinds.Of(TokenKinds.Cloudbase).UrlParameter, TcbTokenKind.CloudbaseAccessToken.UrlParameter);
            Assert.Equal(TokenKinds.Cloudbase, TcbTokenKind.CloudbaseAccessToken.Name);
            Assert.Equal(3, TokenKinds.Known.Count);
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
