using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// <c>"ref"</c> names an object or enum declared in any spec. A missing, ambiguous or circular reference is TCB0019 at
    /// the reference; a string enum carried across sides is TCB0018; the emulator rejects each like the build.
    /// </summary>
    public sealed class TypeReferenceTests
    {
        private static string Spec(string name, string requestFields, string responseFields) => $$"""
            {
              "name": "{{name}}",
              "title": "Reference probe (test)",
              "method": "POST",
              "path": "/test/{{name.ToLowerInvariant()}}",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": { "fields": [{{requestFields}}] },
              "response": { "fields": [{{responseFields}}] }
            }
            """;

        private static AdditionalText SeedSetCallBackConfig() =>
            GeneratorHarness.Spec("setCallBackConfig.tcb.json", File.ReadAllText(Path.Combine(Paths.SpecsDirectory, "setCallBackConfig.tcb.json")));

        private static AdditionalText TwinSpec() =>
            GeneratorHarness.Spec("getCallBackConfig.tcb.json", File.ReadAllText(Path.Combine(Paths.TestsDirectory, "TestSpecs", "getCallBackConfig.tcb.json")));

        [Theory]
        [InlineData(LanguageVersion.Latest)]
        [InlineData(LanguageVersion.CSharp10)]
        public void ARequestTypeReadThroughAReferenceCompilesWithRequiredMembersAndWithConstructors(LanguageVersion version)
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { SeedSetCallBackConfig(), TwinSpec() }, languageVersion: version);

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.Contains("class CallbackRule", outcome.Source("SetCallBackConfig.g.cs"));
            Assert.DoesNotContain("class Callback", outcome.Source("GetCallBackConfig.g.cs"));
            Assert.Contains("ReadCallbackRule", outcome.Source("GetCallBackConfig.g.cs"));
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        [Fact]
        public void AReferenceToNothingIsReportedAtTheReference()
        {
            string json = Spec("probeRef", string.Empty, "{ \"name\": \"rule\", \"ref\": \"CallbackRul\" }");
            AdditionalText[] specs = { SeedSetCallBackConfig(), GeneratorHarness.Spec("probeRef.tcb.json", json) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
            AssertAt(diagnostic, "TCB0019", json, "\"CallbackRul\"", "'CallbackRul'");
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, specs);
            Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("ProbeRef", System.StringComparison.Ordinal));
            Assert.Contains(outcome.Sources, s => s.HintName == "SetCallBackConfig.g.cs");
        }

        [Fact]
        public void ACircularReferenceIsReportedAtTheReference()
        {
            string json = Spec("probeLoop", string.Empty, "{ \"name\": \"node\", \"type\": \"object\", \"typeName\": \"LoopNode\", \"fields\": [{ \"name\": \"next\", \"ref\": \"LoopNode\" }] }");
            AdditionalText[] specs = { GeneratorHarness.Spec("probeLoop.tcb.json", json) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
            AssertAt(diagnostic, "TCB0019", json, "\"LoopNode\" }", "circular");
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, specs);
        }

        [Fact]
        public void AnAmbiguousReferenceIsReportedAtTheReference()
        {
            string first = Spec("probeA", string.Empty, "{ \"name\": \"info\", \"type\": \"object\", \"typeName\": \"TwiceInfo\", \"fields\": [] }");
            string second = Spec("probeB", string.Empty, "{ \"name\": \"info\", \"type\": \"object\", \"typeName\": \"TwiceInfo\", \"fields\": [{ \"name\": \"x\", \"type\": \"string\" }] }");
            string user = Spec("probeC", string.Empty, "{ \"name\": \"info\", \"ref\": \"TwiceInfo\" }");
            AdditionalText[] specs = { GeneratorHarness.Spec("a.tcb.json", first), GeneratorHarness.Spec("b.tcb.json", second), GeneratorHarness.Spec("c.tcb.json", user) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Diagnostic[] diagnostics = outcome.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().Path).ToArray();
            Assert.Equal(2, diagnostics.Length);
            AssertAt(diagnostics[0], "TCB0014", second, "\"TwiceInfo\"", "'TwiceInfo'");
            AssertAt(diagnostics[1], "TCB0019", user, "\"TwiceInfo\"", "ambiguous", "a.tcb.json and b.tcb.json");
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostics[1], specs);
        }

        [Fact]
        public void AStringEnumCarriedToTheOtherSideIsReported()
        {
            string declaring = Spec("probeDeclare", "{ \"name\": \"mode\", \"type\": \"string\", \"typeName\": \"SideMode\", \"enum\": [{ \"value\": \"a\", \"name\": \"A\" }] }", string.Empty);
            string user = Spec("probeUse", string.Empty, "{ \"name\": \"mode\", \"ref\": \"SideMode\" }");
            AdditionalText[] specs = { GeneratorHarness.Spec("a.tcb.json", declaring), GeneratorHarness.Spec("b.tcb.json", user) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
            AssertAt(diagnostic, "TCB0018", user, "\"SideMode\"", "string enum 'SideMode'");
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, specs);
        }

        [Theory]
        [InlineData("{ \"name\": \"rule\", \"ref\": \"CallbackRule\", \"type\": \"object\" }", "\"type\"", "TCB0018")]
        [InlineData("{ \"name\": \"rule\", \"ref\": \"Callback Rule\" }", "\"Callback Rule\"", "TCB0010")]
        public void AReferenceWithATypeOfItsOwnOrABadNameIsReportedWhereItIsWritten(string field, string at, string id)
        {
            string json = Spec("probeBad", string.Empty, field);

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { SeedSetCallBackConfig(), GeneratorHarness.Spec("probeBad.tcb.json", json) });

            AssertAt(Assert.Single(outcome.GeneratorDiagnostics), id, json, at);
        }

        private static void AssertAt(Diagnostic diagnostic, string id, string json, string at, params string[] messageParts)
        {
            Assert.Equal(id, diagnostic.Id);
            int offset = json.IndexOf(at, System.StringComparison.Ordinal);
            Assert.True(offset >= 0);
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
