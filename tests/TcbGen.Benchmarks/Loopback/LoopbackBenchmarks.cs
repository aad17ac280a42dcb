using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using TcbGen.Benchmarks.PerCall;
using TcbGen.Benchmarks.Tcb;

namespace TcbGen.Benchmarks.Loopback
{
    /// <summary>
    /// One setCallBackConfig call over a real socket: Kestrel on 127.0.0.1 in a child process (<see cref="LoopbackServerProcess"/>),
    /// so the clients' async state machines really suspend, unlike the in-memory <see cref="PerCallBenchmarks"/>.
    /// Two scenarios, each its own category with the hand-written client as baseline: one call per operation, and
    /// <see cref="Callers"/> concurrent calls per operation (reported per call). The three clients run in one class so
    /// one run gives every ratio.
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [Config(typeof(PercentilesConfig))]
    public class LoopbackBenchmarks
    {
        /// <summary>Concurrent callers in one operation of the concurrent scenario.</summary>
        public const int Callers = 1_000;

        private const string Sequential = "Sequential";
        private const string Concurrent = "Concurrent x1000";

        private readonly Task[] _burst = new Task[Callers];
        private LoopbackServerProcess _server = null!;
        private LoopbackClients _clients = null!;

        /// <summary>The clients, for <see cref="LoopbackVerification"/>.</summary>
        internal LoopbackClients Clients => _clients;

        /// <summary>The server's address, for <see cref="LoopbackVerification"/>.</summary>
        internal Uri ServerAddress => _server.BaseAddress;

        [GlobalSetup]
        public void Setup()
        {
            _server = LoopbackServerProcess.Start();
            _clients = new LoopbackClients(_server.BaseAddress);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _clients.Dispose();
            _server.Dispose();
        }

        [BenchmarkCategory(Sequential), Benchmark(Description = "(a) TcbGen generated client")]
        public Task<SetCallBackConfigResponse> TcbGenSequential() => _clients.Tcb.SetCallBackConfigAsync(_clients.TcbRequest);

        [BenchmarkCategory(Sequential), Benchmark(Description = "(b) Refit + System.Text.Json")]
        public Task<SetCallBackConfigResponseDto> RefitSequential() => _clients.Refit.SetCallBackConfigAsync(_clients.DtoRequest);

        [BenchmarkCategory(Sequential), Benchmark(Baseline = true, Description = "(c) HttpClient + STJ source gen")]
        public Task<SetCallBackConfigResponseDto> HandWrittenSequential() => _clients.HandWritten.SetCallBackConfigAsync(_clients.DtoRequest);

        [BenchmarkCategory(Concurrent), Benchmark(OperationsPerInvoke = Callers, Description = "(a) TcbGen generated client")]
        public Task TcbGenConcurrent() => Burst(static clients => clients.Tcb.SetCallBackConfigAsync(clients.TcbRequest));

        [BenchmarkCategory(Concurrent), Benchmark(OperationsPerInvoke = Callers, Description = "(b) Refit + System.Text.Json")]
        public Task RefitConcurrent() => Burst(static clients => clients.Refit.SetCallBackConfigAsync(clients.DtoRequest));

        [BenchmarkCategory(Concurrent), Benchmark(OperationsPerInvoke = Callers, Baseline = true, Description = "(c) HttpClient + STJ source gen")]
        public Task HandWrittenConcurrent() => Burst(static clients => clients.HandWritten.SetCallBackConfigAsync(clients.DtoRequest));

        /// <summary>Starts <see cref="Callers"/> calls from this thread, then waits for all of them (one reused array, so the harness adds nothing per call).</summary>
        internal Task Burst(Func<LoopbackClients, Task> call)
        {
            for (int i = 0; i < _burst.Length; i++)
            {
                _burst[i] = call(_clients);
            }

            return Task.WhenAll(_burst);
        }

        /// <summary>Median and tail columns beside the mean (BenchmarkDotNet's percentiles are over the measured iterations' per-call means).</summary>
        private sealed class PercentilesConfig : ManualConfig
        {
            public PercentilesConfig()
            {
                AddColumn(StatisticColumn.P50, new P99Column());
            }
        }
    }
}
