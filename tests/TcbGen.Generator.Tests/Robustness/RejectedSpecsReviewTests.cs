using TcbGen.Generator.Tests.Infrastructure;
using Xunit;
using static TcbGen.Generator.Tests.Robustness.SpecJson;

namespace TcbGen.Generator.Tests.Robustness
{
    /// <summary>
    /// Issue 27, item 9: the classes of "valid specs rejected" the fuzz run found (TCB0007, 0010, 0014, 0018, 0017+0019),
    /// each reviewed against specs/README.md. A spec the format allows must generate code that compiles; a spec it does
    /// not allow gets the id the README names for it, at its node. The table is in specs/README.md, "What the build
    /// rejects that may look valid".
    /// </summary>
    public sealed class RejectedSpecsReviewTests
    {
        private const string Env = """{ "name": "env", "type": "string", "required": true }""";

        // TCB0007: constraints and values at the edges.
        [Theory]
        [InlineData("""{ "name": "n", "type": "integer", "minimum": 5, "maximum": 5 }""")]
        [InlineData("""{ "name": "n", "type": "integer", "minimum": -2147483648, "default": 2147483647 }""")]
        [InlineData("""{ "name": "n", "type": "integer", "format": "int64", "minimum": -9223372036854775808, "default": 9223372036854775807 }""")]
        [InlineData("""{ "name": "r", "type": "number", "minimum": 0.1, "maximum": 0.1 }""")]
        [InlineData("""{ "name": "r", "type": "number", "minimum": -5e-324, "maximum": 5e-324 }""")]
        [InlineData("""{ "name": "r", "type": "number", "default": 1.7976931348623157e308 }""")]
        [InlineData("""{ "name": "s", "type": "string", "minLength": 0, "maxLength": 2147483647 }""")]
        [InlineData("""{ "name": "s", "type": "string", "pattern": "(?<=a)b|\\p{L}" }""")]
        [InlineData("""{ "name": "a", "type": "array", "items": { "type": "integer", "minimum": -2147483648, "maximum": 2147483647 }, "minItems": 0, "maxItems": 2147483647 }""")]
        public void ConstraintsAtTheirEdgesCompile(string field) =>
            RegressionAssert.CompilesEverywhere(("probe.tcb.json", Spec("probe", Env + ", " + field)));

        [Theory]
        [InlineData("""{ "name": "n", "type": "integer", "maximum": 2147483648 }""", "TCB0007")]
        [InlineData("""{ "name": "n", "type": "integer", "format": "int64", "minimum": -9223372036854775809 }""", "TCB0007")]
        [InlineData("""{ "name": "r", "type": "number", "maximum": 1e309 }""", "TCB0007")]
        [InlineData("""{ "name": "s", "type": "string", "maxLength": 2147483648 }""", "TCB0007")]
        [InlineData("""{ "name": "s", "type": "string", "minLength": 2, "maxLength": 1 }""", "TCB0007")]
        [InlineData("""{ "name": "n", "type": "integer", "default": 2147483648 }""", "TCB0007")]
        [InlineData("""{ "name": "n", "type": "integer", "minimum": 1.0 }""", "TCB0003")]
        [InlineData("""{ "name": "n", "type": "integer", "minimum": 1e2 }""", "TCB0003")]
        [InlineData("""{ "name": "s", "type": "string", "pattern": "(" }""", "TCB0007")]
        public void ConstraintsBeyondWhatTheFieldHoldsAreRejected(string field, string id) =>
            RegressionAssert.LocatedError(id, "/specs/probe.tcb.json", atANode: true, ("probe.tcb.json", Spec("probe", Env + ", " + field)));

        [Fact]
        public void AnErrcodeBeyond32BitsIsRejected() =>
            RegressionAssert.LocatedError("TCB0007", "/specs/probe.tcb.json", atANode: true, ("probe.tcb.json", Spec("probe", Env, errors: """{ "code": 2147483648, "name": "Big", "message": "m" }""")));

        // TCB0010: names.
        [Theory]
        [InlineData("名前")]
        [InlineData("\u212Aelvin")]
        [InlineData("_private")]
        [InlineData("Ärger")]
        [InlineData("Class")]
        [InlineData("Var")]
        public void UnicodeAndKeywordLikeNamesCompile(string csharpName) =>
            RegressionAssert.CompilesEverywhere(("probe.tcb.json", Spec("probe", Env + $$""", { "name": "x", "csharpName": {{Str(csharpName)}}, "type": "string" }""", """{ "name": "state", "type": "string", "enum": [{ "value": "a", "name": """ + Str(csharpName) + """ }] }""")));

        [Theory]
        [InlineData("class")]
        [InlineData("var")]
        [InlineData("value")]
        [InlineData("e\u0301t\u00E9")]
        [InlineData("\u216B")]
        [InlineData("a\u200Db")]
        [InlineData("ToString")]
        [InlineData("1st")]
        public void NamesThatAreNotPlainCSharpIdentifiersAreRejected(string csharpName) =>
            RegressionAssert.LocatedError("TCB0010", "/specs/probe.tcb.json", atANode: true, ("probe.tcb.json", Spec("probe", Env + $$""", { "name": "x", "csharpName": {{Str(csharpName)}}, "type": "string" }""")));

        [Fact]
        public void AWireNameThatGivesNoIdentifierIsRejectedUnlessCSharpNameIsSet()
        {
            RegressionAssert.LocatedError("TCB0010", "/specs/probe.tcb.json", atANode: true, ("probe.tcb.json", Spec("probe", Env + """, { "name": "1st", "type": "string" }""")));
            RegressionAssert.CompilesEverywhere(("probe.tcb.json", Spec("probe", Env + """, { "name": "1st", "csharpName": "First", "type": "string" }""")));
        }

        // TCB0014: type names across specs.
        private const string Detail = """{ "name": "detail", "type": "object", "typeName": "SharedDetail", "fields": [{ "name": "id", "type": "string", "description": "one" }] }""";

        [Fact]
        public void OneTypeDeclaredTwiceWithOtherDescriptionsIsOneType() =>
            RegressionAssert.CompilesEverywhere(
                ("a.tcb.json", Spec("a", Env + ", " + Detail)),
                ("b.tcb.json", Spec("b", Env + ", " + Detail.Replace("\"one\"", "\"two\"", System.StringComparison.Ordinal))));

        [Theory]
        [InlineData("""{ "name": "detail", "type": "object", "typeName": "SharedDetail", "fields": [{ "name": "id", "type": "integer" }] }""")]
        [InlineData("""{ "name": "detail", "type": "object", "typeName": "SharedDETAIL", "fields": [{ "name": "id", "type": "string" }] }""")]
        [InlineData("""{ "name": "detail", "type": "object", "typeName": "ARequest", "fields": [{ "name": "id", "type": "string" }] }""")]
        [InlineData("""{ "name": "detail", "type": "object", "typeName": "TcbAuthorizerClient", "fields": [{ "name": "id", "type": "string" }] }""")]
        public void TypeNamesEqualUpToCaseWithAnotherShapeOrTakenAreRejected(string field) =>
            RegressionAssert.LocatedError("TCB0014", "/specs/b.tcb.json", atANode: true, ("a.tcb.json", Spec("a", Env + ", " + Detail)), ("b.tcb.json", Spec("b", Env + ", " + field)));

        // TCB0018: properties that do not apply.
        [Theory]
        [InlineData("""{ "name": "n", "type": "integer", "format": "int32", "enum": [{ "value": 1, "name": "One" }] }""")]
        [InlineData("""{ "name": "n", "type": "integer", "default": 3, "requiredWhen": { "field": "env", "equals": "x" } }""")]
        public void PropertiesThatApplyCompile(string field) =>
            RegressionAssert.CompilesEverywhere(("probe.tcb.json", Spec("probe", Env + ", " + field)));

        [Theory]
        [InlineData("""{ "name": "n", "type": "integer", "required": true, "default": 3 }""")]
        [InlineData("""{ "name": "n", "type": "integer", "required": true, "requiredWhen": { "field": "env", "equals": "x" } }""")]
        [InlineData("""{ "name": "n", "type": "integer", "format": "int64", "enum": [{ "value": 1, "name": "One" }] }""")]
        [InlineData("""{ "name": "r", "type": "number", "const": 1.5 }""")]
        [InlineData("""{ "name": "s", "type": "string", "maximum": 3 }""")]
        [InlineData("""{ "name": "t", "type": "integer", "format": "unix-seconds", "minimum": 0 }""")]
        [InlineData("""{ "name": "o", "type": "object", "fields": [{ "name": "id", "type": "string" }], "default": {} }""")]
        public void PropertiesThatDoNotApplyAreRejected(string field) =>
            RegressionAssert.LocatedError("TCB0018", "/specs/probe.tcb.json", atANode: true, ("probe.tcb.json", Spec("probe", Env + ", " + field)));

        // TCB0001: the independent run's "deep" cases past JSON's 64 levels; README said "at any depth" beside that limit.
        [Fact]
        public void ObjectsNestUpToTheJsonDepthLimit()
        {
            RegressionAssert.CompilesEverywhere(("probe.tcb.json", Spec("probe", Env + ", " + Nested(29))));
            RegressionAssert.LocatedError("TCB0001", "/specs/probe.tcb.json", atANode: true, ("probe.tcb.json", Spec("probe", Env + ", " + Nested(31))));
        }

        private static string Nested(int depth)
        {
            string inner = """{ "name": "leaf", "type": "string" }""";
            for (int d = depth; d > 0; d--)
            {
                inner = $$"""{ "name": "level{{d}}", "type": "object", "typeName": "Level{{d}}", "fields": [{{inner}}] }""";
            }

            return inner;
        }

        // TCB0017 with TCB0019: a reference to a type whose declaration is rejected for a reserved name.
        [Fact]
        public void AReferenceToATypeRejectedForAReservedNameIsUnresolved()
        {
            string declaring = Spec("a", Env + """, { "name": "detail", "type": "object", "typeName": "SharedDetail", "fields": [{ "name": "sharedDetail", "type": "string" }] }""");
            string referencing = Spec("b", Env + """, { "name": "d", "ref": "SharedDetail" }""");
            RegressionAssert.LocatedError("TCB0017", "/specs/a.tcb.json", atANode: true, ("a.tcb.json", declaring), ("b.tcb.json", referencing));
            RegressionAssert.LocatedError("TCB0019", "/specs/b.tcb.json", atANode: true, ("a.tcb.json", declaring), ("b.tcb.json", referencing));
        }
    }
}
