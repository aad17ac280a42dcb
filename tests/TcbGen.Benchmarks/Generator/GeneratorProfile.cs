using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator;
using TcbGen.Generator.Emit;
using TcbGen.Specs;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// <c>--profile-generator [N]</c>: where a cold TcbGen run over N synthetic specs spends its time and memory. Each stage
    /// of the pipeline is run on its own (reading the specs, the cross-spec check, emitting the text, Roslyn parsing that
    /// text as the driver does with every added source), then the whole driver cold; and the driver's allocations by type,
    /// sampled by the runtime's AllocationTick events (one per ~100 KB). With <c>--loop K</c> it only runs the driver cold K
    /// times, for a profiler to sample (<c>dotnet-trace collect -- dotnet TcbGen.Benchmarks.dll --profile-generator 1000 --loop 100</c>).
    /// </summary>
    internal static class GeneratorProfile
    {
        public static int Run(TextWriter output, int count, int loop)
        {
            var scenario = new GeneratorScenario(count, RoslynHost.DriverOptions);
            if (loop > 0)
            {
                for (int i = 0; i < loop; i++)
                {
                    scenario.TcbCold();
                }

                return 0;
            }

            var options = new GenerationOptions("Bench.Tcb", UseRequiredMembers: true, LanguageVersionSupported: true);
            List<ParsedSpec> parsed = null!;
            CrossSpecResult checkedSpecs = null!;
            List<Microsoft.CodeAnalysis.Text.SourceText> texts = null!;

            for (int round = 0; round < 3; round++)
            {
                var stages = new List<(string Stage, double Ms, long Bytes)>
                {
                    Stage("read the specs (SpecParser)", () => parsed = scenario.Specs.Select(s => SpecParser.Parse(s.Path, s.GetText()!.ToString())).ToList()),
                    Stage("cross-spec check", () => checkedSpecs = CrossSpecChecker.Check(parsed)),
                    Stage("emit the text (EndpointFileEmitter)", () => texts = checkedSpecs.Accepted.Select(s => EndpointFileEmitter.Emit(s, options)).ToList()),
                    Stage("Roslyn parses the text (as the driver does)", () => texts.ForEach(t => CSharpSyntaxTree.ParseText(t, RoslynHost.ParseOptions).GetRoot())),
                    Stage("whole driver, cold", () => scenario.TcbCold()),
                };
                if (round < 2)
                {
                    continue;
                }

                output.WriteLine($"Cold TcbGen, N = {count}, stage by stage (third round):");
                output.WriteLine("| stage | time | allocated |");
                output.WriteLine("|---|---:|---:|");
                foreach ((string stage, double ms, long bytes) in stages)
                {
                    output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F1} ms | {2:N0} KB |", stage, ms, bytes / 1024));
                }

                long emitted = texts.Sum(t => (long)t.Length);
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "Generated text: {0:N0} chars in {1} files, SHA-256 {2} (equal before and after a change that keeps the output).", emitted, texts.Count, Hash(texts)));
            }

            EmitterProfile.Run(output, checkedSpecs.Accepted, options);
            GcProfile.Run(output, scenario);
            ByType(output, "Reading the specs", 8, () => scenario.Specs.Select(s => SpecParser.Parse(s.Path, s.GetText()!.ToString())).ToList());
            ByType(output, "Emitting the text", 8, () => checkedSpecs.Accepted.Select(s => EndpointFileEmitter.Emit(s, options)).ToList());
            ByType(output, "Whole driver, cold", 15, () => scenario.TcbCold());
            return 0;
        }

        private static string Hash(List<Microsoft.CodeAnalysis.Text.SourceText> texts)
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            foreach (Microsoft.CodeAnalysis.Text.SourceText text in texts)
            {
                byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());
                sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
            }

            sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            return Convert.ToHexString(sha.Hash!).Substring(0, 16);
        }

        private static void ByType(TextWriter output, string what, int top, Action action)
        {
            using var listener = new AllocationListener();
            action();
            listener.Stop();
            output.WriteLine();
            output.WriteLine($"{what}: allocations by type (sampled, top {top}):");
            output.WriteLine("| type | sampled KB | share |");
            output.WriteLine("|---|---:|---:|");
            long total = listener.ByType.Values.Sum();
            foreach (KeyValuePair<string, long> entry in listener.ByType.OrderByDescending(e => e.Value).Take(top))
            {
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| `{0}` | {1:N0} | {2:P1} |", entry.Key, entry.Value / 1024, (double)entry.Value / total));
            }
        }

        private static (string, double, long) Stage(string name, Action action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            action();
            stopwatch.Stop();
            return (name, stopwatch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        /// <summary>Sums the runtime's GCAllocationTick events (keyword GC, verbose) by type name.</summary>
        private sealed class AllocationListener : EventListener
        {
            private volatile bool _stopped;

            public Dictionary<string, long> ByType { get; } = new Dictionary<string, long>(StringComparer.Ordinal);

            public void Stop() => _stopped = true;

            protected override void OnEventSourceCreated(EventSource eventSource)
            {
                if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
                {
                    EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
                }
            }

            protected override void OnEventWritten(EventWrittenEventArgs eventData)
            {
                if (_stopped || eventData.EventName == null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload == null)
                {
                    return;
                }

                int typeIndex = eventData.PayloadNames!.IndexOf("TypeName");
                int amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
                string type = typeIndex >= 0 ? eventData.Payload[typeIndex] as string ?? "?" : "?";
                long amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], CultureInfo.InvariantCulture) : 100 * 1024;
                lock (ByType)
                {
                    ByType[type] = ByType.TryGetValue(type, out long sum) ? sum + amount : amount;
                }
            }
        }
    }
}
