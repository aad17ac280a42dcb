using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Specs;
using Xunit;
using static TcbGen.Generator.Tests.Robustness.SpecJson;

namespace TcbGen.Generator.Tests.Robustness
{
    /// <summary>
    /// Issue 27's root causes (format v2), one minimal input each: every spec either gets a TCB error located at its node
    /// (and the emulator refuses it alike), or generates code that compiles with no warning at WarningLevel 9999 in C# 8-10
    /// and C# 11+ modes; and one file's error never breaks another file's code.
    /// </summary>
    public sealed class V2RegressionTests
    {
        private const string Env = """{ "name": "env", "type": "string", "required": true }""";

        // Root cause 1: a spec named like a file TcbGen adds once per compilation.
        [Theory]
        [InlineData("tcbErrorCode")]
        [InlineData("TcbClients")]
        [InlineData("tcbclients")]
        [InlineData("TCBERRORCODE")]
        public void ASpecNamedLikeASharedFileCompiles(string name) =>
            AssertCompilesEverywhere(($"{name}.tcb.json", Spec(name, Env)), ("other.tcb.json", Spec("other", Env, errors: """{ "code": 40001, "name": "Broken", "message": "m" }""")));

        // Root cause 2: a type declared by a file that is not generated after all.
        [Fact]
        public void ATypeBorrowedFromAFileThatFailsIsEmittedByTheNextDeclarer()
        {
            string shared = """{ "name": "detail", "type": "object", "typeName": "SharedDetail", "fields": [{ "name": "id", "type": "string" }] }""";
            // a declares SharedDetail first (by file name) but fails on an unknown error set; b declares the same shape.
            string a = Spec("a", Env + "," + shared).Replace("\"errors\": [", "\"errorSets\": [\"nosuchset\"],\n  \"errors\": [");
            string b = Spec("b", Env + "," + shared);
            string c = Spec("c", Env + """, { "name": "d", "ref": "SharedDetail" }""");
            foreach (LanguageVersion version in StrictCompile.Modes)
            {
                GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("a.tcb.json", a), GeneratorHarness.Spec("b.tcb.json", b), GeneratorHarness.Spec("c.tcb.json", c) }, languageVersion: version);
                Assert.Equal(new[] { ("TCB0019", "/specs/a.tcb.json") }, StrictCompile.TcbErrors(outcome.GeneratorDiagnostics));
                Assert.Contains("public sealed partial class SharedDetail", outcome.Source("B.g.cs"));
                DiagnosticAssert.None(StrictCompile.Diagnostics(outcome.Output));
            }
        }

        [Fact]
        public void ATypeBorrowedFromADefinitionsFileThatFailsIsEmittedByTheSpecDeclaringIt()
        {
            string defs = """{ "types": [{ "typeName": "SharedDetail", "type": "object", "fields": [{ "name": "id", "type": "string" }, { "name": "x", "ref": "Nowhere" }] }] }""";
            string b = Spec("b", Env + """, { "name": "detail", "type": "object", "typeName": "SharedDetail", "fields": [{ "name": "id", "type": "string" }, { "name": "x", "ref": "Nowhere" }] }""");
            string c = Spec("c", Env + """, { "name": "d", "ref": "SharedDetail" }""");
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("shared.tcb.defs.json", defs), GeneratorHarness.Spec("b.tcb.json", b), GeneratorHarness.Spec("c.tcb.json", c) });
            // Every file that leads to the missing type fails, at its reference; nothing broken is emitted.
            Assert.All(StrictCompile.TcbErrors(outcome.GeneratorDiagnostics), e => Assert.Equal("TCB0019", e.Item1));
            Assert.Contains(StrictCompile.TcbErrors(outcome.GeneratorDiagnostics), e => e.Item2 == "/specs/c.tcb.json");
            Assert.All(outcome.GeneratorDiagnostics.Where(d => d.Id.StartsWith("TCB", StringComparison.Ordinal)), d => Assert.NotEqual(0, d.Location.SourceSpan.Length));
            DiagnosticAssert.None(StrictCompile.Diagnostics(outcome.Output));
        }

        // Root cause 3: names equal after case folding, as the emitted parameter names fold them.
        [Theory]
        [InlineData("Kelvin", "\u212Aelvin")]
        [InlineData("Env", "eNV")]
        public void PropertiesEqualUpToCaseFoldingAreRejected(string first, string second) =>
            AssertLocatedError("TCB0008", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", $$"""{ "name": "a", "csharpName": {{Str(first)}}, "type": "string", "required": true }, { "name": "b", "csharpName": {{Str(second)}}, "type": "string", "required": true }""")));

        [Fact]
        public void CaseFoldingCoversIgnoreCaseAndCamelCase()
        {
            // The one folding must see every pair .NET's ignore-case sees (hint names), and every pair camelCase makes equal.
            for (int a = 0; a <= char.MaxValue; a++)
            {
                char c = (char)a;
                Assert.Equal(Naming.FoldCase(c), Naming.FoldCase(char.ToLowerInvariant(c)));
                Assert.True(Naming.CaseFoldComparer.Equals(c.ToString(), char.ToUpperInvariant(c).ToString()), $"U+{a:X4}");
            }
        }

        // Root cause 4: names of members the generator emits itself.
        [Theory]
        [InlineData("_value")]
        [InlineData("op_Equality")]
        [InlineData("op_Inequality")]
        [InlineData("op_Implicit")]
        [InlineData("get_IsKnown")]
        public void ResponseEnumMembersNamedLikeTheStructsOwnMembersAreRejected(string member) =>
            AssertLocatedError("TCB0017", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env, $$"""{ "name": "state", "type": "string", "enum": [{ "value": "a", "name": {{Str(member)}} }] }""")));

        [Fact]
        public void AResponseEnumMemberNamedLikeAnotherMembersAccessorIsRejected() =>
            AssertLocatedError("TCB0017", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env, """{ "name": "state", "type": "string", "enum": [{ "value": "a", "name": "Fast" }, { "value": "b", "name": "set_Fast" }] }""")));

        [Theory]
        [InlineData("get_Env")]
        [InlineData("set_Env")]
        public void APropertyNamedLikeASiblingsAccessorIsRejected(string name) =>
            AssertLocatedError("TCB0017", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env + $$""", { "name": "x", "csharpName": {{Str(name)}}, "type": "string" }""")));

        [Fact]
        public void AResponsePropertyNamedLikeTcbResponsesAccessorIsRejected() =>
            AssertLocatedError("TCB0017", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env, """{ "name": "x", "csharpName": "get_ErrorCode", "type": "string" }""")));

        [Fact]
        public void AccessorLikeNamesWithoutTheirPropertyCompile() =>
            AssertCompilesEverywhere(("probe.tcb.json", Spec("probe", Env + """, { "name": "x", "csharpName": "get_Other", "type": "string" }""", """{ "name": "state", "type": "string", "enum": [{ "value": "a", "name": "set_Slow" }, { "value": "b", "name": "Fast" }] }""")));

        // Root cause 5: a bound outside the field's width.
        [Theory]
        [InlineData("maximum", "-2147483649")]
        [InlineData("minimum", "2147483648")]
        public void AnInt32BoundBeyond32BitsIsRejected(string property, string bound) =>
            AssertLocatedError("TCB0007", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env + $$""", { "name": "n", "type": "integer", "{{property}}": {{bound}} }""")));

        [Fact]
        public void Int32AndInt64BoundsAtTheirEdgesCompile() =>
            AssertCompilesEverywhere(("probe.tcb.json", Spec("probe", Env + """, { "name": "n", "type": "integer", "minimum": -2147483648, "maximum": 2147483647 }, { "name": "m", "type": "integer", "format": "int64", "minimum": -9223372036854775808, "maximum": 9223372036854775807 }, { "name": "r", "type": "number", "minimum": -1.7976931348623157e308, "maximum": 1.7976931348623157e308 }""")));

        // Root cause 6: int64 bounds compared as integers.
        [Fact]
        public void Int64BoundsInTheWrongOrderAreRejectedEvenWhenTheirDoublesAreEqual() =>
            AssertLocatedError("TCB0007", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env + """, { "name": "n", "type": "integer", "format": "int64", "minimum": 9007199254740993, "maximum": 9007199254740992 }""")));

        // Root cause 7: TCB0013 at a node, not at the file.
        [Fact]
        public void DefinitionsFilesWithOneNameAreReportedAtTheRootObject()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[]
            {
                GeneratorHarness.Spec("a/Shared.tcb.defs.json", """{ "types": [] }"""),
                GeneratorHarness.Spec("b/shared.tcb.defs.json", "\n  { \"types\": [] }"),
            });
            Diagnostic error = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "TCB0013");
            Assert.Equal(1, error.Location.SourceSpan.Length);
            Assert.Equal(1, error.Location.GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public void EndpointsWithOnePrefixAreReportedAtTheCSharpName()
        {
            string b = Spec("other", Env, csharpName: "Probe");
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("a.tcb.json", Spec("probe", Env)), GeneratorHarness.Spec("b.tcb.json", b) });
            Diagnostic error = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "TCB0013");
            Assert.Equal(b.IndexOf("\"Probe\"", StringComparison.Ordinal), error.Location.SourceSpan.Start);
        }

        // Root cause 8: cost linear in the spec; regex work bounded per spec.
        [Fact]
        public void ABacktrackingPatternOverManyExamplesIsBoundedAndReported()
        {
            string examples = string.Join(", ", Enumerable.Range(0, 30).Select(_ => "{ \"request\": { \"env\": \"" + new string('a', 40) + "!\" } }"));
            string spec = Spec("probe", """{ "name": "env", "type": "string", "required": true, "pattern": "^(a+)+$" }""").Replace("\"errors\": []", "\"errors\": [],\n  \"examples\": [" + examples + "]");
            var watch = Stopwatch.StartNew();
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probe.tcb.json", spec) });
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
            Diagnostic budget = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "TCB0020" && d.GetMessage().Contains("budget", StringComparison.Ordinal));
            Assert.NotEqual(0, budget.Location.SourceSpan.Length);
        }

        [Fact]
        public void AWideSpecARequiredWhenChainAndARefChainGenerateInLinearTime()
        {
            // Quadratic checks took minutes at these sizes; linear ones take about a second each on a slow machine.
            string wide = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"{{ \"name\": \"f{i}\", \"type\": \"string\" }}"));
            string chain = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => i == 0 ? "{ \"name\": \"c0\", \"type\": \"string\" }" : $"{{ \"name\": \"c{i}\", \"type\": \"string\", \"requiredWhen\": {{ \"field\": \"c{i - 1}\", \"equals\": \"x\" }} }}"));
            string types = string.Join(", ", Enumerable.Range(0, 2_000).Select(i => i == 1_999
                ? $"{{ \"typeName\": \"Link{i}\", \"type\": \"object\", \"fields\": [{{ \"name\": \"v\", \"type\": \"string\" }}] }}"
                : $"{{ \"typeName\": \"Link{i}\", \"type\": \"object\", \"fields\": [{{ \"name\": \"next\", \"ref\": \"Link{i + 1}\" }}] }}"));
            var watch = Stopwatch.StartNew();
            GeneratorOutcome outcome = GeneratorHarness.Run(new[]
            {
                GeneratorHarness.Spec("wide.tcb.json", Spec("wide", wide)),
                GeneratorHarness.Spec("chain.tcb.json", Spec("chain", chain)),
                GeneratorHarness.Spec("links.tcb.defs.json", $"{{ \"types\": [{types}] }}"),
                GeneratorHarness.Spec("useLinks.tcb.json", Spec("useLinks", """{ "name": "head", "ref": "Link0" }""")),
            });
            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        }

        private static void AssertLocatedError(string id, string path, params (string File, string Json)[] specs) =>
            RegressionAssert.LocatedError(id, path, atANode: true, specs);

        private static void AssertCompilesEverywhere(params (string File, string Json)[] specs) =>
            RegressionAssert.CompilesEverywhere(specs);
    }
}
