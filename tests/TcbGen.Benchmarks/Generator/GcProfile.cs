using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// How much of a cold run is the garbage collector's: TcbGen and Refit cold, each run after a full collection, with the
    /// collections by generation and the time the runtime paused for them (<see cref="GC.GetTotalPauseDuration"/>).
    /// </summary>
    internal static class GcProfile
    {
        private const int Rounds = 5;

        public static void Run(TextWriter output, GeneratorScenario scenario)
        {
            output.WriteLine();
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "Garbage collection in a cold run, N = {0} (median of {1} runs, each after a full collection):", scenario.Count, Rounds));
            output.WriteLine("| generator | time | GC pause | pause share | gen0 / gen1 / gen2 collections | allocated |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|");
            Row(output, "TcbGen", () => scenario.TcbCold());
            Row(output, "Refit", () => scenario.RefitCold());
        }

        private static void Row(TextWriter output, string name, Action run)
        {
            var samples = new (double Ms, double PauseMs, int Gen0, int Gen1, int Gen2, long Bytes)[Rounds];
            run();
            for (int i = 0; i < Rounds; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                TimeSpan pause = GC.GetTotalPauseDuration();
                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                run();
                clock.Stop();
                samples[i] = (
                    clock.Elapsed.TotalMilliseconds,
                    (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
                    GC.CollectionCount(0) - gen0,
                    GC.CollectionCount(1) - gen1,
                    GC.CollectionCount(2) - gen2,
                    GC.GetAllocatedBytesForCurrentThread() - bytes);
            }

            Array.Sort(samples, (a, b) => a.Ms.CompareTo(b.Ms));
            var median = samples[Rounds / 2];
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1:F1} ms | {2:F1} ms | {3:P0} | {4} / {5} / {6} | {7:N0} KB |",
                name,
                median.Ms,
                median.PauseMs,
                median.PauseMs / median.Ms,
                median.Gen0,
                median.Gen1,
                median.Gen2,
                median.Bytes / 1024));
        }
    }
}
