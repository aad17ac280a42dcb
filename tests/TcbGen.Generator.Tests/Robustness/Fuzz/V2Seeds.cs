using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;

namespace TcbGen.Generator.Tests.Robustness.Fuzz
{
    /// <summary>
    /// Format v2 for the fuzz test (issue 27): seeds built from CsCheck draws (a definitions file with a <c>ref</c>
    /// chain and error sets, specs using them, GET/query fields, constraints at the edges of int32, int64 and double,
    /// names drawn from the generator's own member names, C# keywords and Unicode case-folding pairs, wide and deep
    /// specs), and mutations that break them (dropped or renamed types, broken chains, bounds past the edges).
    /// The seed texts are made once per run from the run's seed, so a case replays from the seed and its index.
    /// </summary>
    internal static class V2Seeds
    {
        /// <summary>Names that collide with what TcbGen emits, with keywords, or with each other after case folding.</summary>
        public static readonly string[] Names =
        {
            "_value", "op_Equality", "op_Inequality", "op_Implicit", "get_IsKnown", "IsKnown", "get_Env", "set_Env", "Env", "env", "get_Fast", "Fast",
            "Kelvin", "\u212Aelvin", "kelvin", "Sigma", "\u03A3igma", "\u03C3igma", "\u03C2igma", "\u017Fx", "Sx", "sx", "\u0130d", "Id", "\u0131d",
            "ErrorCode", "ErrorMessage", "get_ErrorCode", "set_ErrorMessage", "Value", "value", "class", "record", "required", "var", "ToString", "Equals",
            "Request", "Response", "Item", "Descriptor", "Name", "Path", "TcbErrorCode", "TcbClients", "TcbClientRegistration", "ProbeRequest",
            "\u2168", "e\u0301", "x\u200D", "\uD835\uDCB3", "x\u0660", "a1", "A1", "_1",
        };

        /// <summary>Integer and number bounds at and past the edges of their widths.</summary>
        public static readonly string[] Int32Bounds = { "-2147483649", "-2147483648", "-1", "0", "1", "2147483647", "2147483648", "9007199254740993" };

        public static readonly string[] Int64Bounds = { "-9223372036854775809", "-9223372036854775808", "-9007199254740993", "0", "9007199254740992", "9007199254740993", "9223372036854775807", "9223372036854775808" };

        public static readonly string[] NumberBounds = { "-1.7976931348623157e308", "-1e400", "-0.5", "0", "0.5", "1e-320", "9007199254740993", "1.7976931348623157e308", "1e400", "1.0" };

        private static readonly Gen<int> Percent = Gen.Int[0, 99];

        /// <summary>The v2 seed texts by file name: a definitions file, specs using it, a GET spec, a wide and a deep spec.</summary>
        public static Dictionary<string, string> Texts(ulong runSeed)
        {
            var pcg = new PCG(7, runSeed);
            int chain = Pick(pcg, (70, Draw(Gen.Int[2, 20], pcg)), (30, Draw(Gen.Int[21, 300], pcg)));
            var types = new List<string>();
            for (int i = 0; i < chain; i++)
            {
                string next = i + 1 < chain ? $"{{ \"name\": \"next\", \"ref\": \"V2Link{i + 1}\" }}, " : string.Empty;
                types.Add($"{{ \"typeName\": \"V2Link{i}\", \"type\": \"object\", \"fields\": [{next}{{ \"name\": \"v{i}\", \"type\": \"integer\", \"minimum\": 0 }}, {{ \"name\": \"kind\", \"ref\": \"V2Kind\" }}] }}");
            }

            types.Add("{ \"typeName\": \"V2Kind\", \"type\": \"integer\", \"enum\": [{ \"value\": 1, \"name\": \"One\" }, { \"value\": 2, \"name\": \"Two\" }] }");
            types.Add("{ \"typeName\": \"V2Mode\", \"type\": \"string\", \"enum\": [{ \"value\": \"a\", \"name\": \"A\" }, { \"value\": \"b\", \"name\": \"B\" }] }");
            string defs = "{\n  \"$schema\": \"./schema/tcb-definitions.schema.json\",\n  \"types\": [\n    " + string.Join(",\n    ", types) + "\n  ],\n" +
                "  \"errorSets\": { \"v2tcb\": [{ \"code\": 40101, \"name\": \"MissingParameter\", \"message\": \"missing parameter\" }, { \"code\": -1000, \"name\": \"SystemError\" }] }\n}\n";

            var texts = new Dictionary<string, string>
            {
                ["v2shared.tcb.defs.json"] = defs,
                ["v2useChain.tcb.json"] = Spec(
                    "v2UseChain",
                    "POST",
                    "{ \"name\": \"env\", \"type\": \"string\", \"required\": true, \"minLength\": 1, \"maxLength\": 32, \"pattern\": \"^[a-z][a-z0-9-]*$\" }, " +
                    "{ \"name\": \"head\", \"ref\": \"V2Link0\" }, { \"name\": \"mode\", \"ref\": \"V2Mode\" }, " +
                    "{ \"name\": \"count\", \"type\": \"integer\", \"minimum\": -2147483648, \"maximum\": 2147483647, \"default\": 0 }, " +
                    "{ \"name\": \"size\", \"type\": \"integer\", \"format\": \"int64\", \"minimum\": -9223372036854775808, \"maximum\": 9223372036854775807 }, " +
                    "{ \"name\": \"ratio\", \"type\": \"number\", \"minimum\": -1.7976931348623157e308, \"maximum\": 1.7976931348623157e308 }, " +
                    "{ \"name\": \"when\", \"type\": \"integer\", \"format\": \"unix-seconds\" }, { \"name\": \"key\", \"type\": \"string\", \"secret\": true }, " +
                    "{ \"name\": \"open\", \"type\": \"boolean\", \"requiredWhen\": { \"field\": \"count\", \"equals\": 0 } }",
                    "{ \"name\": \"list\", \"type\": \"array\", \"items\": { \"ref\": \"V2Link0\" } }, { \"name\": \"state\", \"type\": \"string\", \"enum\": [{ \"value\": \"on\", \"name\": \"On\" }, { \"value\": \"off\", \"name\": \"Off\" }] }",
                    "\"errorSets\": [\"wechat\", \"v2tcb\"],\n  \"errors\": [{ \"code\": 40101, \"solution\": \"Send env.\" }],\n  \"examples\": [{ \"request\": { \"env\": \"test-1\", \"count\": 0, \"open\": true }, \"response\": { \"errcode\": 0, \"errmsg\": \"ok\" } }]"),
                ["v2query.tcb.json"] = Spec(
                    "v2Query",
                    "GET",
                    "{ \"name\": \"appid\", \"type\": \"string\", \"required\": true }, { \"name\": \"n\", \"type\": \"integer\", \"format\": \"int64\", \"minimum\": 1 }, " +
                    "{ \"name\": \"flag\", \"type\": \"boolean\", \"default\": false }, { \"name\": \"at\", \"type\": \"string\", \"format\": \"wechat-datetime\" }",
                    "{ \"name\": \"items\", \"type\": \"array\", \"items\": { \"type\": \"string\" } }",
                    "\"defineErrorSets\": { \"v2own\": [{ \"code\": 85088, \"name\": \"NoQuota\" }] },\n  \"errorSets\": [\"v2own\"],\n  \"errors\": []"),
                ["v2wide.tcb.json"] = Wide(pcg),
                ["v2deep.tcb.json"] = Deep(pcg),
            };
            return texts;
        }

        /// <summary>One v2 mutation: a field with v2 properties, a name from <see cref="Names"/>, a bound at an edge, a broken reference or error set.</summary>
        public static SpecMutation Mutation(PCG pcg)
        {
            int index = Draw(Gen.Int[0, 200], pcg);
            switch (Pick(pcg, (25, 0), (15, 1), (15, 2), (10, 3), (10, 4), (10, 5), (10, 6), (5, 7)))
            {
                case 0:
                    return new InsertField(index, Field(pcg));
                case 1:
                    return new ReplaceString(index, Draw(Gen.OneOf("csharpName", "typeName", "name"), pcg), Draw(Gen.OneOf(Names), pcg), Raw: false);
                case 2:
                    return new ReplaceString(index, "ref", Draw(Gen.OneOf("V2Link0", "V2Link1", "V2Kind", "V2Mode", "Nowhere", "V2UseChainRequest", "v2link0", "V2Link9999"), pcg), Raw: false);
                case 3:
                    return new ReplaceString(index, "errorSets", Draw(Gen.OneOf("wechat", "v2tcb", "v2own", "nosuch", "WECHAT"), pcg), Raw: false);
                case 4:
                    return new ReplaceString(index, "typeName", Draw(Gen.OneOf("V2Link0", "V2Kind", "V2Mode", "V2LINK1", "TcbErrorCode", "TcbAuthorizerClient"), pcg), Raw: false);
                case 5:
                    return new ReplaceNumber(index, Draw(Gen.OneOf(Int32Bounds.Concat(Int64Bounds).Concat(NumberBounds).ToArray()), pcg));
                case 6:
                    return new ReplaceString(index, "in", Draw(Gen.OneOf("query", "body", "header"), pcg), Raw: false);
                default:
                    return new ReplaceString(index, "method", Draw(Gen.OneOf("GET", "POST"), pcg), Raw: false);
            }
        }

        private static string Field(PCG pcg)
        {
            string name = SpecJson.Str(Draw(Percent, pcg) < 50 ? Draw(Gen.OneOf(Names), pcg) : Draw(Gen.OneOf("env", "mode", "count", "kelvin", "\u212Aelvin"), pcg));
            string csharpName = Draw(Percent, pcg) < 40 ? $", \"csharpName\": {SpecJson.Str(Draw(Gen.OneOf(Names), pcg))}" : string.Empty;
            string location = Draw(Percent, pcg) < 15 ? ", \"in\": \"query\"" : string.Empty;
            string type = Pick(pcg,
                (3, $"\"type\": \"integer\", \"minimum\": {Draw(Gen.OneOf(Int32Bounds), pcg)}, \"maximum\": {Draw(Gen.OneOf(Int32Bounds), pcg)}"),
                (3, $"\"type\": \"integer\", \"format\": \"int64\", \"minimum\": {Draw(Gen.OneOf(Int64Bounds), pcg)}, \"maximum\": {Draw(Gen.OneOf(Int64Bounds), pcg)}"),
                (2, $"\"type\": \"number\", \"minimum\": {Draw(Gen.OneOf(NumberBounds), pcg)}, \"maximum\": {Draw(Gen.OneOf(NumberBounds), pcg)}"),
                (2, $"\"type\": \"integer\", \"const\": {Draw(Gen.OneOf(Int32Bounds), pcg)}"),
                (2, $"\"type\": \"string\", \"enum\": [{{ \"value\": \"a\", \"name\": {SpecJson.Str(Draw(Gen.OneOf(Names), pcg))} }}, {{ \"value\": \"b\", \"name\": {SpecJson.Str(Draw(Gen.OneOf(Names), pcg))} }}]"),
                (2, $"\"ref\": {SpecJson.Str(Draw(Gen.OneOf("V2Link0", "V2Kind", "V2Mode", "Nowhere"), pcg))}"),
                (1, "\"type\": \"string\", \"pattern\": \"^(a+)+$\", \"maxLength\": 2147483647"),
                (1, "\"type\": \"integer\", \"format\": \"unix-milliseconds\""));
            return $"{{ \"name\": {name}{csharpName}{location}, {type} }}";
        }

        private static string Wide(PCG pcg)
        {
            int width = Pick(pcg, (80, Draw(Gen.Int[200, 1000], pcg)), (20, Draw(Gen.Int[1000, 3000], pcg)));
            var fields = new StringBuilder();
            for (int i = 0; i < width; i++)
            {
                fields.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"{{ \"name\": \"f{i}\", \"type\": \"{(i % 3 == 0 ? "string" : i % 3 == 1 ? "integer" : "boolean")}\"{(i % 7 == 0 ? ", \"required\": true" : string.Empty)} }}");
            }

            return Spec("v2Wide", "POST", fields.ToString(), "{ \"name\": \"ok\", \"type\": \"boolean\" }", "\"errors\": []");
        }

        private static string Deep(PCG pcg)
        {
            int depth = Draw(Gen.Int[5, 40], pcg);
            string field = "{ \"name\": \"leaf\", \"type\": \"string\" }";
            for (int i = depth; i > 0; i--)
            {
                field = $"{{ \"name\": \"level{i}\", \"type\": \"object\", \"fields\": [{field}, {{ \"name\": \"n{i}\", \"type\": \"integer\" }}] }}";
            }

            return Spec("v2Deep", "POST", field, field.Replace("\"level", "\"back"), "\"errors\": []");
        }

        private static string Spec(string name, string method, string requestFields, string responseFields, string tail) =>
            "{\n" +
            $"  \"name\": \"{name}\",\n  \"title\": \"v2 fuzz seed\",\n  \"method\": \"{method}\",\n  \"path\": \"/tcb/{name.ToLowerInvariant()}\",\n" +
            "  \"tokenKinds\": [\"authorizer_access_token\"],\n  \"retrySafe\": true,\n" +
            $"  \"request\": {{ \"fields\": [{requestFields}] }},\n  \"response\": {{ \"fields\": [{responseFields}] }},\n  {tail}\n}}\n";

        private static T Draw<T>(Gen<T> gen, PCG pcg) => gen.Generate(pcg, null, out _);

        private static T Pick<T>(PCG pcg, params (int Weight, T Value)[] choices) => Draw(Gen.Frequency(choices), pcg);
    }

    /// <summary>Replaces a number token (a bound, a code, a value) with another number's text.</summary>
    internal sealed record ReplaceNumber(int Index, string Number) : SpecMutation
    {
        public override string Apply(string text)
        {
            JsonToken? token = Pick(text, Index, t => !t.IsString && t.Length > 0 && (char.IsDigit(text[t.Start]) || text[t.Start] == '-'));
            return token is JsonToken t ? Replace(text, t.Start, t.Length, Number) : text;
        }
    }
}
