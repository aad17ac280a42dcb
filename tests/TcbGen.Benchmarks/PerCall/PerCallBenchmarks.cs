using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TcbGen.Benchmarks.Tcb;

namespace TcbGen.Benchmarks.PerCall
{
    /// <summary>
    /// One setCallBackConfig call (validate, serialize, POST, read <c>{"errcode":0,"errmsg":"ok"}</c>, check errcode)
    /// through an in-memory handler: the generated client, Refit, and the hand-written baseline.
    /// </summary>
    [MemoryDiagnoser]
    public class PerCallBenchmarks
    {
        private PerCallClients _clients = null!;

        [GlobalSetup]
        public void Setup() => _clients = new PerCallClients();

        [GlobalCleanup]
        public void Cleanup() => _clients.Dispose();

        [Benchmark(Description = "(a) TcbGen generated client")]
        public Task<SetCallBackConfigResponse> TcbGen() => _clients.Tcb.SetCallBackConfigAsync(_clients.TcbRequest);

        [Benchmark(Description = "(b) Refit + System.Text.Json")]
        public Task<SetCallBackConfigResponseDto> Refit() => _clients.Refit.SetCallBackConfigAsync(_clients.DtoRequest);

        [Benchmark(Baseline = true, Description = "(c) HttpClient + STJ source gen")]
        public Task<SetCallBackConfigResponseDto> HandWritten() => _clients.HandWritten.SetCallBackConfigAsync(_clients.DtoRequest);
    }
}
