using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// TcbGen over N synthetic setCallBackConfig-shaped specs against Refit's source generator over N equivalent
    /// interface methods, each in a CSharpGeneratorDriver as the compiler runs it (no step tracking). Ratios are to
    /// TcbGen's cold run for the same N.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
    public class GeneratorBenchmarks
    {
        private GeneratorScenario _scenario = null!;

        [Params(4, 100, 1000, 2000)]
        public int N { get; set; }

        [GlobalSetup]
        public void Setup() => _scenario = new GeneratorScenario(N, RoslynHost.DriverOptions);

        [Benchmark(Baseline = true, Description = "TcbGen: cold")]
        public GeneratorDriver TcbGenCold() => _scenario.TcbCold();

        [Benchmark(Description = "TcbGen: unrelated .cs edit")]
        public GeneratorDriver TcbGenUnrelatedEdit() => _scenario.TcbUnrelatedEdit();

        [Benchmark(Description = "TcbGen: one spec edited")]
        public GeneratorDriver TcbGenOneSpecEdited() => _scenario.TcbOneSpecEdited();

        [Benchmark(Description = "Refit: cold")]
        public GeneratorDriver RefitCold() => _scenario.RefitCold();

        [Benchmark(Description = "Refit: unrelated .cs edit")]
        public GeneratorDriver RefitUnrelatedEdit() => _scenario.RefitUnrelatedEdit();

        [Benchmark(Description = "Refit: one method edited")]
        public GeneratorDriver RefitOneMethodEdited() => _scenario.RefitOneMethodEdited();
    }
}
