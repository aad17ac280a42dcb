using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;
using static TcbGen.Generator.Tests.Robustness.SpecJson;

namespace TcbGen.Generator.Tests.Robustness
{
    /// <summary>
    /// The defects of issue 13's table, one minimal input each: every spec either gets a TCB error located in its
    /// file (and the emulator refuses it alike), or generates code that compiles with no warning at WarningLevel 9999
    /// in C# 8-10 and C# 11+ modes.
    /// </summary>
    public sealed class SpecRegressionTests
    {
        private const string Env = """{ "name": "env", "type": "string", "required": true }""";

        // Row 1: hint names are case-insensitive in Roslyn.
        [Fact]
        public void EndpointNamesDifferingOnlyInCaseAreOneEndpoint()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("getEnv.tcb.json", Spec("getEnv", Env)), GeneratorHarness.Spec("getENV.tcb.json", Spec("getENV", Env)) });

            Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "CS8785" or "TCB0099");
            Assert.Equal(new[] { ("TCB0013", "/specs/getEnv.tcb.json") }, StrictCompile.TcbErrors(outcome.GeneratorDiagnostics));
            Assert.Contains(outcome.Sources, s => s.HintName == "GetENV.g.cs");
            DiagnosticAssert.None(StrictCompile.Diagnostics(outcome.Output));
        }

        [Fact]
        public void TypeNamesDifferingOnlyInCaseAcrossSpecsAreRejected()
        {
            string nested(string typeName) => $$"""{ "name": "detail", "type": "object", "typeName": "{{typeName}}", "fields": [{{Env}}] }""";
            AssertLocatedError("TCB0014", "/specs/b.tcb.json", ("a.tcb.json", Spec("a", nested("SharedDetail"))), ("b.tcb.json", Spec("b", nested("SharedDETAIL"))));
        }

        // Row 2: every kind of line break, in every piece of spec text that reaches code, comments or XML docs.
        public static IEnumerable<object[]> LineBreaks() => new[] { "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\n" }.Select(b => new object[] { b });

        [Theory]
        [MemberData(nameof(LineBreaks))]
        public void LineBreaksInSpecTextCompile(string lineBreak)
        {
            string text = $"first{lineBreak}second";
            string enumField = $$"""{ "name": "mode", "type": "string", "description": {{Str(text)}}, "enum": [{ "value": {{Str(text)}}, "name": "Fast", "description": {{Str(text)}} }] }""";
            string responseEnum = $$"""{ "name": "state", "type": "string", "enum": [{ "value": {{Str(text)}}, "name": "Ready", "description": {{Str(text)}} }] }""";
            string error = $$"""{ "code": 40001, "name": "Broken", "message": {{Str(text)}}, "solution": {{Str(text)}} }""";
            string spec = Spec("probe", Env + "," + enumField, responseEnum, error, title: text, description: text, path: "/tcb/" + text);

            AssertCompilesEverywhere(($"pro{lineBreak}be.tcb.json", spec));
        }

        // Row 3: two token kinds whose clients would have one name.
        [Fact]
        public void TokenKindsWithOneClientNameInOneSpecAreRejected() =>
            AssertLocatedError("TCB0014", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env, tokenKinds: "\"x1_access_token\", \"x_1_access_token\"")));

        [Fact]
        public void TokenKindsWithOneClientNameAcrossSpecsAreRejected() =>
            AssertLocatedError(
                "TCB0014",
                "/specs/b.tcb.json",
                ("a.tcb.json", Spec("a", Env, tokenKinds: "\"x1_access_token\"")),
                ("b.tcb.json", Spec("b", Env, tokenKinds: "\"x_1_access_token\"")));

        // Rows 4, 5 and 7: contextual keywords, lower-case type names, generated member names, __arglist & co.
        [Theory]
        [InlineData("var")]
        [InlineData("required")]
        [InlineData("file")]
        [InlineData("record")]
        [InlineData("scoped")]
        [InlineData("detail")]
        [InlineData("Response")]
        [InlineData("Equals")]
        [InlineData("IsKnown")]
        [InlineData("__arglist")]
        [InlineData("__makeref")]
        public void ReservedTypeNamesAreRejected(string typeName) =>
            AssertLocatedError("TCB0010", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env, $$"""{ "name": "detail", "type": "object", "typeName": {{Str(typeName)}}, "fields": [{ "name": "id", "type": "string" }] }""")));

        [Theory]
        [InlineData("__arglist")]
        [InlineData("__reftype")]
        [InlineData("__refvalue")]
        [InlineData("value__")]
        [InlineData("ToString")]
        [InlineData("nameof")]
        public void ReservedEnumMemberNamesAreRejected(string memberName) =>
            AssertLocatedError("TCB0010", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env + $$""", { "name": "level", "type": "integer", "enum": [{ "value": 1, "name": {{Str(memberName)}} }] }""")));

        [Theory]
        [InlineData("value__")]
        [InlineData("__makeref")]
        [InlineData("GetHashCode")]
        public void ReservedErrorNamesAreRejected(string errorName) =>
            AssertLocatedError("TCB0010", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env, errors: $$"""{ "code": 40001, "name": {{Str(errorName)}}, "message": "m" }""")));

        [Fact]
        public void AnErrorNamedLikeItsEnumIsRejected() =>
            AssertLocatedError("TCB0017", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env, errors: """{ "code": 40001, "name": "ProbeError", "message": "m" }""")));

        // Row 6: characters XML cannot hold, in descriptions that become XML docs.
        [Theory]
        [InlineData("\u0001")]
        [InlineData("\u0000")]
        [InlineData("\uFFFF")]
        [InlineData("\uFFFE")]
        [InlineData("\uD800")]
        [InlineData("\uDC00x")]
        [InlineData("\u001B[0m")]
        public void UnprintableCharactersInDescriptionsCompile(string bad)
        {
            string text = "a" + bad + "b";
            string field = $$"""{ "name": "note", "type": "string", "description": {{Str(text)}} }""";
            AssertCompilesEverywhere(("probe.tcb.json", Spec("probe", Env + "," + field, field, $$"""{ "code": 40001, "name": "Broken", "message": {{Str(text)}} }""", title: text, description: text)));
        }

        // Row 8: a wire name is text, not code, even inside the validator's messages.
        [Theory]
        [InlineData("a\"b")]
        [InlineData("a\\qb")]
        [InlineData("a\u2028b")]
        public void WireNamesWithQuotesAndEscapesCompile(string wireName)
        {
            string field = $$"""{ "name": {{Str(wireName)}}, "csharpName": "Level", "type": "integer", "required": true, "enum": [{ "value": 1, "name": "One" }] }""";
            string list = $$"""{ "name": {{Str(wireName + "s")}}, "csharpName": "Levels", "type": "array", "items": { "type": "string", "enum": [{ "value": "x", "name": "X" }] } }""";
            AssertCompilesEverywhere(("probe.tcb.json", Spec("probe", field + "," + list, $$"""{ "name": {{Str(wireName)}}, "csharpName": "Got", "type": "string" }""")));
        }

        // Row 9: constructor parameters are camelCase property names, and C# 8-10 mode has a constructor.
        [Fact]
        public void PropertiesDifferingOnlyInCaseAreRejected() =>
            AssertLocatedError("TCB0008", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env + """, { "name": "environment", "csharpName": "env", "type": "string", "required": true }""")));

        // Row 10: members every type inherits from object.
        [Theory]
        [InlineData("to_string")]
        [InlineData("get_hash_code")]
        [InlineData("get_type")]
        [InlineData("equals")]
        public void FieldsNamedLikeObjectMembersAreRejected(string wireName) =>
            AssertLocatedError("TCB0010", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env + $$""", { "name": {{Str(wireName)}}, "type": "string" }""")));

        // Row 11: a length limit.
        [Fact]
        public void OverlongNamesAreRejected() =>
            AssertLocatedError("TCB0010", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env + $$""", { "name": "{{new string('x', 1024)}}", "type": "string" }""")));

        [Fact]
        public void AnOverlongWireNameWithACSharpNameCompiles() =>
            AssertCompilesEverywhere(("probe.tcb.json", Spec("probe", Env + $$""", { "name": "{{new string('x', 5000)}}", "csharpName": "Long", "type": "string" }""", $$"""{ "name": "{{new string('y', 5000)}}", "csharpName": "Long", "type": "string" }""")));

        // Row 12: strict RFC 8259; one byte order mark at the very start is all a reader may skip.
        [Fact]
        public void AByteOrderMarkBetweenTokensIsInvalidJson() =>
            AssertLocatedError("TCB0001", "/specs/probe.tcb.json", ("probe.tcb.json", Spec("probe", Env).Replace("\"title\"", "\uFEFF\"title\"")));

        [Fact]
        public void AByteOrderMarkAtTheStartIsAllowed() =>
            AssertCompilesEverywhere(("probe.tcb.json", "\uFEFF" + Spec("probe", Env)));

        private static void AssertLocatedError(string id, string path, params (string File, string Json)[] specs) =>
            RegressionAssert.LocatedError(id, path, atANode: false, specs);

        private static void AssertCompilesEverywhere(params (string File, string Json)[] specs) =>
            RegressionAssert.CompilesEverywhere(specs);
    }
}
