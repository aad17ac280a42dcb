using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using TcbGen.Benchmarks.PerCall;

namespace TcbGen.Benchmarks.Loopback
{
    /// <summary>
    /// The <c>--verify</c> part of <see cref="LoopbackBenchmarks"/>: against the real child-process server, each
    /// client's call reads errcode 0 (once, and in a burst of <see cref="LoopbackBenchmarks.Callers"/>), and the server
    /// really checks what it is sent (a wrong token reads errcode 40001).
    /// </summary>
    internal static class LoopbackVerification
    {
        public static void Run(TextWriter output, Action<bool, string> check)
        {
            var benchmarks = new LoopbackBenchmarks();
            benchmarks.Setup();
            try
            {
                LoopbackClients clients = benchmarks.Clients;
                output.WriteLine("  info  Kestrel in a child process at " + benchmarks.ServerAddress);
                var tcb = benchmarks.TcbGenSequential().GetAwaiter().GetResult();
                check(tcb.ErrorCode == 0 && tcb.ErrorMessage == "ok", $"(a) TcbGen over the socket: errcode {tcb.ErrorCode}, errmsg {tcb.ErrorMessage}");
                var refit = benchmarks.RefitSequential().GetAwaiter().GetResult();
                check(refit.ErrCode == 0 && refit.ErrMsg == "ok", $"(b) Refit over the socket: errcode {refit.ErrCode}, errmsg {refit.ErrMsg}");
                var hand = benchmarks.HandWrittenSequential().GetAwaiter().GetResult();
                check(hand.ErrCode == 0 && hand.ErrMsg == "ok", $"(c) hand-written over the socket: errcode {hand.ErrCode}, errmsg {hand.ErrMsg}");

                foreach ((string name, Func<Task> burst) in new (string, Func<Task>)[]
                {
                    ("(a) TcbGen", benchmarks.TcbGenConcurrent),
                    ("(b) Refit", benchmarks.RefitConcurrent),
                    ("(c) hand-written", benchmarks.HandWrittenConcurrent),
                })
                {
                    Exception? failure = null;
                    try
                    {
                        burst().GetAwaiter().GetResult();
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }

                    check(failure is null, $"{name}: {LoopbackBenchmarks.Callers:N0} concurrent calls all read errcode 0{(failure is null ? string.Empty : ": " + failure.GetType().Name + " " + failure.Message)}");
                }

                using var http = new HttpClient();
                var wrongToken = new HandWrittenSetCallBackConfigClient(http, static () => "not-the-token", benchmarks.ServerAddress);
                string? refused = null;
                try
                {
                    wrongToken.SetCallBackConfigAsync(clients.DtoRequest).GetAwaiter().GetResult();
                }
                catch (InvalidOperationException e)
                {
                    refused = e.Message;
                }

                check(refused?.Contains("errcode 40001", StringComparison.Ordinal) == true, "the server checks the token: a wrong one reads " + (refused ?? "errcode 0"));
            }
            finally
            {
                benchmarks.Cleanup();
            }
        }
    }
}
