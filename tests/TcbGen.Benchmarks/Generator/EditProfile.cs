using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// <c>--profile-edit [N] [--loop K]</c>: an unrelated <c>.cs</c> edit at N specs, TcbGen against Refit in 40 interleaved
    /// rounds (the median of the rounds' ratios), then which pipeline steps ran. With <c>--loop K</c> it only repeats
    /// TcbGen's edit K times, for a profiler to attach to (<c>dotnet-trace collect -- dotnet TcbGen.Benchmarks.dll
    /// --profile-edit 2000 --loop 400</c>).
    /// </summary>
    internal static class EditProfile
    {
        private const int WarmupRounds = 5;
        private const int MeasuredRounds = 40;

        public static int Run(TextWriter output, int count, int loop)
        {
            var scenario = new GeneratorScenario(count, RoslynHost.DriverOptions);
            if (loop > 0)
            {
                for (int i = 0; i < loop; i++)
                {
                    scenario.TcbUnrelatedEdit();
                }

                return 0;
            }

            var tcb = new List<double>();
            var refit = new List<double>();
            var ratios = new List<double>();
            for (int round = 0; round < WarmupRounds + MeasuredRounds; round++)
            {
                double tcbMs = Time(() => scenario.TcbUnrelatedEdit());
                double refitMs = Time(() => scenario.RefitUnrelatedEdit());
                if (round >= WarmupRounds)
                {
                    tcb.Add(tcbMs);
                    refit.Add(refitMs);
                    ratios.Add(tcbMs / refitMs);
                }
            }

            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "Unrelated .cs edit, N = {0}: TcbGen {1:F2} ms, Refit {2:F2} ms, ratio {3:F3} (medians of {4} interleaved rounds).", count, Median(tcb), Median(refit), Median(ratios), MeasuredRounds));

            GeneratorRunResult result = new GeneratorScenario(count, RoslynHost.TrackingDriverOptions).TcbUnrelatedEdit().GetRunResult().Results[0];
            foreach (KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> step in result.TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                string reasons = string.Join(", ", step.Value.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key} {g.Count()}"));
                output.WriteLine($"  {step.Key}: {reasons}");
            }

            return 0;
        }

        private static double Time(Func<GeneratorDriver> run)
        {
            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            run();
            return stopwatch.Elapsed.TotalMilliseconds;
        }

        private static double Median(List<double> values)
        {
            List<double> sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }
    }
}
