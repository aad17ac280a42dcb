using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// setPushNotice (a test spec) documents <c>notify</c> defaulting to true, which makes <c>contact</c> required when
    /// <c>notify</c> is not sent. The default is in the docs, the validator and the emulator, and never on the wire unless set.
    /// </summary>
    public sealed class DefaultValueTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public DefaultValueTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void TheDocsStateTheDefault()
        {
            string json = File.ReadAllText(Path.Combine(Paths.TestsDirectory, "TestSpecs", "setPushNotice.tcb.json"));

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("setPushNotice.tcb.json", json) });

            string types = outcome.Source("SetPushNotice.g.cs");
            Assert.Contains("Default when not sent: <c>true</c>; it is not sent unless you set it.", types);
            Assert.Contains("Default when not sent: <c>low</c>", types);
        }

        [Fact]
        public void TheValidatorAppliesTheDefaultToTheCondition()
        {
            Assert.Equal("contact", Assert.Single(SetPushNoticeValidator.Validate(new SetPushNoticeRequest())).Path);
            Assert.Empty(SetPushNoticeValidator.Validate(new SetPushNoticeRequest { Notify = false }));
        }

        [Fact]
        public async Task TheDefaultIsNotSentUnlessSet()
        {
            await _fixture.Client.SetPushNoticeAsync(new SetPushNoticeRequest { Contact = "ops" });

            Assert.Equal("{\"contact\":\"ops\"}", _fixture.Emulator.RequestsTo(SetPushNoticeEndpoint.Name).Last().Body);
        }

        [Theory]
        [InlineData("{}", 40101)]
        [InlineData("{\"notify\":true}", 40101)]
        [InlineData("{\"notify\":false}", 0)]
        [InlineData("{\"contact\":\"ops\"}", 0)]
        public async Task TheEmulatorAppliesTheDefaultToo(string body, int errcode)
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            using var http = new HttpClient();

            using HttpResponseMessage response = await http.PostAsync(new System.Uri(_fixture.Emulator.BaseAddress, "/test/setpushnotice?access_token=" + token), new StringContent(body, Encoding.UTF8, "application/json"));

            using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(errcode, answer.RootElement.GetProperty("errcode").GetInt32());
        }
    }
}
