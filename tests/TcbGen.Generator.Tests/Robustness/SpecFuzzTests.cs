using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Generator.Tests.Robustness.Fuzz;
using Xunit;
using Xunit.Abstractions;

namespace TcbGen.Generator.Tests.Robustness
{
    /// <summary>
    /// Fuzzes the generator with mutations of the seed and test specs (see <see cref="FuzzGen"/>) and checks the
    /// properties of <see cref="FuzzOracle"/> on every case. CI runs a fixed seed and 2,000 cases. Environment:
    /// <list type="bullet">
    /// <item><c>TCBGEN_FUZZ_CASES=50000</c>: how many cases (default 2000);</item>
    /// <item><c>TCBGEN_FUZZ_SEED=random</c> or a number: the run's seed (default the fixed CI seed); printed either way;</item>
    /// <item><c>TCBGEN_FUZZ_CASE=N</c>: run only case N of the seed, to replay a failure;</item>
    /// <item><c>TCBGEN_FUZZ_FROM=N</c>: start at case N (to resume or split a long run);</item>
    /// <item><c>TCBGEN_FUZZ_PROGRESS=/path/file</c>: append the counts every 500 cases (for long runs);</item>
    /// <item><c>TCBGEN_FUZZ_COMPILE_EVERY=N</c>: check property 3 on every Nth case only (default 1, all): compiling is
    /// most of a case's cost, so a long run on a busy machine can check properties 1, 2 and 4 on many more cases.</item>
    /// </list>
    /// A failure is shrunk (specs and mutations removed while it still fails) and the minimal specs are printed.
    /// </summary>
    public sealed class SpecFuzzTests
    {
        private const ulong CiSeed = 20261129;
        private const int CiCases = 2000;
        private const int CiV2Cases = 200;

        private readonly ITestOutputHelper _output;

        public SpecFuzzTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void GeneratorSurvivesMutatedSpecs()
        {
            IReadOnlyDictionary<string, string> seeds = SeedTexts();
            var gen = new FuzzGen(seeds.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList());
            Run("v1", seeds, CiCases, gen.Case, everyOutput: false);
        }

        /// <summary>
        /// Format v2 (issue 27): definitions files and <c>ref</c> chains (dropped or broken), error sets, constraints at the
        /// edges of int32, int64 and double, names from the generator's own members, keywords and case-folding pairs,
        /// GET/query fields, wide and deep specs (<see cref="V2Seeds"/>). Same environment variables as the v1 run; CI runs
        /// <see cref="CiV2Cases"/> cases (about a minute on two cores).
        /// </summary>
        [Fact]
        public void GeneratorSurvivesMutatedV2Specs()
        {
            ulong seed = ReadSeed();
            var seeds = new Dictionary<string, string>(SeedTexts());
            Dictionary<string, string> v2 = V2Seeds.Texts(seed);
            foreach (KeyValuePair<string, string> text in v2)
            {
                seeds[text.Key] = text.Value;
            }

            // The seeds themselves are valid: every TCB error of a case comes from its mutations.
            GeneratorOutcome unmutated = GeneratorHarness.Run(v2.Select(t => GeneratorHarness.Spec(t.Key, t.Value)));
            Assert.Empty(StrictCompile.TcbErrors(unmutated.GeneratorDiagnostics));

            var gen = new FuzzGen(seeds.Keys.Where(k => !v2.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList());
            List<string> v2Names = v2.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
            Run("v2", seeds, CiV2Cases, (runSeed, index) => gen.V2Case(runSeed, index, v2Names), everyOutput: true);
        }

        private void Run(string label, IReadOnlyDictionary<string, string> seeds, int ciCases, Func<ulong, int, FuzzCase> caseOf, bool everyOutput)
        {
            ulong seed = ReadSeed();
            int cases = int.TryParse(Environment.GetEnvironmentVariable("TCBGEN_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : ciCases;
            int? only = int.TryParse(Environment.GetEnvironmentVariable("TCBGEN_FUZZ_CASE"), NumberStyles.None, CultureInfo.InvariantCulture, out int c) ? c : null;

            int done = 0, definitelyInvalid = 0, withTcbError = 0, compiled = 0, specs = 0, noTcbError = 0;
            long slowest = 0;
            var failures = new List<(int Index, FuzzCase Case, string Failure)>();
            string? progress = Environment.GetEnvironmentVariable("TCBGEN_FUZZ_PROGRESS");
            int compileEvery = int.TryParse(Environment.GetEnvironmentVariable("TCBGEN_FUZZ_COMPILE_EVERY"), NumberStyles.None, CultureInfo.InvariantCulture, out int every) && every > 0 ? every : 1;
            int from = int.TryParse(Environment.GetEnvironmentVariable("TCBGEN_FUZZ_FROM"), NumberStyles.None, CultureInfo.InvariantCulture, out int f) ? f : 0;
            IEnumerable<int> indices = only is int single ? new[] { single } : Enumerable.Range(from, cases);
            Parallel.ForEach(indices, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(2, Environment.ProcessorCount) }, (index, state) =>
            {
                FuzzCase fuzzCase = caseOf(seed, index);
                FuzzVerdict verdict;
                try
                {
                    verdict = FuzzOracle.Check(fuzzCase, seeds, compile: index % compileEvery == 0, everyOutput);
                }
                catch (Exception exception)
                {
                    // A bug of the test itself, reported like a failure so the case can be replayed.
                    verdict = new FuzzVerdict($"the fuzz oracle threw: {exception}", 0, 0, false, 0);
                }
                lock (failures)
                {
                    done++;
                    specs += fuzzCase.Specs.Count;
                    definitelyInvalid += verdict.DefinitelyInvalid;
                    withTcbError += verdict.TcbErrors > 0 ? 1 : 0;
                    compiled += verdict.Compiled ? 1 : 0;
                    noTcbError += verdict.NoTcbError ? 1 : 0;
                    slowest = Math.Max(slowest, verdict.GenerationMs);
                    if (progress != null && done % 500 == 0)
                    {
                        File.AppendAllText(progress, $"{DateTime.UtcNow:HH:mm:ss} {label} seed {seed}: {done} cases, {specs} specs, {definitelyInvalid} definitely invalid, {withTcbError} with TCB errors, {compiled} of {noTcbError} without TCB errors compiled clean, slowest generation {slowest} ms, failures {failures.Count}\n");
                    }

                    if (verdict.Failure != null)
                    {
                        failures.Add((index, fuzzCase, verdict.Failure));
                        if (progress != null)
                        {
                            File.AppendAllText(progress, $"{DateTime.UtcNow:HH:mm:ss} {label} seed {seed}: case {index} FAILED: {verdict.Failure}\n");
                        }
                        if (failures.Count >= 3)
                        {
                            state.Stop();
                        }
                    }
                }
            });

            string summary =
                $"TcbGen spec fuzz ({label}): seed {seed} (replay: TCBGEN_FUZZ_SEED={seed} TCBGEN_FUZZ_CASES={cases}), {done} cases, {specs} specs.\n" +
                $"  (1) generator never throws, no CS8785/TCB0099: held in {done - failures.Count(f => f.Failure.StartsWith("(1)", StringComparison.Ordinal))} of {done} cases\n" +
                $"  (2) TCB errors located in their file: {withTcbError} cases had TCB errors; {definitelyInvalid} specs definitely invalid by an independent reader, each with a located TCB error unless listed below\n" +
                $"  (3) cases with no TCB error: {noTcbError}; compiled with 0 errors and 0 warnings at WarningLevel 9999 in C# 8 (nullable on and off) and latest: {compiled} (and every case's generated output, TCB errors or not, compiled clean){(compileEvery > 1 ? $" (every {compileEvery}th case compiled)" : string.Empty)}\n" +
                $"  (4) slowest generator run {slowest} ms (linear bound: {FuzzOracle.TimeBound.TotalSeconds} s + {FuzzOracle.MicrosecondsPerChar} µs per character)\n" +
                $"  failures: {failures.Count}; time in generator runs {FuzzOracle.GenerateMs / 1000} s, in {FuzzOracle.Compilations} compilations {FuzzOracle.CompileMs / 1000} s (summed over threads)";
            _output.WriteLine(summary);
            Console.WriteLine(summary);
            if (failures.Count == 0)
            {
                return;
            }

            (int failedIndex, FuzzCase failed, string failure) = failures.OrderBy(f => f.Index).First();
            (FuzzCase minimal, string minimalFailure) = Shrink(failed, failure, seeds, everyOutput);
            var report = new StringBuilder();
            report.AppendLine(summary);
            report.AppendLine($"Case {failedIndex} failed (replay alone: TCBGEN_FUZZ_SEED={seed} TCBGEN_FUZZ_CASE={failedIndex}): {failure}");
            report.AppendLine($"Shrunk from {failed.Size} to {minimal.Size} (specs + mutations): {minimalFailure}");
            foreach (FuzzSpec spec in minimal.Specs)
            {
                string text = spec.Text(seeds);
                report.AppendLine($"--- {spec.Path} from seed {spec.SeedName}; mutations: {string.Join("; ", spec.Mutations)}");
                report.AppendLine(text.Length > 6000 ? text.Substring(0, 6000) + $"\n…({text.Length} chars)" : text);
            }

            _output.WriteLine(report.ToString());
            Assert.Fail(report.ToString());
        }

        /// <summary>Removes specs and mutations one at a time, as long as the case still fails.</summary>
        private static (FuzzCase Case, string Failure) Shrink(FuzzCase failed, string failure, IReadOnlyDictionary<string, string> seeds, bool everyOutput)
        {
            bool smaller = true;
            while (smaller)
            {
                smaller = false;
                foreach (FuzzCase candidate in failed.Smaller())
                {
                    string? again = FuzzOracle.Check(candidate, seeds, everyOutput: everyOutput).Failure;
                    if (again != null)
                    {
                        (failed, failure, smaller) = (candidate, again, true);
                        break;
                    }
                }
            }

            return (failed, failure);
        }

        private static ulong ReadSeed()
        {
            string? value = Environment.GetEnvironmentVariable("TCBGEN_FUZZ_SEED");
            if (string.Equals(value, "random", StringComparison.OrdinalIgnoreCase))
            {
                return (ulong)Random.Shared.NextInt64(1, long.MaxValue);
            }

            return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed) ? seed : CiSeed;
        }

        private static IReadOnlyDictionary<string, string> SeedTexts() =>
            Directory.GetFiles(Paths.SpecsDirectory, "*.tcb.json")
                .Concat(Directory.GetFiles(Path.Combine(Paths.TestsDirectory, "TestSpecs"), "*.tcb.json"))
                .ToDictionary(path => Path.GetFileName(path), File.ReadAllText);
    }
}
