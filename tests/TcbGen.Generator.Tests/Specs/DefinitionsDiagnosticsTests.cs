using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;
using static TcbGen.Generator.Tests.Infrastructure.DiagnosticAssert;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// A definitions file and a spec that uses its types and error set, each broken by one replacement: the problem is
    /// reported at its exact place (in the definitions file when it is there, at the reference when a spec's use fails),
    /// the emulator refuses the files with the same diagnostic, and a spec that depends on a broken file is not generated.
    /// </summary>
    public sealed class DefinitionsDiagnosticsTests
    {
        private const string DefsFile = "probe.tcb.defs.json";
        private const string UserFile = "probeUse.tcb.json";

        private static readonly string Defs = """
            {
              "description": "Shared by probeUse (test).",
              "types": [
                { "typeName": "ProbeLimits", "type": "object", "fields": [{ "name": "max", "type": "integer" }] },
                { "typeName": "ProbeLevel", "type": "string", "enum": [{ "value": "low", "name": "Low" }] }
              ],
              "errorSets": {
                "probe": [{ "code": 40101, "name": "MissingParameter", "message": "missing parameter" }]
              }
            }
            """.Replace("\r\n", "\n");

        private static readonly string User = """
            {
              "name": "probeUse",
              "title": "Uses shared definitions (test)",
              "method": "POST",
              "path": "/tcb/probeuse",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": {
                "fields": [{ "name": "limits", "ref": "ProbeLimits" }, { "name": "level", "ref": "ProbeLevel" }]
              },
              "errorSets": ["probe"]
            }
            """.Replace("\r\n", "\n");

        [Fact]
        public void TheUnbrokenFilesGenerateWithoutDiagnostics()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(Files(Defs, User));

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.Contains(outcome.Sources, s => s.HintName == "probe.Definitions.g.cs");
            Assert.Contains(outcome.Sources, s => s.HintName == "ProbeUse.g.cs");
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        [Theory]
        // In the spec: a set or a type nobody declares, a type declared again with another shape.
        [InlineData(UserFile, "TCB0019", "[\"probe\"]", "[\"prob\"]", "\"prob\"", null, "no error set named 'prob'")]
        [InlineData(UserFile, "TCB0019", "\"ref\": \"ProbeLimits\"", "\"ref\": \"ProbeLimitz\"", "\"ProbeLimitz\"", null, "declares an object or enum named 'ProbeLimitz'")]
        [InlineData(UserFile, "TCB0014", "{ \"name\": \"limits\", \"ref\": \"ProbeLimits\" }", "{ \"name\": \"limits\", \"type\": \"object\", \"typeName\": \"ProbeLimits\", \"fields\": [] }", "\"ProbeLimits\", \"fields\": []", "\"ProbeLimits\"", "already used by probe.tcb.defs.json with another shape")]
        [InlineData(UserFile, "TCB0015", "\"errorSets\": [\"probe\"]", "\"errorSets\": [\"probe\"],\n  \"errors\": [{ \"code\": 40101, \"name\": \"Missing\" }]", "\"Missing\"", null, "named 'MissingParameter' in an included error set")]
        [InlineData(UserFile, "TCB0018", "\"errorSets\": [\"probe\"]", "\"response\": { \"fields\": [{ \"name\": \"lvl\", \"ref\": \"ProbeLevel\" }] },\n  \"errorSets\": [\"probe\"]", "\"lvl\", \"ref\": \"ProbeLevel\"", "\"ProbeLevel\"", "holds the string enum 'ProbeLevel'")]
        // In the definitions file: what a definitions file cannot hold, a type that holds itself, bad error sets.
        [InlineData(DefsFile, "TCB0004", "\"types\": [", "\"path\": \"/tcb/x\",\n  \"types\": [", "\"path\"", null, "not a property of a definitions file")]
        [InlineData(DefsFile, "TCB0018", "\"type\": \"object\", \"fields\": [{ \"name\": \"max\", \"type\": \"integer\" }]", "\"type\": \"integer\"", "\"integer\" }", "\"integer\"", "objects and enums only")]
        [InlineData(DefsFile, "TCB0019", "{ \"name\": \"max\", \"type\": \"integer\" }", "{ \"name\": \"next\", \"ref\": \"ProbeLimits\" }", "\"ref\": \"ProbeLimits\"", "\"ProbeLimits\"", "leads back to 'ProbeLimits'")]
        [InlineData(DefsFile, "TCB0017", "\"probe\": [", "\"wechat\": [", "\"wechat\"", null, "name of a built-in error set")]
        [InlineData(DefsFile, "TCB0002", "{ \"code\": 40101, \"name\": \"MissingParameter\", \"message\": \"missing parameter\" }", "{ \"code\": 40101, \"message\": \"missing parameter\" }", "{ \"code\": 40101", "{", "'name'")]
        [InlineData(DefsFile, "TCB0009", "\"message\": \"missing parameter\" }]", "\"message\": \"missing parameter\" }, { \"code\": 40101, \"name\": \"Other\" }]", "40101, \"name\": \"Other\"", "40101", "listed twice")]
        public void ABrokenFileIsReportedWhereTheProblemIs(string file, string id, string find, string replace, string atContext, string? atTarget, string messagePart)
        {
            string defs = file == DefsFile ? ReplaceOnce(Defs, find, replace) : Defs;
            string user = file == UserFile ? ReplaceOnce(User, find, replace) : User;
            IReadOnlyList<AdditionalText> files = Files(defs, user);

            GeneratorOutcome outcome = GeneratorHarness.Run(files);

            Diagnostic diagnostic = Located(outcome, file, id);
            AssertDiagnostic(diagnostic, id, "/specs/" + file, At(file == DefsFile ? defs : user, atContext, atTarget), messagePart);
            Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("ProbeUse.", System.StringComparison.Ordinal));
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, files);
        }

        [Fact]
        public void ASetTwoFilesDeclareWithDifferentRowsIsAmbiguousAtTheInclude()
        {
            string other = """{ "errorSets": { "probe": [{ "code": 40101, "name": "MissingParameter", "message": "missing" }] } }""";
            var files = new List<AdditionalText>(Files(Defs, User)) { GeneratorHarness.Spec("other.tcb.defs.json", other) };

            GeneratorOutcome outcome = GeneratorHarness.Run(files);

            Diagnostic diagnostic = Located(outcome, UserFile, "TCB0019");
            AssertDiagnostic(diagnostic, "TCB0019", "/specs/" + UserFile, At(User, "\"probe\""), "ambiguous", "other.tcb.defs.json", "probe.tcb.defs.json");
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, files);
        }

        [Fact]
        public void TwoDefinitionsFilesNamedAlikeUpToCaseAreADuplicate()
        {
            var files = new List<AdditionalText>(Files(Defs, User)) { GeneratorHarness.Spec("Probe.tcb.defs.json", """{ "types": [] }""") };

            GeneratorOutcome outcome = GeneratorHarness.Run(files);

            // By file name, "Probe" sorts before "probe": the later one is not generated, and its users fail at their references.
            Diagnostic diagnostic = Located(outcome, DefsFile, "TCB0013");
            AssertDiagnostic(diagnostic, "TCB0013", "/specs/" + DefsFile, (0, 0), "Probe.tcb.defs.json", "same name up to case");
            Assert.DoesNotContain(outcome.Sources, s => s.HintName == "probe.Definitions.g.cs");
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, files);
        }

        [Fact]
        public void TheSameSetDeclaredTwiceWithTheSameRowsIsOneSet()
        {
            string same = """{ "errorSets": { "probe": [{ "code": 40101, "name": "MissingParameter", "message": "missing parameter" }] } }""";
            var files = new List<AdditionalText>(Files(Defs, User)) { GeneratorHarness.Spec("same.tcb.defs.json", same) };

            GeneratorOutcome outcome = GeneratorHarness.Run(files);

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.Contains("MissingParameter = 40101", outcome.Source("ProbeUse.g.cs") + outcome.Source("TcbErrorCode.Shared.g.cs"));
        }

        [Fact]
        public void ASpecCanDeclareASetAnotherSpecIncludes()
        {
            string declaring = User.Replace("\"errorSets\": [\"probe\"]", "\"defineErrorSets\": { \"mine\": [{ \"code\": 40097, \"name\": \"InvalidArgs\", \"message\": \"invalid args\" }] }");
            string including = User.Replace("probeUse", "probeOther").Replace("/tcb/probeuse", "/tcb/probeother").Replace("\"errorSets\": [\"probe\"]", "\"errorSets\": [\"mine\", \"probe\"]");
            var files = new List<AdditionalText>(Files(Defs, declaring)) { GeneratorHarness.Spec("probeOther.tcb.json", including) };

            GeneratorOutcome outcome = GeneratorHarness.Run(files);

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            string errors = outcome.Source("TcbErrorCode.Shared.g.cs");
            Assert.Contains("InvalidArgs = 40097", errors);
            Assert.Contains("MissingParameter = 40101", errors);
        }

        private static IReadOnlyList<AdditionalText> Files(string defs, string user) =>
            new[] { GeneratorHarness.Spec(DefsFile, defs), GeneratorHarness.Spec(UserFile, user) };

        private static Diagnostic Located(GeneratorOutcome outcome, string file, string id)
        {
            Diagnostic? found = outcome.GeneratorDiagnostics.FirstOrDefault(d => d.Id == id && d.Location.GetLineSpan().Path == "/specs/" + file);
            Assert.True(found != null, $"No {id} in {file}; got:\n" + string.Join("\n", outcome.GeneratorDiagnostics));
            return found!;
        }
    }
}
