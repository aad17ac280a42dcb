using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TcbGen.Benchmarks
{
    /// <summary>
    /// <c>dotnet run -c Release --project tests/TcbGen.Benchmarks -- [--short] [--in-process] [--verify] [BenchmarkDotNet options]</c>.
    /// <list type="bullet">
    /// <item><c>--filter '*'</c> (the default when no filter is given): everything; <c>--filter '*PerCall*'</c>, <c>'*GeneratorBenchmarks*'</c>, <c>'*BuiltInSpecs*'</c>, <c>'*TokenCache*'</c>: one class.</item>
    /// <item><c>--short</c>: one launch, one warmup and three measured iterations per case (the whole suite in minutes); <c>--iterations N</c> measures N instead of three (e.g. for percentiles).</item>
    /// <item><c>--in-process</c>: run the cases in this process instead of one process per case (no per-run build).</item>
    /// <item><c>--verify</c>: check that the benchmarks measure what they claim, then exit (no timing).</item>
    /// <item><c>--guard</c>: TcbGen cold against Refit cold at N = 100 and 1,000; fails when the ratio is 25 % worse than RESULTS.md records (CI). <c>--guard-slowed K</c> reads each spec K more times, to show it fails.</item>
    /// <item><c>--profile-generator [N] [--loop K]</c>: a cold generator run over N specs (default 1,000) stage by stage, and its allocations by type, then exit; with <c>--loop K</c>, only K cold runs for a profiler.</item>
    /// <item><c>--profile-edit [N] [--loop K]</c>: an unrelated <c>.cs</c> edit at N specs (default 2,000), TcbGen against Refit in interleaved rounds, and which steps ran; <c>--loop K</c> only repeats TcbGen's edit, for a profiler.</item>
    /// <item><c>--scaling</c>: generator time against spec width, ref chain length and example count under a backtracking pattern (issue 27), best of three each, then exit.</item>
    /// <item><c>--profile-scaling CASE...</c>: one scaling case's cold run stage by stage (e.g. <c>fields:100000</c>, <c>nested:100000</c>), then exit.</item>
    /// <item><c>--code-size</c>: the generated code per spec (lines, bytes), then exit.</item>
    /// <item><c>--profile-allocations [loopback]</c>: the per-call clients' allocations by type (in memory, or over the loopback socket, one caller and 1,000 concurrent), then exit.</item>
    /// <item><c>--filter '*Loopback*'</c>: the per-call clients over a real socket (Kestrel in a child process), one and 1,000 concurrent callers.</item>
    /// <item><c>--loopback-server</c>: that child process (Kestrel on 127.0.0.1:0, prints <c>port=N</c>); started by the benchmark itself.</item>
    /// <item><c>--refresh-storm</c>: 4 processes x 250 callers on one expired token through Redis (needs redis-server), then exit.</item>
    /// </list>
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var rest = new List<string>(args);
            bool shortRun = rest.Remove("--short");
            bool inProcess = rest.Remove("--in-process");
            if (rest.Remove("--loopback-server"))
            {
                return Loopback.LoopbackServer.RunAsync(Console.Out).GetAwaiter().GetResult();
            }

            if (rest.Remove("--verify"))
            {
                return Verification.Run(Console.Out);
            }

            if (rest.Remove("--refresh-storm"))
            {
                return Tokens.RefreshStorm.RunAsync(Console.Out).GetAwaiter().GetResult();
            }

            if (rest.Remove("--profile-edit"))
            {
                int loop = rest.IndexOf("--loop") is int at && at >= 0 && at + 1 < rest.Count ? int.Parse(rest[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
                int count = rest.Count > 0 && int.TryParse(rest[0], out int n) ? n : 2000;
                return Generator.EditProfile.Run(Console.Out, count, loop);
            }

            if (rest.Remove("--guard"))
            {
                int slowed = rest.IndexOf("--guard-slowed") is int at && at >= 0 && at + 1 < rest.Count ? int.Parse(rest[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
                return Generator.RegressionGuard.Run(Console.Out, Path.Combine(ProjectDirectory(), "RESULTS.md"), slowed);
            }

            if (rest.Remove("--profile-generator"))
            {
                int loop = rest.IndexOf("--loop") is int at && at >= 0 && at + 1 < rest.Count ? int.Parse(rest[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
                int count = rest.Count > 0 && int.TryParse(rest[0], out int n) ? n : 1000;
                return Generator.GeneratorProfile.Run(Console.Out, count, loop);
            }

            if (rest.Remove("--scaling"))
            {
                return Generator.ScalingBenchmarks.Measure(Console.Out, rest);
            }

            if (rest.Remove("--profile-scaling"))
            {
                return Generator.ScalingProfile.Run(Console.Out, rest);
            }

            if (rest.Remove("--code-size"))
            {
                return Generator.CodeSize.Run(Console.Out, Path.Combine(ProjectDirectory(), "..", "..", "specs"));
            }

            if (rest.Remove("--profile-allocations"))
            {
                return rest.Remove("loopback") ? Loopback.LoopbackAllocationProfile.Run(Console.Out) : PerCall.AllocationProfile.Run(Console.Out);
            }

            if (!rest.Any(a => a == "--filter" || a == "-f" || a.StartsWith("--filter=", StringComparison.Ordinal) || a == "--list"))
            {
                rest.Add("--filter");
                rest.Add("*");
            }

            int iterations = 3;
            int iterationsAt = rest.IndexOf("--iterations");
            if (iterationsAt >= 0 && iterationsAt + 1 < rest.Count)
            {
                iterations = int.Parse(rest[iterationsAt + 1], System.Globalization.CultureInfo.InvariantCulture);
                rest.RemoveRange(iterationsAt, 2);
            }

            Job job = shortRun
                ? Job.ShortRun.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(iterations).WithId("Short")
                : Job.Default.WithId("Full");
            if (inProcess)
            {
                job = job.WithToolchain(InProcessEmitToolchain.Instance);
            }

            IConfig config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(ProjectDirectory(), "BenchmarkDotNet.Artifacts"));
            if (!rest.Any(a => a == "--job" || a == "-j" || a.StartsWith("--job=", StringComparison.Ordinal)))
            {
                // BenchmarkDotNet's own --job (e.g. --job dry) replaces ours.
                config = config.AddJob(job);
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray(), config);
            return 0;
        }

        /// <summary>tests/TcbGen.Benchmarks, so results land beside the project whatever the working directory.</summary>
        internal static string ProjectDirectory() =>
            typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value
            ?? Directory.GetCurrentDirectory();
    }
}
