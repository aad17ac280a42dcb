using System.Collections.Generic;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace TcbGen.Benchmarks.Analyzers
{
    /// <summary>
    /// TCB1001 (<c>ConditionalRequirementAnalyzer</c>) over a file of 1,000 object creations, as an IDE analyses an open
    /// file. "after" is this build; "before" an earlier build of the analyzer, when <c>TCBGEN_BASELINE_ANALYZER</c> names
    /// its <c>TcbGen.Generator.dll</c> (the child processes inherit it), so both rows come from one run; "none" the same
    /// pass with an analyzer that only asks for the creations, so TCB1001's own share is the difference.
    /// </summary>
    [MemoryDiagnoser]
    public class ConditionalRequirementBenchmarks
    {
        private AnalyzerScenario _scenario = null!;

        [ParamsSource(nameof(Builds))]
        public string Build { get; set; } = "after";

        public static IEnumerable<string> Builds() =>
            System.Environment.GetEnvironmentVariable(AnalyzerScenario.BaselineVariable) is { Length: > 0 } ? new[] { "none", "before", "after" } : new[] { "none", "after" };

        [GlobalSetup]
        public void Setup() => _scenario = new AnalyzerScenario(AnalyzerScenario.Analyzer(Build));

        [Benchmark(Description = "TCB1001: 1,000 creations in one file")]
        public ImmutableArray<Diagnostic> OneFile() => _scenario.AnalyzeUserFile();
    }
}
