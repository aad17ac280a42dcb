using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// <c>--guard</c>: the CI regression guard. TcbGen cold against Refit cold at N = 100 and 1,000 in this process,
    /// interleaved round by round after a warm-up; the median of the rounds' ratios is compared with the baseline
    /// recorded in RESULTS.md (the rows that start <c>| guard |</c>) and fails when it is more than 25 % worse. A ratio
    /// of two runs made back to back does not depend on the machine's speed or its load at that moment, only on what
    /// each generator does. Run it with <c>DOTNET_TieredCompilation=0</c>, as CI does and as the baseline was taken.
    /// </summary>
    internal static class RegressionGuard
    {
        /// <summary>How much worse than the recorded ratio a run may be before the guard fails.</summary>
        public const double Tolerance = 1.25;

        private const int WarmupRounds = 2;
        private const int MeasuredRounds = 9;

        private static readonly Regex BaselineRow = new Regex(@"^\|\s*guard\s*\|\s*(\d+)\s*\|\s*([0-9.]+)\s*\|", RegexOptions.Multiline);

        /// <param name="slowedBy">When above 0, TcbGen is wrapped in <see cref="SlowedGenerator"/> (each spec read that many more times): the guard must then fail.</param>
        public static int Run(TextWriter output, string resultsPath, int slowedBy)
        {
            IReadOnlyDictionary<int, double> baseline = ReadBaseline(File.ReadAllText(resultsPath));
            if (baseline.Count == 0)
            {
                output.WriteLine($"Guard FAILED: no '| guard | N | ratio |' rows in {resultsPath}.");
                return 1;
            }

            Func<ISourceGenerator> tcb = slowedBy > 0 ? () => new SlowedGenerator(slowedBy).AsSourceGenerator() : RoslynHost.TcbGenerator;
            output.WriteLine($"Generator regression guard: TcbGen cold / Refit cold, the median ratio of {MeasuredRounds} interleaved rounds after {WarmupRounds} warm-up rounds{(slowedBy > 0 ? $"; TcbGen deliberately slowed (each spec read {slowedBy} more times)" : string.Empty)}.");
            output.WriteLine("| N | TcbGen median | Refit median | ratio | recorded | limit | |");
            output.WriteLine("|---:|---:|---:|---:|---:|---:|---|");
            if (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0")
            {
                output.WriteLine("Note: the baseline was taken with DOTNET_TieredCompilation=0 (as .ci/run runs it); with tiering on, the ratios swing widely between runs.");
            }

            var failures = new List<string>();
            foreach (KeyValuePair<int, double> row in baseline.OrderBy(r => r.Key))
            {
                (double tcbMs, double refitMs, double ratio) = Measure(new GeneratorScenario(row.Key, RoslynHost.DriverOptions, tcb));
                double limit = row.Value * Tolerance;
                bool ok = ratio <= limit;
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F1} ms | {2:F1} ms | {3:F2} | {4:F2} | {5:F2} | {6} |", row.Key, tcbMs, refitMs, ratio, row.Value, limit, ok ? "ok" : "FAIL"));
                if (!ok)
                {
                    failures.Add(string.Format(CultureInfo.InvariantCulture, "N = {0}: TcbGen/Refit = {1:F2}, more than 25 % above the recorded {2:F2}", row.Key, ratio, row.Value));
                }
            }

            if (failures.Count == 0)
            {
                output.WriteLine("Guard passed.");
                return 0;
            }

            output.WriteLine("Guard FAILED: the generator got slower relative to Refit. " + string.Join("; ", failures) + ".");
            output.WriteLine("If the slowdown is intended, re-measure and update the '| guard |' rows in " + resultsPath + ".");
            return 1;
        }

        /// <summary>The recorded ratio per N, from the rows <c>| guard | N | ratio | …</c>.</summary>
        public static IReadOnlyDictionary<int, double> ReadBaseline(string results) =>
            BaselineRow.Matches(results).Cast<Match>().ToDictionary(
                m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

        /// <summary>The median times, and the median of the rounds' own ratios (each from two runs made back to back).</summary>
        private static (double TcbMs, double RefitMs, double Ratio) Measure(GeneratorScenario scenario)
        {
            var tcb = new List<double>();
            var refit = new List<double>();
            var ratios = new List<double>();
            for (int round = 0; round < WarmupRounds + MeasuredRounds; round++)
            {
                // Alternate who goes first, so neither always runs on the other's garbage.
                bool tcbFirst = round % 2 == 0;
                double first = Time(tcbFirst ? scenario.TcbCold : scenario.RefitCold);
                double second = Time(tcbFirst ? scenario.RefitCold : scenario.TcbCold);
                if (round >= WarmupRounds)
                {
                    tcb.Add(tcbFirst ? first : second);
                    refit.Add(tcbFirst ? second : first);
                    ratios.Add(tcb[tcb.Count - 1] / refit[refit.Count - 1]);
                }
            }

            return (Median(tcb), Median(refit), Median(ratios));
        }

        private static double Time(Func<GeneratorDriver> run)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            GC.KeepAlive(run());
            return stopwatch.Elapsed.TotalMilliseconds;
        }

        private static double Median(List<double> values)
        {
            values.Sort();
            return values[values.Count / 2];
        }
    }
}
