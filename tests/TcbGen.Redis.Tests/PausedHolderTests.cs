using System;
using System.Diagnostics;
using System.Threading.Tasks;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TcbGen.Redis.Tests
{
    /// <summary>
    /// A lease holder paused (SIGSTOP: a VM pause, a long GC, a debugger) after WeChat received its renewal and rotated the
    /// refresh token, and resumed (SIGCONT) once its attempt timeout had passed: on resume the timeout and the answer are
    /// both ready at once.
    /// </summary>
    public sealed class PausedHolderTests
    {
        private const string AuthorizerAppId = "wx-paused";
        private const int Runs = 20;
        private static readonly TimeSpan Answer = TimeSpan.FromSeconds(60);
        private readonly ITestOutputHelper _output;

        public PausedHolderTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public async Task A_holder_paused_while_the_answer_is_on_its_way_saves_the_rotated_refresh_token_in_every_one_of_20_runs()
        {
            using RedisServer redis = RedisServer.Start();
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            await Instances.SeedAsync(emulator, redis, AuthorizerAppId);
            using WorkerProcess holder = await WorkerProcess.StartAsync(emulator, redis, AuthorizerAppId, "--attempt-ms", "400", "--lease-ms", "3000");
            int timedOut = 0;
            for (int run = 1; run <= Runs; run++)
            {
                emulator.ScriptLatency(WeChatEmulator.AuthorizerTokenEndpointName, TimeSpan.FromMilliseconds(150));
                holder.Send("renew");
                var waited = Stopwatch.StartNew();
                while (emulator.PendingFaultCount(WeChatEmulator.AuthorizerTokenEndpointName) > 0)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "run " + run + ": the renewal never reached the emulator");
                    await Task.Delay(2);
                }

                // WeChat has the request: pause the holder past its attempt timeout while the answer (150 ms later) arrives.
                Signals.Pause(holder.Id);
                await Task.Delay(700);
                Signals.Resume(holder.Id);
                string answer = await holder.ReadLineAsync(Answer);
                timedOut += answer.StartsWith("error TcbTimeoutException", StringComparison.Ordinal) ? 1 : 0;
                Assert.True(answer == "ok" || answer.StartsWith("error TcbTimeoutException", StringComparison.Ordinal), "run " + run + ": " + answer);

                // The save may land just after the caller's answer (it is not bounded by the attempt timeout).
                string current = emulator.CurrentRefreshToken(AuthorizerAppId)!;
                var saving = Stopwatch.StartNew();
                string? stored;
                while ((stored = await Instances.StoredRefreshTokenAsync(redis, emulator.ComponentAppId, AuthorizerAppId)) != current && saving.Elapsed < TimeSpan.FromSeconds(5))
                {
                    await Task.Delay(20);
                }

                Assert.True(stored == current, "run " + run + ": WeChat's refresh token is " + current + " but the store holds " + stored + " (lost)");
            }

            _output.WriteLine(Runs + " runs, " + timedOut + " answered with the attempt timeout, 0 refresh tokens lost");
        }
    }
}
