using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// Issue 27: the generator's time against the size of one input, each a cold run (new driver, no step tracking):
    /// a spec of <c>Size</c> request fields, a definitions file whose types form a <c>ref</c> chain of <c>Size</c> links
    /// used by one spec, and a spec whose examples try a backtracking pattern <c>Size</c> times (bounded by the per-spec
    /// pattern budget, not by the count). Linear cost shows as time per unit staying flat as <c>Size</c> grows.
    /// <c>--filter '*Scaling*'</c>; the sizes are the issue's (1,000 / 10,000 / 100,000 fields; 100 / 1,000 / 5,000 links;
    /// 10 / 30 / 60 examples).
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByMethod)]
    public class ScalingBenchmarks
    {
        private ImmutableArray<AdditionalText> _inputs;

        [Params("fields:1000", "fields:10000", "fields:100000", "nested:1000", "nested:10000", "nested:100000", "chain:100", "chain:1000", "chain:5000", "examples:10", "examples:30", "examples:60")]
        public string Case { get; set; } = "fields:1000";

        [GlobalSetup]
        public void Setup() => _inputs = Inputs(Case);

        [Benchmark(Description = "TcbGen: cold, one input of the given size")]
        public GeneratorDriver Cold() => Run(_inputs);

        public static GeneratorDriver Run(ImmutableArray<AdditionalText> inputs) => Run(RoslynHost.TcbGenerator(), inputs);

        private static GeneratorDriver Run(ISourceGenerator generator, ImmutableArray<AdditionalText> inputs) =>
            CSharpGeneratorDriver.Create(new[] { generator }, inputs, RoslynHost.ParseOptions, RoslynHost.TcbOptions, RoslynHost.DriverOptions)
                .RunGenerators(RoslynHost.Compilation(Array.Empty<SyntaxTree>(), RoslynHost.TcbReferences));

        /// <summary>
        /// <c>--scaling [CASE...] [--baseline PATH]</c>: each case timed cold three times in this process (best of three),
        /// with its time per unit, so the ratios in RESULTS.md come from one run; the BenchmarkDotNet class is the careful
        /// measurement. With <c>--baseline</c>, an earlier build of <c>TcbGen.Generator.dll</c> (loaded in a context of its
        /// own) runs each case too, interleaved with this one, for before/after rows from the same run.
        /// </summary>
        public static int Measure(System.IO.TextWriter output, System.Collections.Generic.IReadOnlyList<string> args)
        {
            var rest = new System.Collections.Generic.List<string>(args);
            int at = rest.IndexOf("--baseline");
            ISourceGenerator? baseline = null;
            if (at >= 0 && at + 1 < rest.Count)
            {
                baseline = BaselineGenerator.Load(rest[at + 1]);
                rest.RemoveRange(at, 2);
            }

            string[] cases = rest.Count > 0 ? rest.ToArray() : new ScalingBenchmarks().CaseValues();
            output.WriteLine(baseline == null ? "| case | best of 3 (ms) | per unit (µs) | diagnostics |" : "| case | generator | best of 3 (ms) | per unit (µs) | diagnostics |");
            output.WriteLine(baseline == null ? "|---|---:|---:|---|" : "|---|---|---:|---:|---|");
            Run(Inputs("fields:1000"));
            if (baseline != null)
            {
                Run(baseline, Inputs("fields:1000"));
            }

            foreach (string @case in cases)
            {
                ImmutableArray<AdditionalText> inputs = Inputs(@case);
                int size = int.Parse(@case.Split(':')[1], CultureInfo.InvariantCulture);
                var results = new System.Collections.Generic.List<(string Name, ISourceGenerator Generator, double Best, GeneratorDriverRunResult? Result)>();
                if (baseline != null)
                {
                    results.Add(("before", baseline, double.MaxValue, null));
                }

                results.Add(("after", RoslynHost.TcbGenerator(), double.MaxValue, null));
                for (int round = 0; round < 3; round++)
                {
                    for (int i = 0; i < results.Count; i++)
                    {
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        GeneratorDriver driver = Run(results[i].Generator, inputs);
                        double ms = watch.Elapsed.TotalMilliseconds;
                        results[i] = (results[i].Name, results[i].Generator, Math.Min(results[i].Best, ms), driver.GetRunResult());
                    }
                }

                foreach ((string name, _, double best, GeneratorDriverRunResult? result) in results)
                {
                    string ids = string.Join(", ", result!.Diagnostics.Select(d => d.Id).Distinct());
                    string generatorColumn = baseline == null ? string.Empty : " " + name + " |";
                    output.WriteLine($"| {@case} |{generatorColumn} {best:F0} | {best * 1000 / size:F1} | {(ids.Length == 0 ? "none" : ids)} |");
                }
            }

            return 0;
        }

        private string[] CaseValues() => new[] { "fields:1000", "fields:10000", "fields:100000", "nested:1000", "nested:10000", "nested:100000", "chain:100", "chain:1000", "chain:5000", "examples:10", "examples:30", "examples:60" };

        /// <summary>The files of a case <c>kind:size</c>.</summary>
        public static ImmutableArray<AdditionalText> Inputs(string @case)
        {
            string[] parts = @case.Split(':');
            int size = int.Parse(parts[1], CultureInfo.InvariantCulture);
            switch (parts[0])
            {
                case "fields":
                    return ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/specs/wide.tcb.json", Spec("wide", Fields(size), string.Empty)));
                case "nested":
                    return ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(
                        "/specs/nested.tcb.json",
                        Spec("nested", "{ \"name\": \"inner\", \"type\": \"object\", \"typeName\": \"NestedInner\", \"required\": true, \"fields\": [\n      " + Fields(size) + "\n    ] }", string.Empty)));
                case "chain":
                    return ImmutableArray.Create<AdditionalText>(
                        new InMemoryAdditionalText("/specs/chain.tcb.defs.json", Chain(size)),
                        new InMemoryAdditionalText("/specs/useChain.tcb.json", Spec("useChain", "{ \"name\": \"head\", \"ref\": \"Link0\", \"required\": true }", string.Empty)));
                default:
                    string examples = string.Join(", ", Enumerable.Range(0, size).Select(_ => "{ \"request\": { \"env\": \"" + new string('a', 40) + "!\" } }"));
                    return ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(
                        "/specs/pattern.tcb.json",
                        Spec("pattern", "{ \"name\": \"env\", \"type\": \"string\", \"required\": true, \"pattern\": \"^(a+)+$\" }", ",\n  \"examples\": [" + examples + "]")));
            }
        }

        /// <summary>Request fields of every scalar kind, some required, some conditional on their neighbour, some constrained.</summary>
        private static string Fields(int count)
        {
            var fields = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                fields.Append(i == 0 ? string.Empty : ",\n      ");
                switch (i % 5)
                {
                    case 0: fields.Append(CultureInfo.InvariantCulture, $"{{ \"name\": \"field_{i}\", \"type\": \"string\", \"required\": true, \"maxLength\": 64 }}"); break;
                    case 1: fields.Append(CultureInfo.InvariantCulture, $"{{ \"name\": \"field_{i}\", \"type\": \"integer\", \"minimum\": 0, \"maximum\": 7200 }}"); break;
                    case 2: fields.Append(CultureInfo.InvariantCulture, $"{{ \"name\": \"field_{i}\", \"type\": \"boolean\", \"requiredWhen\": {{ \"field\": \"field_{i - 1}\", \"equals\": 1 }} }}"); break;
                    case 3: fields.Append(CultureInfo.InvariantCulture, $"{{ \"name\": \"field_{i}\", \"type\": \"integer\", \"format\": \"int64\" }}"); break;
                    default: fields.Append(CultureInfo.InvariantCulture, $"{{ \"name\": \"field_{i}\", \"type\": \"number\" }}"); break;
                }
            }

            return fields.ToString();
        }

        private static string Chain(int length)
        {
            var types = new StringBuilder("{ \"types\": [\n");
            for (int i = 0; i < length; i++)
            {
                string next = i + 1 < length ? $"{{ \"name\": \"next\", \"ref\": \"Link{i + 1}\" }}, " : string.Empty;
                types.Append(i == 0 ? "  " : ",\n  ").Append(CultureInfo.InvariantCulture, $"{{ \"typeName\": \"Link{i}\", \"type\": \"object\", \"fields\": [{next}{{ \"name\": \"value\", \"type\": \"integer\" }}] }}");
            }

            return types.Append("\n] }\n").ToString();
        }

        private static string Spec(string name, string requestFields, string tail) =>
            "{\n" +
            $"  \"name\": \"{name}\",\n  \"title\": \"Scaling benchmark\",\n  \"method\": \"POST\",\n  \"path\": \"/tcb/{name.ToLowerInvariant()}\",\n" +
            "  \"tokenKinds\": [\"authorizer_access_token\"],\n  \"retrySafe\": true,\n" +
            $"  \"request\": {{ \"fields\": [\n      {requestFields}\n    ] }}{tail}\n}}\n";
    }
}
