using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace TcbGen.Generator.Tests.Robustness.Fuzz
{
    /// <summary>
    /// Generates fuzz cases from the seed specs with CsCheck's generators: mutations drawn from pools of C# keywords,
    /// reserved and generated names, Unicode identifiers, line breaks and control characters, type swaps, deep nesting,
    /// huge strings, and duplicate or case-colliding names across specs. Case <c>i</c> of a run depends only on the
    /// run's seed and <c>i</c>, so any case can be replayed alone.
    /// </summary>
    internal sealed class FuzzGen
    {
        private static readonly string[] Names =
        {
            "class", "int", "string", "object", "event", "params", "operator", "namespace", "this", "base", "default",
            "var", "dynamic", "record", "required", "file", "scoped", "value", "nameof", "field", "async", "await", "get", "set", "partial", "global",
            "__arglist", "__makeref", "__reftype", "__refvalue", "value__",
            "ToString", "GetHashCode", "Equals", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "HasFlag", "CompareTo",
            "to_string", "get_hash_code", "get_type", "equals",
            "Response", "Request", "Error", "Endpoint", "Validator", "Serializer", "ReadResponse", "IsValid", "Validate", "Add", "IsDefined",
            "Name", "Path", "Descriptor", "IsRetrySafe", "GetSolution", "IsDocumented", "CreateException", "IsKnown", "AppId", "Item", "Value",
            "TcbErrorCode", "TcbAuthorizerClient", "ITcbAuthorizerClient", "TcbComponentClient", "TcbCloudbaseClient", "TcbX1Client",
            "System", "TcbGen", "Test", "Tcb", "Microsoft", "Utf8_env", "Encoded_env", "_value", "_transport", "_token", "result", "reader", "writer", "problems", "path",
            "env", "Env", "ENV", "eNV", "env_id", "envId", "EnvId", "envid", "appid", "AppID", "x", "X", "_", "__", "_1", "a1", "A1",
            "1a", "a b", "a-b", "a.b", "a\"b", "a\\qb", "$x", "@class", "",
            "Ä", "名字", "ǅx", "İd", "ıd", "ﬀ", "Σx", "σx", "ς", "ẞx", "ßx", "e\u0301", "x\u200D", "Ⅻ", "x\u0660", "\u0660x", "𝒳", "😀", "x\u00AD",
            "getEnv", "getENV", "GetEnv", "probe", "Probe", "PROBE",
        };

        private static readonly string[] Texts =
        {
            "\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\u0000", "\u0001", "\u001B[31m", "\u007F", "\u0080", "\uFFFF", "\uFFFE", "\uD800", "\uDC00", "\uD83D\uDE00",
            "<", ">", "&", "&amp;", "</summary>", "<summary>", "<see cref=\"X\"/>", "]]>", "<![CDATA[", "--", "*/", "/*", "//", "///", "\"", "\\", "\\q", "'",
            "{0}", "{", "}", "{{", "$\"{x}\"", "#if X", "#endregion", "\t", "\u202E", "\u200B", "\uFEFF", "@\"", "\"\"\"", "%s", "null", " ", "",
        };

        private static readonly string[] Types = { "string", "integer", "number", "boolean", "object", "array", "int", "String", "", "null", "int64" };

        private static readonly string[] Kinds =
        {
            "x1_access_token", "x_1_access_token", "component_access_token", "authorizer_access_token", "cloudbase_access_token",
            "a_access_token", "A_access_token", "access_token", "ab_access_token", "a_b_access_token",
        };

        private static readonly string[] TextKeys = { "title", "description", "message", "solution", "value", "path", "$schema", "equals" };

        private static readonly string[] NameKeys = { "name", "csharpName", "typeName" };

        private static readonly Gen<int> Percent = Gen.Int[0, 99];

        private readonly IReadOnlyList<string> _seedNames;

        public FuzzGen(IReadOnlyList<string> seedNames)
        {
            _seedNames = seedNames;
        }

        public FuzzCase Case(ulong runSeed, int index)
        {
            var pcg = new PCG((uint)index, runSeed);
            int specCount = Pick(pcg, (70, 1), (20, 2), (10, 3));
            bool sameSeed = specCount > 1 && Draw(Percent, pcg) < 50;
            string firstSeed = Draw(Gen.OneOf(_seedNames.ToArray()), pcg);
            var specs = new List<FuzzSpec>();
            for (int s = 0; s < specCount; s++)
            {
                string seed = sameSeed ? firstSeed : Draw(Gen.OneOf(_seedNames.ToArray()), pcg);
                var mutations = new List<SpecMutation>();
                int count = Pick(pcg, (15, 0), (35, 1), (25, 2), (15, 3), (10, 5));
                if (sameSeed && s > 0 && Draw(Percent, pcg) < 50)
                {
                    mutations.Add(new FlipCase(0, "name"));
                }

                for (int m = 0; m < count; m++)
                {
                    mutations.Add(Mutation(pcg));
                }

                specs.Add(new FuzzSpec(seed, $"{s}_{seed}", mutations));
            }

            return new FuzzCase(specs);
        }

        /// <summary>
        /// A case of format v2 (issue 27): one to four of <see cref="V2Seeds"/>' files (the definitions file most often among
        /// them), each with v2 mutations and now and then one of the v1 mutations.
        /// </summary>
        public FuzzCase V2Case(ulong runSeed, int index, IReadOnlyList<string> v2SeedNames)
        {
            var pcg = new PCG((uint)index, runSeed ^ 0x5EED_0002UL);
            var chosen = new List<string>();
            if (Draw(Percent, pcg) < 75)
            {
                chosen.Add(v2SeedNames.First(n => n.EndsWith(".tcb.defs.json", StringComparison.Ordinal)));
            }

            int more = Pick(pcg, (40, 1), (40, 2), (20, 3));
            for (int i = 0; i < more; i++)
            {
                chosen.Add(Draw(Gen.OneOf(v2SeedNames.ToArray()), pcg));
            }

            var specs = new List<FuzzSpec>();
            for (int s = 0; s < chosen.Count; s++)
            {
                var mutations = new List<SpecMutation>();
                int count = Pick(pcg, (20, 0), (40, 1), (25, 2), (15, 4));
                for (int m = 0; m < count; m++)
                {
                    mutations.Add(Draw(Percent, pcg) < 85 ? V2Seeds.Mutation(pcg) : Mutation(pcg));
                }

                specs.Add(new FuzzSpec(chosen[s], $"{s}_{chosen[s]}", mutations));
            }

            return new FuzzCase(specs);
        }

        private SpecMutation Mutation(PCG pcg)
        {
            int index = Draw(Gen.Int[0, 200], pcg);
            bool raw = Draw(Percent, pcg) < 25;
            switch (Pick(pcg, (22, 0), (15, 1), (6, 2), (15, 3), (5, 4), (3, 5), (2, 6), (3, 7), (7, 8), (12, 9), (10, 10)))
            {
                case 0:
                    return new ReplaceString(index, Draw(Gen.OneOf(NameKeys), pcg), NameValue(pcg), raw);
                case 1:
                    return new ReplaceString(index, Draw(Gen.OneOf(TextKeys), pcg), TextValue(pcg), raw);
                case 2:
                    return new ReplaceString(index, null, Draw(Percent, pcg) < 50 ? NameValue(pcg) : TextValue(pcg), raw);
                case 3:
                    return new InsertField(index, FieldJson(pcg, depth: 0));
                case 4:
                    return new ReplaceString(index, "type", Draw(Gen.OneOf(Types), pcg), Raw: false);
                case 5:
                    return new ReplaceString(index, "tokenKinds", Draw(Gen.OneOf(Kinds), pcg), Raw: false);
                case 6:
                    return new NestArrays(index, Pick(pcg, (60, Draw(Gen.Int[2, 8], pcg)), (30, Draw(Gen.Int[9, 60], pcg)), (10, Draw(Gen.Int[61, 400], pcg))));
                case 7:
                    return Draw(Percent, pcg) < 50
                        ? new DeepBrackets(index, Pick(pcg, (50, 65), (40, Draw(Gen.Int[66, 5000], pcg)), (10, 100_000)), Draw(Gen.Bool, pcg))
                        : new ReplaceString(index, Draw(Percent, pcg) < 50 ? "description" : null, Huge(pcg), raw);
                case 8:
                    return new FlipCase(index, Draw(Gen.OneOf(new string?[] { "name", "typeName", "csharpName", null }), pcg));
                case 9:
                    return new DeleteToken(index);
                default:
                    return new EditChar(Draw(Gen.Int[0, 100_000], pcg), Draw(Gen.OneOf(Gen.Char["{}[]:,\"\\ntfu0123456789.-+eE "], Gen.Char), pcg), Draw(Gen.Int[0, 2], pcg));
            }
        }

        private string NameValue(PCG pcg) => Pick(pcg,
            (70, Draw(Gen.OneOf(Names), pcg)),
            (10, Draw(Gen.OneOf(Names), pcg) + Draw(Gen.OneOf(Texts), pcg)),
            (10, Draw(Gen.OneOf(Names), pcg) + Draw(Gen.OneOf(Names), pcg)),
            (5, new string('N', Draw(Gen.Int[190, 1100], pcg))),
            (5, Draw(Gen.String, pcg)));

        private string TextValue(PCG pcg)
        {
            int pieces = Draw(Gen.Int[1, 5], pcg);
            var text = new System.Text.StringBuilder();
            for (int i = 0; i < pieces; i++)
            {
                text.Append(Pick(pcg, (70, Draw(Gen.OneOf(Texts), pcg)), (20, "word"), (10, Draw(Gen.String, pcg))));
            }

            return text.ToString();
        }

        private string Huge(PCG pcg)
        {
            int length = Pick(pcg, (80, Draw(Gen.Int[1_000, 60_000], pcg)), (20, Draw(Gen.Int[60_000, 300_000], pcg)));
            string unit = Draw(Gen.OneOf("a", "字", "a\r\n", "<&>", "\u2028x"), pcg);
            return string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1)).Substring(0, length);
        }

        private string FieldJson(PCG pcg, int depth)
        {
            string name = SpecJson.Str(Draw(Percent, pcg) < 60 ? NameValue(pcg) : Draw(Gen.OneOf("env", "mode", "list", "detail", "count", "flag", "Env", "ENV"), pcg));
            string csharpName = Draw(Percent, pcg) < 25 ? $", \"csharpName\": {SpecJson.Str(NameValue(pcg))}" : string.Empty;
            string required = Draw(Percent, pcg) < 30 ? ", \"required\": true" : string.Empty;
            string description = Draw(Percent, pcg) < 30 ? $", \"description\": {SpecJson.Str(TextValue(pcg))}" : string.Empty;
            return $"{{ \"name\": {name}{csharpName}{required}{description}, {TypeJson(pcg, depth)} }}";
        }

        private string TypeJson(PCG pcg, int depth)
        {
            string typeName = Draw(Percent, pcg) < 40 ? $", \"typeName\": {SpecJson.Str(NameValue(pcg))}" : string.Empty;
            string member() => $"{{ \"value\": {(Draw(Percent, pcg) < 50 ? SpecJson.Str(TextValue(pcg)) : "\"v\"")}, \"name\": {SpecJson.Str(NameValue(pcg))} }}";
            string intMember() => $"{{ \"value\": {Draw(Gen.Int[-3, 3], pcg)}, \"name\": {SpecJson.Str(NameValue(pcg))} }}";
            switch (Draw(Gen.Int[0, depth > 2 ? 4 : 7], pcg))
            {
                case 0: return Pick(pcg, (3, "\"type\": \"string\""), (1, "\"type\": \"string\", \"format\": \"wechat-datetime\""));
                case 1: return Pick(pcg, (2, "\"type\": \"integer\", \"format\": \"int64\""), (1, "\"type\": \"integer\", \"format\": \"unix-seconds\""), (1, "\"type\": \"integer\", \"format\": \"unix-milliseconds\""));
                case 2: return "\"type\": \"boolean\"";
                case 3: return "\"type\": \"number\"";
                case 4: return $"\"type\": \"string\"{typeName}, \"enum\": [{member()}, {member()}]";
                case 5: return $"\"type\": \"integer\"{typeName}, \"enum\": [{intMember()}, {intMember()}]";
                case 6: return $"\"type\": \"array\", \"items\": {{ {TypeJson(pcg, depth + 1)} }}";
                default: return $"\"type\": \"object\"{typeName}, \"fields\": [{FieldJson(pcg, depth + 1)}]";
            }
        }

        private static T Draw<T>(Gen<T> gen, PCG pcg) => gen.Generate(pcg, null, out _);

        private static T Pick<T>(PCG pcg, params (int Weight, T Value)[] choices) => Draw(Gen.Frequency(choices), pcg);
    }
}
