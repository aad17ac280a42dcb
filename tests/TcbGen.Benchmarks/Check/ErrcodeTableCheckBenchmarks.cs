using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using TcbGen.Specs;

namespace TcbGen.Benchmarks.Check
{
    /// <summary>
    /// What <c>tcbgen check</c> does with one spec (issue 26): the spec module's parser, then the cross-spec checks, on a
    /// spec whose own errcode table has 12,000 or 120,000 rows, beside the <c>wechat</c> set. Linear means the
    /// 120,000-row case costs about ten times the 12,000-row one.
    /// </summary>
    [MemoryDiagnoser]
    public class ErrcodeTableCheckBenchmarks
    {
        private string _text = string.Empty;

        [Params(12_000, 120_000)]
        public int Rows { get; set; }

        [GlobalSetup]
        public void Setup() => _text = Spec(Rows);

        [Benchmark]
        public int Check() => Run(_text);

        /// <summary>The number of diagnostics: 0 for the generated spec.</summary>
        public static int Run(string text)
        {
            var parsed = new List<ParsedSpec> { SpecParser.Parse("bigErrors.tcb.json", text) };
            return parsed.Sum(p => p.Diagnostics.Count) + CrossSpecChecker.Check(parsed).Diagnostics.Count;
        }

        public static string Spec(int rows)
        {
            var text = new StringBuilder();
            text.Append("{\n  \"name\": \"bigErrors\",\n  \"title\": \"many errcodes\",\n  \"method\": \"POST\",\n  \"path\": \"/tcb/bigerrors\",\n")
                .Append("  \"tokenKinds\": [\"authorizer_access_token\"],\n  \"retrySafe\": false,\n")
                .Append("  \"request\": { \"fields\": [ { \"name\": \"env\", \"type\": \"string\", \"required\": true } ] },\n")
                .Append("  \"errorSets\": [\"wechat\"],\n  \"errors\": [\n");
            for (int i = 0; i < rows; i++)
            {
                text.Append("    { \"code\": ").Append(1_000_000 + i).Append(", \"name\": \"Error").Append(i)
                    .Append("\", \"message\": \"message ").Append(i).Append("\", \"solution\": \"do ").Append(i).Append("\" }")
                    .Append(i + 1 < rows ? ",\n" : "\n");
            }

            text.Append("  ],\n  \"examples\": [ { \"request\": { \"env\": \"e\" }, \"response\": { \"errcode\": 0, \"errmsg\": \"ok\" } } ]\n}\n");
            return text.ToString();
        }
    }
}
