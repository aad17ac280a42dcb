using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// What the built-in specs cost a consumer's build: TcbGen over the seeds only against TcbGen over every family (the
    /// package's default), cold, after an unrelated <c>.cs</c> edit, and after one spec edited. Compare the two sets
    /// within one run.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByMethod)]
    public class BuiltInSpecsBenchmarks
    {
        private BuiltInSpecsScenario _scenario = null!;

        [Params("seeds", "all")]
        public string Specs { get; set; } = "all";

        [GlobalSetup]
        public void Setup() => _scenario = new BuiltInSpecsScenario(Specs == "seeds", RoslynHost.DriverOptions);

        [Benchmark(Description = "TcbGen: cold")]
        public GeneratorDriver Cold() => _scenario.Cold();

        [Benchmark(Description = "TcbGen: unrelated .cs edit")]
        public GeneratorDriver UnrelatedEdit() => _scenario.UnrelatedEdit();

        [Benchmark(Description = "TcbGen: one spec edited")]
        public GeneratorDriver OneSpecEdited() => _scenario.OneSpecEdited();
    }
}
