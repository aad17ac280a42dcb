using System;
using System.Collections.Generic;
using System.Linq;
using static TcbGen.Generator.Tests.Robustness.SpecJson;

namespace TcbGen.Generator.Tests.Robustness.Independent
{
    /// <summary>
    /// The mutations of the table, each stating whether the format (specs/README.md) allows what it makes: a
    /// case whose mutations are all valid must generate and compile; one with an invalid mutation must get a TCB error.
    /// Written apart from the CsCheck fuzz (its own seeds, builders and oracle), as an independent re-run.
    /// </summary>
    internal static class V2Mutations
    {
        public sealed record Mutation(string Name, bool Valid, Action<V2Case, Random, int> Apply);

        private static readonly string[] UnicodeNames = { "名前", "Ärger", "\u212Aelvin", "Straße", "\u01C5ungla", "Ωmega", "_private", "Class", "Var", "Event" };
        private static readonly string[] Keywords = { "class", "namespace", "var", "value", "record", "required", "__arglist", "ToString", "GetType" };
        private static readonly string[] EmittedMembers = { "_value", "op_Equality", "op_Inequality", "op_Implicit", "get_IsKnown", "IsKnown", "Equals", "GetHashCode" };
        private static readonly (string, string)[] FoldingPairs = { ("Kelvin", "\u212Aelvin"), ("Env", "eNV"), ("\u03A9mega", "\u2126mega"), ("\u03A3igma", "\u03C3igma") };

        public static readonly IReadOnlyList<Mutation> All = new[]
        {
            // definitions and ref chains
            new Mutation("defs type, referenced", true, (c, r, i) =>
            {
                c.DefinitionTypes.Add($$"""{ "typeName": "Shared{{i}}", "type": "object", "fields": [{ "name": "id", "type": "string", "required": true }, { "name": "n", "type": "integer", "format": "int64" }] }""");
                c.Alpha.RequestFields.Add($$"""{ "name": "shared_{{i}}", "ref": "Shared{{i}}" }""");
                c.Alpha.ResponseFields.Add($$"""{ "name": "shared_{{i}}", "ref": "Shared{{i}}" }""");
            }),
            new Mutation("ref chain", true, (c, r, i) => Chain(c, i, r.Next(2, r.Next(10) == 0 ? 400 : 30), circular: false)),
            new Mutation("ref chain, circular", false, (c, r, i) => Chain(c, i, r.Next(1, 20), circular: true)),
            new Mutation("ref to a dropped type", false, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "gone_{{i}}", "ref": "Dropped{{i}}" }""")),
            new Mutation("defs type broken, referenced", false, (c, r, i) =>
            {
                c.DefinitionTypes.Add($$"""{ "typeName": "Broken{{i}}", "type": "object", "fields": [{ "name": "x", "type": "integer", "maximum": 2147483648 }] }""");
                c.Alpha.RequestFields.Add($$"""{ "name": "broken_{{i}}", "ref": "Broken{{i}}" }""");
            }),
            new Mutation("defs integer enum, both sides", true, (c, r, i) =>
            {
                c.DefinitionTypes.Add($$"""{ "typeName": "Level{{i}}", "type": "integer", "enum": [{ "value": 1, "name": "Low" }, { "value": 2147483647, "name": "High" }] }""");
                c.Alpha.RequestFields.Add($$"""{ "name": "level_{{i}}", "ref": "Level{{i}}" }""");
                c.Alpha.ResponseFields.Add($$"""{ "name": "level_{{i}}", "ref": "Level{{i}}" }""");
            }),

            // error sets
            new Mutation("error set wechat", true, (c, r, i) => AddOnce(c.Alpha.ErrorSets, "wechat")),
            new Mutation("error set declared and included", true, (c, r, i) =>
            {
                c.DefinitionErrorSets.Add($$"""{{Str("set" + i)}}: [{ "code": {{90000 + i}}, "name": "SetError{{i}}", "message": "m" }, { "code": -{{i + 1}}, "name": "SetNegative{{i}}" }]""");
                c.Alpha.ErrorSets.Add("set" + i);
                c.Beta.ErrorSets.Add("set" + i);
            }),
            new Mutation("error set unknown", false, (c, r, i) => c.Alpha.ErrorSets.Add("nosuch" + i)),
            new Mutation("error set with a code twice", false, (c, r, i) =>
            {
                c.DefinitionErrorSets.Add($$"""{{Str("twice" + i)}}: [{ "code": 1, "name": "A{{i}}" }, { "code": 1, "name": "B{{i}}" }]""");
                c.Alpha.ErrorSets.Add("twice" + i);
            }),
            new Mutation("own error renaming a wechat code", false, (c, r, i) =>
            {
                AddOnce(c.Alpha.ErrorSets, "wechat");
                c.Alpha.Errors.Add("""{ "code": 40001, "name": "NotTheWechatName", "message": "m" }""");
            }),

            // constraints at the edges
            new Mutation("int32 edges", true, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "i32_{{i}}", "type": "integer", "minimum": -2147483648, "maximum": 2147483647, "default": {{(r.Next(2) == 0 ? "-2147483648" : "2147483647")}} }""")),
            new Mutation("int64 edges", true, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "i64_{{i}}", "type": "integer", "format": "int64", "minimum": -9223372036854775808, "maximum": 9223372036854775807 }""")),
            new Mutation("double edges", true, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "dbl_{{i}}", "type": "number", "minimum": {{(r.Next(2) == 0 ? "-1.7976931348623157e308" : "-5e-324")}}, "maximum": {{(r.Next(2) == 0 ? "1.7976931348623157e308" : "5e-324")}} }""")),
            new Mutation("equal bounds", true, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "eq_{{i}}", "type": "string", "minLength": 3, "maxLength": 3, "pattern": "^[a-z]+$" }""")),
            new Mutation("int32 bound beyond 32 bits", false, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "big_{{i}}", "type": "integer", "{{(r.Next(2) == 0 ? "minimum" : "maximum")}}": {{(r.Next(2) == 0 ? "2147483648" : "-2147483649")}} }""")),
            new Mutation("int64 bound beyond 64 bits", false, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "huge_{{i}}", "type": "integer", "format": "int64", "maximum": {{(r.Next(2) == 0 ? "9223372036854775808" : "-9223372036854775809")}} }""")),
            new Mutation("double bound beyond a double", false, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "inf_{{i}}", "type": "number", "maximum": {{(r.Next(2) == 0 ? "1e309" : "-2e308")}} }""")),
            new Mutation("int64 bounds reversed, equal as doubles", false, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "rev_{{i}}", "type": "integer", "format": "int64", "minimum": 9007199254740993, "maximum": 9007199254740992 }""")),

            // names
            new Mutation("unicode or keyword-like name", true, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "u_{{i}}", "csharpName": {{Str(UnicodeNames[r.Next(UnicodeNames.Length)] + i)}}, "type": "string" }""")),
            new Mutation("unicode enum members", true, (c, r, i) => c.Alpha.ResponseFields.Add($$"""{ "name": "state_{{i}}", "type": "string", "enum": [{ "value": "a", "name": {{Str(UnicodeNames[r.Next(UnicodeNames.Length)])}} }, { "value": "b", "name": "Other" }] }""")),
            new Mutation("keyword name", false, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "k_{{i}}", "csharpName": {{Str(Keywords[r.Next(Keywords.Length)])}}, "type": "string" }""")),
            new Mutation("emitted member name in a response enum", false, (c, r, i) => c.Alpha.ResponseFields.Add($$"""{ "name": "kind_{{i}}", "type": "string", "enum": [{ "value": "a", "name": {{Str(EmittedMembers[r.Next(EmittedMembers.Length)])}} }] }""")),
            new Mutation("case-folding pair", false, (c, r, i) =>
            {
                (string a, string b) = FoldingPairs[r.Next(FoldingPairs.Length)];
                c.Alpha.RequestFields.Add($$"""{ "name": "fa_{{i}}", "csharpName": {{Str(a + i)}}, "type": "string" }""");
                c.Alpha.RequestFields.Add($$"""{ "name": "fb_{{i}}", "csharpName": {{Str(b + i)}}, "type": "string" }""");
            }),
            new Mutation("accessor name beside its property", false, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "acc_{{i}}", "csharpName": "{{(r.Next(2) == 0 ? "get_Env" : "set_Env")}}", "type": "string" }""")),
            new Mutation("spec named like a shared file", true, (c, r, i) => c.Beta.Name = r.Next(2) == 0 ? "tcbClients" : "TcbErrorCode"),

            // GET / query
            new Mutation("GET with query fields", true, (c, r, i) =>
            {
                c.Beta.Method = "GET";
                c.Beta.RequestFields.Add($$"""{ "name": "limit_{{i}}", "type": "integer", "minimum": 1, "maximum": 100 }""");
                c.Beta.RequestFields.Add($$"""{ "name": "flag_{{i}}", "type": "boolean", "in": "query" }""");
            }),
            new Mutation("object in the query", false, (c, r, i) => c.Alpha.RequestFields.Add($$"""{ "name": "q_{{i}}", "in": "query", "type": "object", "fields": [{ "name": "x", "type": "string" }] }""")),

            // wide and deep
            new Mutation("wide", true, (c, r, i) => c.Beta.RequestFields.AddRange(Enumerable.Range(0, r.Next(10) == 0 ? r.Next(1_000, 3_001) : r.Next(20, 200)).Select(f => $$"""{ "name": "w{{i}}_{{f}}", "type": "{{(f % 3 == 0 ? "string" : f % 3 == 1 ? "integer" : "boolean")}}"{{(f % 7 == 0 ? ", \"required\": true" : string.Empty)}} }"""))),
            // A field of nesting d sits at JSON depth 4 + 2d: 30 nested objects fit the documented limit of 64 (TCB0001).
            new Mutation("deep", true, (c, r, i) => c.Alpha.RequestFields.Add(Deep(i, r.Next(2, r.Next(5) == 0 ? 30 : 12)))),
            new Mutation("deeper than JSON's 64 levels", false, (c, r, i) => c.Alpha.RequestFields.Add(Deep(i, r.Next(33, 80)))),
        };

        private static void Chain(V2Case c, int i, int length, bool circular)
        {
            for (int k = 0; k < length; k++)
            {
                string next = k + 1 < length ? $"C{i}x{k + 1}" : circular ? $"C{i}x0" : string.Empty;
                string nextField = next.Length == 0 ? string.Empty : $$""", { "name": "next", "ref": "{{next}}" }""";
                c.DefinitionTypes.Add($$"""{ "typeName": "C{{i}}x{{k}}", "type": "object", "fields": [{ "name": "v", "type": "integer" }{{nextField}}] }""");
            }

            c.Alpha.RequestFields.Add($$"""{ "name": "chain_{{i}}", "ref": "C{{i}}x0" }""");
        }

        private static string Deep(int i, int depth)
        {
            string inner = """{ "name": "leaf", "type": "string", "required": true }""";
            for (int d = depth; d > 0; d--)
            {
                inner = $$"""{ "name": "level{{d}}", "type": "object", "typeName": "Deep{{i}}L{{d}}", "fields": [{{inner}}, { "name": "n{{d}}", "type": "integer" }] }""";
            }

            return inner.Replace("\"name\": \"level1\"", $"\"name\": \"deep_{i}\"", StringComparison.Ordinal);
        }

        private static void AddOnce(List<string> list, string item)
        {
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }
    }
}
