using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>
    /// <c>"requestBody": "caller-json"</c> and <c>"format": "json"</c>: the raw and typed client methods generate and compile
    /// without warnings on every supported language version, with and without query fields, and the typed form is there
    /// exactly when the response has one top-level JSON-text field.
    /// </summary>
    public sealed class CallerBodyTests
    {
        private const string Invoke = """
            {
              "name": "runFunction",
              "title": "Run a function (test)",
              "method": "POST",
              "requestBody": "caller-json",
              "path": "/tcb/runfunction",
              "tokenKinds": ["authorizer_access_token", "component_access_token"],
              "retrySafe": false,
              "request": { "fields": [
                { "name": "env", "type": "string", "in": "query", "required": true },
                { "name": "name", "type": "string", "required": true },
                { "name": "context", "type": "string", "format": "json" }
              ] },
              "response": { "fields": [ { "name": "resp_data", "type": "string", "format": "json" }, { "name": "cost", "type": "integer" } ] },
              "examples": [ { "request": [1, "two"], "response": { "errcode": 0, "errmsg": "ok", "resp_data": "{\"a\":1}" } } ]
            }
            """;

        private const string Bare = """
            {
              "name": "runBare",
              "title": "Run with only a body (test)",
              "method": "POST",
              "requestBody": "caller-json",
              "path": "/tcb/runbare",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": false,
              "response": { "fields": [ { "name": "first", "type": "string", "format": "json" }, { "name": "second", "type": "string", "format": "json" } ] },
              "examples": [ { "request": "text", "response": { "errcode": 0, "errmsg": "ok", "first": "1", "second": "[]" } } ]
            }
            """;

        [Theory]
        [InlineData(LanguageVersion.Latest)]
        [InlineData(LanguageVersion.CSharp8)]
        public void BothFormsCompileWithoutWarnings(LanguageVersion version)
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("runFunction.tcb.json", Invoke), GeneratorHarness.Spec("runBare.tcb.json", Bare) }, languageVersion: version);

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
            string run = outcome.Source("RunFunction.g.cs");
            Assert.Contains("RunFunctionAsync(global::Test.Tcb.RunFunctionRequest request, global::TcbGen.Runtime.TcbJsonBody body,", run);
            Assert.Contains("RunFunctionAsync<TBody, TResult>(global::Test.Tcb.RunFunctionRequest request, TBody body,", run);
            Assert.Contains("TcbJsonResult.Read(global::Test.Tcb.RunFunctionEndpoint.Name, \"resp_data\", response.RespData, resultType)", run);
            // The query fields' writer serves the pair; the body fields' writer is not generated.
            Assert.Contains("TcbRequestWithBody<global::Test.Tcb.RunFunctionRequest>.Query(", run);
            Assert.DoesNotContain("WriteRunFunctionRequest(", run);
            // Two token kinds, each with the typed form on its interface and its client.
            Assert.Equal(4, CountOf(run, "<TBody, TResult>("));

            string bare = outcome.Source("RunBare.g.cs");
            Assert.Contains("RunBareAsync(global::TcbGen.Runtime.TcbJsonBody body,", bare);
            Assert.Contains("TcbRequestWithBody<global::TcbGen.Runtime.TcbEmptyRequest>(global::TcbGen.Runtime.TcbEmptyRequest.Instance, body)", bare);
            // Two JSON-text fields: no one result to return, so no typed form.
            Assert.DoesNotContain("<TBody, TResult>", bare);
        }

        [Fact]
        public void AJsonTextRequestFieldIsValidatedAsJson()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("runFunction.tcb.json", Invoke) });

            string run = outcome.Source("RunFunction.g.cs");
            Assert.Contains(".IsJson)", run);
            Assert.Contains("TcbValidationProblemKind.InvalidJson", run);
        }

        [Fact]
        public void AnExampleWhoseJsonTextIsNotJsonIsWarned()
        {
            string broken = Invoke.Replace("\"resp_data\": \"{\\\"a\\\":1}\"", "\"resp_data\": \"{a:1\"");
            Assert.NotEqual(Invoke, broken);

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("runFunction.tcb.json", broken) });

            Assert.Contains(outcome.GeneratorDiagnostics, d => d.Id == "TCB0020" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("resp_data", System.StringComparison.Ordinal));
        }

        private static int CountOf(string text, string part) => Enumerable.Range(0, text.Length - part.Length + 1).Count(i => string.CompareOrdinal(text, i, part, 0, part.Length) == 0);
    }
}
