using System;
using System.Collections.Generic;
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
    /// Separate OS processes sharing tokens through one redis-server, against the emulator, which rotates the authorizer
    /// refresh token on every renewal.
    /// </summary>
    [Collection(WorkerProcessCollection.Name)]
    public sealed class ProcessTests
    {
        private const string AuthorizerAppId = "wx-processes";
        private static readonly TimeSpan Answer = TimeSpan.FromSeconds(90);
        private readonly ITestOutputHelper _output;

        public ProcessTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public async Task Four_processes_of_250_callers_across_several_expiries_all_succeed_with_one_fetch_per_expiry()
        {
            using RedisServer redis = RedisServer.Start();
            TimeSpan lifetime = TimeSpan.FromSeconds(6);
            TimeSpan margin = TimeSpan.FromSeconds(2);
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(new WeChatEmulatorOptions { TokenLifetime = lifetime });
            await Instances.SeedAsync(emulator, redis, AuthorizerAppId);
            WorkerProcess[] workers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => WorkerProcess.StartAsync(emulator, redis, AuthorizerAppId, "--margin-ms", "2000")));
            try
            {
                long until = DateTimeOffset.UtcNow.AddSeconds(11).ToUnixTimeMilliseconds();
                CallsResult[] results = (await Task.WhenAll(workers.Select(w => w.AskAsync("calls 250 " + until + " 1000", Answer)))).Select(CallsResult.Parse).ToArray();
                Array.ForEach(results, r => _output.WriteLine(r.ToString()));

                Assert.All(results, r => Assert.True(r.Failed == 0, "failed calls: " + r.Errors));
                Assert.True(results.Sum(r => r.Ok) >= 4 * 250 * 3, "calls made: " + results.Sum(r => r.Ok));
                foreach (string endpoint in new[] { WeChatEmulator.ComponentTokenEndpointName, WeChatEmulator.AuthorizerTokenEndpointName })
                {
                    // One fetch per expiry: several fetches in the run, and none sooner than a token's useful life after the last.
                    DateTimeOffset[] fetches = emulator.RequestsTo(endpoint).Where(r => r.Errcode is null or 0).Select(r => r.Timestamp).OrderBy(t => t).ToArray();
                    _output.WriteLine(endpoint + " fetched at " + string.Join(", ", fetches.Select(t => t.ToString("HH:mm:ss.fff"))));
                    // At least one renewal; 2 rather than 3 because on a loaded 2-core machine the workers may start calling seconds late.
                    Assert.InRange(fetches.Length, 2, 4);
                    Assert.All(fetches.Zip(fetches.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= lifetime - margin - TimeSpan.FromSeconds(1), endpoint + " fetched again after " + gap));
                }

                Assert.Equal(emulator.CurrentRefreshToken(AuthorizerAppId), await Instances.StoredRefreshTokenAsync(redis, emulator.ComponentAppId, AuthorizerAppId));
            }
            finally
            {
                Array.ForEach(workers, w => w.Dispose());
            }
        }

        [SkippableFact]
        public async Task When_the_lease_holder_is_killed_mid_refresh_another_process_completes_it_after_the_lease()
        {
            using RedisServer redis = RedisServer.Start();
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            await Instances.SeedAsync(emulator, redis, AuthorizerAppId);
            string[] settings = { "--lease-ms", "3000", "--attempt-ms", "2000", "--total-ms", "30000" };
            WorkerProcess[] workers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => WorkerProcess.StartAsync(emulator, redis, AuthorizerAppId, settings)));
            try
            {
                using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
                RedisKey lease = "tcbgen:" + emulator.ComponentAppId + ":lease:authorizer_access_token:" + AuthorizerAppId;
                emulator.ScriptLatency(WeChatEmulator.AuthorizerTokenEndpointName, TimeSpan.FromSeconds(30));

                workers[0].Send("call");
                var waited = Stopwatch.StartNew();
                while (!await connection.GetDatabase().KeyExistsAsync(lease) || emulator.PendingFaultCount(WeChatEmulator.AuthorizerTokenEndpointName) > 0)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the first worker never took the lease");
                    await Task.Delay(20);
                }

                Task<string>[] others = workers.Skip(1).Select(w => w.AskAsync("call", Answer)).ToArray();
                await Task.Delay(200);
                workers[0].Kill();

                Assert.All(await Task.WhenAll(others), answer => Assert.Equal("ok", answer));
                Assert.Equal(1, emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));
                Assert.Equal(emulator.CurrentRefreshToken(AuthorizerAppId), await Instances.StoredRefreshTokenAsync(redis, emulator.ComponentAppId, AuthorizerAppId));
            }
            finally
            {
                Array.ForEach(workers, w => w.Dispose());
            }
        }

        [SkippableFact]
        public async Task When_Redis_restarts_mid_run_with_AOF_no_refresh_token_is_lost_and_calls_recover()
        {
            using RedisServer redis = RedisServer.Start(appendOnly: true);
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(new WeChatEmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(6) });
            await Instances.SeedAsync(emulator, redis, AuthorizerAppId);
            WorkerProcess[] workers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => WorkerProcess.StartAsync(emulator, redis, AuthorizerAppId, "--margin-ms", "2000", "--staleness-ms", "1000")));
            try
            {
                long until = DateTimeOffset.UtcNow.AddSeconds(12).ToUnixTimeMilliseconds();
                Task<string>[] runs = workers.Select(w => w.AskAsync("calls 50 " + until + " 200", Answer)).ToArray();
                await Task.Delay(TimeSpan.FromSeconds(4));
                redis.Restart();
                long restarted = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                CallsResult[] results = (await Task.WhenAll(runs)).Select(CallsResult.Parse).ToArray();
                Array.ForEach(results, r => _output.WriteLine(r + " restarted at " + restarted));

                // While Redis is down, calls whose token needs renewing fail fast with the typed exception; none after it is back.
                Assert.All(results, r => Assert.True(r.Failed == 0 || (r.Errors.Split(',').All(e => e.StartsWith("TcbTokenUnavailableException", StringComparison.Ordinal)) && r.LastFailureUnixMs < restarted + 5000), "failures: " + r.Errors));
                Assert.True(emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind) >= 2, "no renewal after the restart");
                Assert.Equal(emulator.CurrentRefreshToken(AuthorizerAppId), await Instances.StoredRefreshTokenAsync(redis, emulator.ComponentAppId, AuthorizerAppId));
                Assert.All(await Task.WhenAll(workers.Select(w => w.AskAsync("call", Answer))), answer => Assert.Equal("ok", answer));
            }
            finally
            {
                Array.ForEach(workers, w => w.Dispose());
            }
        }

        [SkippableFact]
        public async Task A_token_dropped_after_40001_in_one_process_is_not_served_by_another_after_the_staleness_bound()
        {
            using RedisServer redis = RedisServer.Start();
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            await Instances.SeedAsync(emulator, redis, AuthorizerAppId);
            TimeSpan staleness = TimeSpan.FromSeconds(2);
            WorkerProcess[] workers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => WorkerProcess.StartAsync(emulator, redis, AuthorizerAppId, "--staleness-ms", "2000")));
            try
            {
                string rejected = await workers[0].AskAsync("token", Answer);
                Assert.Equal(rejected, await workers[1].AskAsync("token", Answer));

                emulator.ScriptErrcode("setCloudAccessToken", 40001);
                Assert.Equal("ok", await workers[0].AskAsync("call", Answer));
                var dropped = Stopwatch.StartNew();
                string renewed = await workers[0].AskAsync("token", Answer);
                Assert.NotEqual(rejected, renewed);

                // Pub/sub makes it immediate in practice; the staleness bound is the guarantee (asked once more past it).
                string served;
                do
                {
                    served = await workers[1].AskAsync("token", Answer);
                }
                while (served == rejected && dropped.Elapsed < staleness + TimeSpan.FromMilliseconds(500));

                Assert.Equal(renewed, served);
                Assert.Equal(2, emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));
            }
            finally
            {
                Array.ForEach(workers, w => w.Dispose());
            }
        }

        [SkippableFact]
        public async Task A_lease_is_extended_while_its_holder_waits_for_WeChat_so_no_second_instance_renews_the_same_key()
        {
            using RedisServer redis = RedisServer.Start();
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            await Instances.SeedAsync(emulator, redis, AuthorizerAppId);

            // The holder waits three leases for WeChat; it extends its lease every third of one, so the other waits for it.
            string[] settings = { "--lease-ms", "1000", "--attempt-ms", "20000" };
            WorkerProcess[] workers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => WorkerProcess.StartAsync(emulator, redis, AuthorizerAppId, settings)));
            try
            {
                emulator.ScriptLatency(WeChatEmulator.AuthorizerTokenEndpointName, TimeSpan.FromSeconds(3));
                Task<string> first = workers[0].AskAsync("call", Answer);
                var waited = Stopwatch.StartNew();
                while (emulator.PendingFaultCount(WeChatEmulator.AuthorizerTokenEndpointName) > 0)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the first renewal never reached the emulator");
                    await Task.Delay(20);
                }

                await Task.Delay(1200);
                Assert.Equal("ok", await workers[1].AskAsync("call", Answer));
                Assert.Equal("ok", await first);

                Assert.Single(emulator.RequestsTo(WeChatEmulator.AuthorizerTokenEndpointName));
                Assert.Equal(emulator.CurrentRefreshToken(AuthorizerAppId), await Instances.StoredRefreshTokenAsync(redis, emulator.ComponentAppId, AuthorizerAppId));
            }
            finally
            {
                Array.ForEach(workers, w => w.Dispose());
            }
        }
    }
}
