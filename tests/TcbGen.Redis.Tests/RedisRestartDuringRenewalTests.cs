using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TcbGen.Redis.Tests
{
    /// <summary>
    /// Redis (with AOF) dies while a lease holder waits for WeChat and comes back: the holder's store and release fail, and
    /// the restarted Redis replays the lease from its AOF with the rest of its time to live.
    /// </summary>
    public sealed class RedisRestartDuringRenewalTests
    {
        private const string AuthorizerAppId = "wx-restart";
        private static readonly TimeSpan Answer = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
        private readonly ITestOutputHelper _output;

        public RedisRestartDuringRenewalTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public async Task The_holder_uses_its_token_and_after_the_restart_the_next_caller_waits_at_most_the_lease_renewal_interval()
        {
            using RedisServer redis = RedisServer.Start(appendOnly: true);
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            await Instances.SeedAsync(emulator, redis, AuthorizerAppId);
            string[] settings = { "--lease-ms", ((int)Lease.TotalMilliseconds).ToString(), "--attempt-ms", "10000" };
            WorkerProcess[] workers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => WorkerProcess.StartAsync(emulator, redis, AuthorizerAppId, settings)));
            try
            {
                // Both workers hold the component token; the authorizer token is renewed by worker 0 alone.
                Assert.Equal("ok", await workers[1].AskAsync("renew", Answer));
                emulator.ScriptLatency(WeChatEmulator.AuthorizerTokenEndpointName, TimeSpan.FromMilliseconds(1500));
                Task<string> holder = workers[0].AskAsync("renew", Answer);
                var waited = Stopwatch.StartNew();
                while (emulator.PendingFaultCount(WeChatEmulator.AuthorizerTokenEndpointName) > 0)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the renewal never reached the emulator");
                    await Task.Delay(10);
                }

                redis.Kill();
                string held = await holder;
                Assert.True(held == "ok", held); // its token was renewed; storing it failed, and it serves anyway
                redis.StartAgain();

                // Until the connection is back, a caller that needs Redis fails fast; the stall is until a renewal succeeds.
                var stalled = Stopwatch.StartNew();
                string next;
                while ((next = await workers[1].AskAsync("renew", Answer)) != "ok" && stalled.Elapsed < Lease * 2)
                {
                    Assert.StartsWith("error TcbTokenUnavailableException", next);
                    await Task.Delay(100);
                }

                stalled.Stop();
                Assert.True(next == "ok", next);
                _output.WriteLine("after the restart the next renewal succeeded after " + stalled.ElapsedMilliseconds + " ms (lease " + Lease.TotalMilliseconds + " ms)");

                TimeSpan renewalInterval = Lease / 3;
                Assert.True(stalled.Elapsed <= renewalInterval, "stalled " + stalled.ElapsedMilliseconds + " ms, more than the lease-renewal interval " + renewalInterval.TotalMilliseconds + " ms");
                string? stored = null;
                for (var saving = Stopwatch.StartNew(); saving.Elapsed < TimeSpan.FromSeconds(10) && (stored = await Instances.StoredRefreshTokenAsync(redis, emulator.ComponentAppId, AuthorizerAppId)) != emulator.CurrentRefreshToken(AuthorizerAppId);)
                {
                    await Task.Delay(50);
                }

                Assert.Equal(emulator.CurrentRefreshToken(AuthorizerAppId), stored);
            }
            finally
            {
                Array.ForEach(workers, w => w.Dispose());
            }
        }
    }
}
