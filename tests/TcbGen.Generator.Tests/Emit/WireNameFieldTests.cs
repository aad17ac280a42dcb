using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>The serializer's static field for a wire name: the name itself when it is an identifier, numbered when two names spell the same identifier.</summary>
    public sealed class WireNameFieldTests
    {
        private const string Spec = """
            {
              "name": "probeWireNames",
              "title": "Probe wire names (test)",
              "method": "POST",
              "path": "/tcb/probewirenames",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": {
                "fields": [
                  { "name": "env", "type": "string", "required": true }
                ]
              },
              "response": {
                "fields": [
                  { "name": "x_y", "type": "string" },
                  { "name": "x-y", "type": "string", "csharpName": "XDashY" },
                  { "name": "x.y", "type": "string", "csharpName": "XDotY" },
                  { "name": "plain", "type": "string" }
                ]
              },
              "errorSets": ["wechat"]
            }
            """;

        [Fact]
        public void ARenamedWireNameIsNumberedAfterTheNamesBeforeIt()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeWireNames.tcb.json", Spec) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            string source = outcome.Source("ProbeWireNames.g.cs");
            Assert.Contains("private static readonly global::System.Text.Json.JsonEncodedText Encoded_env = ", source);
            Assert.Contains("private static readonly byte[] Utf8_x_y = global::System.Text.Encoding.UTF8.GetBytes(\"x_y\");", source);
            Assert.Contains("private static readonly byte[] Utf8_x_y_2 = global::System.Text.Encoding.UTF8.GetBytes(\"x-y\");", source);
            Assert.Contains("private static readonly byte[] Utf8_x_y_3 = global::System.Text.Encoding.UTF8.GetBytes(\"x.y\");", source);
            Assert.Contains("private static readonly byte[] Utf8_plain = global::System.Text.Encoding.UTF8.GetBytes(\"plain\");", source);
        }
    }
}
