using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// Every example is checked against its spec at build time: a request strictly, a response as the tolerant reader
    /// reads it. A mismatch is a TCB0020 warning at the offending value; the spec still generates and the emulator still
    /// serves the example, because WeChat's own examples are often wrong.
    /// </summary>
    public sealed class ExampleCheckTests
    {
        private const string Spec = """
            {
              "name": "probeExample",
              "title": "Probe examples (test)",
              "method": "POST",
              "path": "/test/probeexample",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": {
                "fields": [
                  { "name": "EnvType", "type": "string", "required": true },
                  { "name": "mode", "type": "string", "enum": [{ "value": "fast", "name": "Fast" }] },
                  { "name": "lifespan", "type": "integer", "maximum": 7200 },
                  { "name": "tags", "type": "array", "items": { "type": "string", "maxLength": 3 } }
                ]
              },
              "response": { "fields": [{ "name": "count", "type": "integer" }, { "name": "ok", "type": "boolean" }] },
              "examples": [
                { "request": { "EnvType": "tcb", "mode": "fast", "lifespan": 60 }, "response": { "errcode": 0, "errmsg": "ok", "count": "12", "ok": 1 } },
                { "request": REQUEST, "response": RESPONSE }
              ]
            }
            """;

        [Theory]
        [InlineData("{ \"mode\": \"fast\" }", "{ \"mode\": \"fast\" }", "{", "lacks the required 'EnvType'")]
        [InlineData("{ \"EnvType\": \"tcb\", \"mode\": \"slow\" }", "\"slow\"", null, "'slow' for 'mode'")]
        [InlineData("{ \"EnvType\": \"tcb\", \"lifespan\": 9000 }", "9000", null, "lifespan must be at most 7200")]
        [InlineData("{ \"EnvType\": 1 }", "1 }", "1", "a number for 'EnvType'")]
        [InlineData("{ \"EnvType\": \"tcb\", \"tags\": [\"ok\", \"long\"] }", "\"long\"", null, "tags[1] must be at most 3 characters long")]
        public void ARequestExampleThatBreaksItsSpecIsAWarningWhereItBreaksIt(string request, string at, string? target, string message)
        {
            string json = Spec.Replace("REQUEST", request).Replace("RESPONSE", "{ \"errcode\": 0 }");

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeExample.tcb.json", json) });

            AssertWarning(Assert.Single(outcome.GeneratorDiagnostics), json, at, target, "Example 2's request", message);
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeExample.g.cs");
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        [Theory]
        [InlineData("{ \"errcode\": 0, \"count\": \"many\" }", "\"many\"", "'count'")]
        [InlineData("{ \"errcode\": 0, \"ok\": \"yes\" }", "\"yes\"", "'ok'")]
        [InlineData("{ \"errcode\": \"zero\" }", "\"zero\"", "'errcode' is not an integer")]
        public void AResponseExampleTheReaderCouldNotReadIsAWarning(string response, string at, string message)
        {
            string json = Spec.Replace("REQUEST", "{ \"EnvType\": \"tcb\" }").Replace("RESPONSE", response);

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeExample.tcb.json", json) });

            AssertWarning(Assert.Single(outcome.GeneratorDiagnostics), json, at, null, "Example 2's response", message);
        }

        private const string TimeSpec = """
            {
              "name": "probeTimes",
              "title": "Probe time examples (test)",
              "method": "POST",
              "path": "/test/probetimes",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": { "fields": [{ "name": "expired_time", "type": "integer", "format": "unix-seconds" }, { "name": "at", "type": "string", "format": "wechat-datetime" }] },
              "response": { "fields": [{ "name": "create_time", "type": "string", "format": "wechat-datetime" }, { "name": "ms", "type": "integer", "format": "unix-milliseconds" }] },
              "examples": [{ "request": REQUEST, "response": RESPONSE }]
            }
            """;

        [Theory]
        [InlineData("{ \"expired_time\": \"1700000000\" }", "\"1700000000\"", "a unix time in seconds")]
        [InlineData("{ \"expired_time\": 1700000000.0 }", "1700000000.0", "a unix time in seconds")]
        [InlineData("{ \"at\": \"2023-11-15\" }", "\"2023-11-15\"", "'at', which is a \"yyyy-MM-dd HH:mm:ss\" time")]
        public void ARequestExampleTimeInAnotherFormatIsAWarning(string request, string at, string message)
        {
            string json = TimeSpec.Replace("REQUEST", request).Replace("RESPONSE", "{ \"errcode\": 0 }");

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeTimes.tcb.json", json) });

            AssertWarning(Assert.Single(outcome.GeneratorDiagnostics), json, at, null, "Example 1's request", message);
        }

        [Theory]
        [InlineData("{ \"errcode\": 0, \"create_time\": 1700000000 }", "1700000000 }", "1700000000", "'create_time'")]
        [InlineData("{ \"errcode\": 0, \"ms\": \"later\" }", "\"later\"", null, "'ms'")]
        public void AResponseExampleTimeTheReaderWouldLeaveUnsetIsAWarning(string response, string at, string? target, string message)
        {
            string json = TimeSpec.Replace("REQUEST", "{}").Replace("RESPONSE", response);

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeTimes.tcb.json", json) });

            AssertWarning(Assert.Single(outcome.GeneratorDiagnostics), json, at, target, "Example 1's response", message);
        }

        [Fact]
        public void AResponseExampleWithoutAFieldWeChatAlwaysSendsIsAWarning()
        {
            string json = TimeSpec.Replace("REQUEST", "{}").Replace("RESPONSE", "{ \"errcode\": 0, \"ms\": 1 }")
                .Replace("{ \"name\": \"create_time\", \"type\": \"string\", \"format\": \"wechat-datetime\" }", "{ \"name\": \"create_time\", \"type\": \"string\", \"format\": \"wechat-datetime\", \"required\": true }");

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeTimes.tcb.json", json) });

            AssertWarning(Assert.Single(outcome.GeneratorDiagnostics), json, "{ \"errcode\": 0, \"ms\": 1 }", null, "Example 1's response", "lacks the required 'create_time'");
        }

        [Fact]
        public void ResponseExampleTimesReadTolerantlyAreNotWarned()
        {
            string json = TimeSpec.Replace("REQUEST", "{ \"expired_time\": 1700000000, \"at\": \"2023-11-15 06:13:20\" }")
                .Replace("RESPONSE", "{ \"errcode\": 0, \"create_time\": \"2023-11-15 06:13:20\", \"ms\": \"1700000000123\" }");

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeTimes.tcb.json", json) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
        }

        [Fact]
        public void EverySeedAndTestSpecExampleMatchesItsSpec()
        {
            var specs = GeneratorHarness.SeedSpecs().Concat(Directory.GetFiles(Path.Combine(Paths.TestsDirectory, "TestSpecs"), "*.tcb.json")
                .Select(f => GeneratorHarness.Spec(Path.GetFileName(f), File.ReadAllText(f))));

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "TCB0020");
        }

        [Fact]
        public async Task TheEmulatorStillServesAnExampleWithAWarning()
        {
            string directory = Path.Combine(Path.GetTempPath(), "tcbgen-examples-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                File.WriteAllText(Path.Combine(directory, "probeExample.tcb.json"), Spec.Replace("REQUEST", "{ \"mode\": \"fast\" }").Replace("RESPONSE", "{ \"errcode\": 0, \"errmsg\": \"ok\", \"count\": 7 }").Replace("{ \"request\": { \"EnvType\": \"tcb\", \"mode\": \"fast\", \"lifespan\": 60 }, \"response\": { \"errcode\": 0, \"errmsg\": \"ok\", \"count\": \"12\", \"ok\": 1 } },", string.Empty));
                var options = new WeChatEmulatorOptions();
                options.SpecDirectories.Add(directory);
                await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(options);
                string token = emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, "wx-probe");
                using var http = new HttpClient();

                using HttpResponseMessage response = await http.PostAsync(new System.Uri(emulator.BaseAddress, "/test/probeexample?access_token=" + token), new StringContent("{\"EnvType\":\"tcb\"}", Encoding.UTF8, "application/json"));

                using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal(7, answer.RootElement.GetProperty("count").GetInt32());
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static void AssertWarning(Diagnostic diagnostic, string json, string at, string? target, params string[] messageParts)
        {
            Assert.Equal("TCB0020", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            int start = json.LastIndexOf(at, System.StringComparison.Ordinal);
            int offset = start + (target == null ? 0 : at.IndexOf(target, System.StringComparison.Ordinal));
            int line = json.Take(offset).Count(c => c == '\n');
            int column = offset - (json.LastIndexOf('\n', offset) + 1);
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            foreach (string part in messageParts)
            {
                Assert.Contains(part, message);
            }
        }
    }
}
