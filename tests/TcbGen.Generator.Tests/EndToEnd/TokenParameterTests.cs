using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// A spec's <c>tokenParameter</c> goes from the spec, through the generated descriptor and client, to the wire and
    /// the emulator's check; a <c>tokenless</c> spec gets its types and descriptor but no client method, and the emulator
    /// serves it without a token (TestSpecs/queryComponentProbe and issueProbeToken).
    /// </summary>
    public sealed class TokenParameterTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public TokenParameterTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task TheGeneratedClientSendsTheTokenUnderTheSpecsParameter()
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.ComponentAccessTokenKind);
            using var http = new HttpClient();
            var transport = new TcbHttpTransport(http, TcbDelegateAccessTokenSource.FromStatic(token), new TcbGenOptions { BaseAddress = _fixture.Emulator.BaseAddress });
            ITcbComponentClient client = new TcbComponentClient(transport);

            QueryComponentProbeResponse response = await client.QueryComponentProbeAsync(new QueryComponentProbeRequest { ComponentAppId = "wx-component" });

            Assert.Equal("probed", response.Answer);
            Assert.Equal("component_access_token", QueryComponentProbeEndpoint.Descriptor.TokenParameter);
            RecordedRequest sent = _fixture.Emulator.RequestsTo(QueryComponentProbeEndpoint.Name).Last();
            Assert.Equal("?component_access_token=***", sent.Query);
            Assert.Equal(WeChatEmulator.ComponentAccessTokenKind, sent.TokenKind);
        }

        [Fact]
        public async Task TheEmulatorLooksForTheTokenOnlyUnderTheSpecsParameter()
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.ComponentAccessTokenKind);
            using var http = new HttpClient();
            using HttpResponseMessage answer = await http.PostAsync(
                new Uri(_fixture.Emulator.BaseAddress, QueryComponentProbeEndpoint.Path.TrimStart('/') + "?access_token=" + token),
                new StringContent("{\"component_appid\":\"wx-component\"}", Encoding.UTF8, "application/json"));

            Assert.Contains("\"errcode\":41001", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task ATokenlessSpecHasADescriptorButNoClientMethodAndIsServedWithoutAToken()
        {
            Assert.Null(typeof(ITcbAuthorizerClient).GetMethod("IssueProbeTokenAsync"));
            Assert.Null(typeof(ITcbComponentClient).GetMethod("IssueProbeTokenAsync"));
            Assert.Null(IssueProbeTokenEndpoint.Descriptor.TokenParameter);
            using var http = new HttpClient();
            using HttpResponseMessage answer = await http.PostAsync(
                new Uri(_fixture.Emulator.BaseAddress, IssueProbeTokenEndpoint.Path.TrimStart('/')),
                new StringContent("{\"appid\":\"wx-1\"}", Encoding.UTF8, "application/json"));

            Assert.Contains("\"probe_token\":\"t-1\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using HttpResponseMessage missing = await http.PostAsync(
                new Uri(_fixture.Emulator.BaseAddress, IssueProbeTokenEndpoint.Path.TrimStart('/')),
                new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Contains("\"errcode\":40101", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        [Fact]
        public void BothGenerateAndCompileOnTheirOwn()
        {
            string directory = Path.Combine(Paths.TestsDirectory, "TestSpecs");
            GeneratorOutcome outcome = GeneratorHarness.Run(new[]
            {
                GeneratorHarness.Spec("queryComponentProbe.tcb.json", File.ReadAllText(Path.Combine(directory, "queryComponentProbe.tcb.json"))),
                GeneratorHarness.Spec("issueProbeToken.tcb.json", File.ReadAllText(Path.Combine(directory, "issueProbeToken.tcb.json"))),
            });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
            string tokenless = outcome.Sources.Single(s => s.HintName == "IssueProbeToken.g.cs").SourceText.ToString();
            Assert.DoesNotContain("partial interface", tokenless, StringComparison.Ordinal);
            Assert.Contains("the endpoint takes no token", tokenless, StringComparison.Ordinal);
            string withParameter = outcome.Sources.Single(s => s.HintName == "QueryComponentProbe.g.cs").SourceText.ToString();
            Assert.Contains("\"component_access_token\");", withParameter, StringComparison.Ordinal);
        }
    }
}
