using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// setAlertThreshold (a test spec) documents <c>ratio</c>, a number, defaulting to 0.5, which makes <c>reason</c> required
    /// when <c>ratio</c> is not sent. As for integers: in the docs, the validator and the emulator, never on the wire unless set.
    /// </summary>
    public sealed class NumberDefaultTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public NumberDefaultTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void TheDocsStateTheDefault()
        {
            string json = File.ReadAllText(Path.Combine(Paths.TestsDirectory, "TestSpecs", "setAlertThreshold.tcb.json"));

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("setAlertThreshold.tcb.json", json) });

            Assert.Empty(outcome.GeneratorDiagnostics);
            Assert.Contains("Default when not sent: <c>0.5</c>; it is not sent unless you set it.", outcome.Source("SetAlertThreshold.g.cs"));
        }

        [Fact]
        public void TheValidatorAppliesTheDefaultToTheCondition()
        {
            Assert.Equal("reason", Assert.Single(SetAlertThresholdValidator.Validate(new SetAlertThresholdRequest())).Path);
            // Not a constant: with one, the build itself reports the missing field (TCB1001).
            double theDefault = double.Parse("0.5", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("reason", Assert.Single(SetAlertThresholdValidator.Validate(new SetAlertThresholdRequest { Ratio = theDefault })).Path);
            Assert.Empty(SetAlertThresholdValidator.Validate(new SetAlertThresholdRequest { Ratio = 0.9 }));
        }

        [Fact]
        public async Task TheDefaultIsNotSentUnlessSet()
        {
            await _fixture.Client.SetAlertThresholdAsync(new SetAlertThresholdRequest { Reason = "ops" });

            Assert.Equal("{\"reason\":\"ops\"}", _fixture.Emulator.RequestsTo(SetAlertThresholdEndpoint.Name).Last().Body);
        }

        [Theory]
        [InlineData("{}", 40101)]
        [InlineData("{\"ratio\":0.50}", 40101)]
        [InlineData("{\"ratio\":5e-1}", 40101)]
        [InlineData("{\"ratio\":0.9}", 0)]
        [InlineData("{\"reason\":\"ops\"}", 0)]
        public async Task TheEmulatorAppliesTheDefaultToo(string body, int errcode)
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            using var http = new HttpClient();

            using HttpResponseMessage response = await http.PostAsync(new System.Uri(_fixture.Emulator.BaseAddress, "/test/setalertthreshold?access_token=" + token), new StringContent(body, Encoding.UTF8, "application/json"));

            using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(errcode, answer.RootElement.GetProperty("errcode").GetInt32());
        }
    }
}
