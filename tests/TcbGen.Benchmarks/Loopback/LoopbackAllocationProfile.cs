using System.IO;
using TcbGen.Benchmarks.PerCall;

namespace TcbGen.Benchmarks.Loopback
{
    /// <summary>
    /// <c>--profile-allocations loopback</c>: <see cref="AllocationProfile"/> over <see cref="LoopbackBenchmarks"/>'
    /// operations, against the same child-process server: where each client's bytes go over a real socket, one caller
    /// and <see cref="LoopbackBenchmarks.Callers"/> concurrent callers.
    /// </summary>
    internal static class LoopbackAllocationProfile
    {
        private const int SequentialCalls = 40_000;
        private const int ConcurrentCalls = 100_000;

        public static int Run(TextWriter output)
        {
            var benchmarks = new LoopbackBenchmarks();
            benchmarks.Setup();
            try
            {
                output.WriteLine("Sequential (one call per operation):");
                AllocationProfile.Profile(output, "(a) TcbGen generated client", benchmarks.TcbGenSequential, calls: SequentialCalls);
                AllocationProfile.Profile(output, "(b) Refit + System.Text.Json", benchmarks.RefitSequential, calls: SequentialCalls);
                AllocationProfile.Profile(output, "(c) HttpClient + STJ source gen", benchmarks.HandWrittenSequential, calls: SequentialCalls);
                output.WriteLine($"Concurrent ({LoopbackBenchmarks.Callers:N0} calls per operation):");
                AllocationProfile.Profile(output, "(a) TcbGen generated client", benchmarks.TcbGenConcurrent, LoopbackBenchmarks.Callers, ConcurrentCalls);
                AllocationProfile.Profile(output, "(b) Refit + System.Text.Json", benchmarks.RefitConcurrent, LoopbackBenchmarks.Callers, ConcurrentCalls);
                AllocationProfile.Profile(output, "(c) HttpClient + STJ source gen", benchmarks.HandWrittenConcurrent, LoopbackBenchmarks.Callers, ConcurrentCalls);
                return 0;
            }
            finally
            {
                benchmarks.Cleanup();
            }
        }
    }
}
