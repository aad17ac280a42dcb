using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using StackExchange.Redis;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TcbGen.Redis.Tests
{
    /// <summary>
    /// A redis-server stopped with SIGSTOP (a long fork, a paused VM, a partition): connections stay open and nothing answers,
    /// so StackExchange.Redis's commands end in a <see cref="RedisTimeoutException"/>, which is a <see cref="TimeoutException"/>.
    /// </summary>
    public sealed class HungRedisTests
    {
        private const string AuthorizerAppId = "wx-hung";
        private static readonly TimeSpan Answer = TimeSpan.FromSeconds(60);
        private readonly ITestOutputHelper _output;

        public HungRedisTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public async Task While_Redis_hangs_tokens_held_in_process_keep_serving_and_a_call_that_needs_Redis_fails_fast_naming_the_cause()
        {
            using RedisServer redis = RedisServer.Start();
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            await Instances.SeedAsync(emulator, redis, AuthorizerAppId);

            // A short staleness bound, so the first level asks Redis again during the hang.
            WorkerProcess[] workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WorkerProcess.StartAsync(emulator, redis, AuthorizerAppId, "--staleness-ms", "300")));
            try
            {
                Assert.Equal("ok", await workers[0].AskAsync("call", Answer));
                Assert.Equal("ok", await workers[1].AskAsync("call", Answer));
                redis.Pause();

                long until = DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeMilliseconds();
                Task<string>[] runs = workers.Take(2).Select(w => w.AskAsync("calls 50 " + until + " 50", Answer)).ToArray();

                // The third worker holds no token: its call needs Redis, and fails within the command timeout (1 s), not 5 s.
                var asked = Stopwatch.StartNew();
                string needsRedis = await workers[2].AskAsync("call", Answer);
                asked.Stop();
                CallsResult[] results = (await Task.WhenAll(runs)).Select(CallsResult.Parse).ToArray();
                Array.ForEach(results, r => _output.WriteLine(r.ToString()));
                _output.WriteLine(needsRedis + " after " + asked.ElapsedMilliseconds + " ms");

                Assert.All(results, r => Assert.True(r.Failed == 0 && r.Ok > 0, "while Redis hung: " + r));
                Assert.StartsWith("error TcbTokenUnavailableException 0 Redis did not answer within 1000 ms", needsRedis);
                Assert.True(asked.Elapsed < TimeSpan.FromSeconds(3), "the call that needed Redis took " + asked.ElapsedMilliseconds + " ms");
            }
            finally
            {
                redis.Resume();
                Array.ForEach(workers, w => w.Dispose());
            }

            Assert.Equal(1, emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));
        }
    }
}
