using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>RunStandaloneAsync: prints how to reach the emulator, serves until cancelled.</summary>
    public sealed class StandaloneTests
    {
        [Fact]
        public async Task PrintsTheBaseUrlAndTokensServesCallsAndStopsWhenCancelled()
        {
            var output = new SignallingWriter("Press Ctrl+C to stop.");
            using var stop = new CancellationTokenSource();
            Task run = WeChatEmulator.RunStandaloneAsync(new[] { "--emulator", "--port", "0" }, output, stop.Token);

            await output.Signalled.WaitAsync(TimeSpan.FromSeconds(30));
            string printed = output.ToString();
            var baseUrl = new Uri(Regex.Match(printed, @"^Base URL: (\S+)$", RegexOptions.Multiline).Groups[1].Value);
            string token = Regex.Match(printed, @"^authorizer_access_token: (\S+)$", RegexOptions.Multiline).Groups[1].Value;
            Assert.Contains("Component appid: wx-component", printed);
            Assert.Matches(@"(?m)^component_access_token: \S+$", printed);
            Assert.Contains($"curl -s -X POST '{baseUrl.ToString().TrimEnd('/')}/tcb/modifyenv?access_token=", printed);
            Assert.DoesNotContain("Ignoring", printed);

            using (var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseUrl })
            {
                using HttpResponseMessage response = await http.PostAsync("tcb/modifyenv?access_token=" + Uri.EscapeDataString(token), new StringContent("{\"env\":\"e\"}", Encoding.UTF8, "application/json"));
                using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal(0, body.RootElement.GetProperty("errcode").GetInt32());
            }

            stop.Cancel();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.EndsWith("WeChat emulator stopped." + Environment.NewLine, output.ToString());
        }

        [Fact]
        public async Task ServesOnlyTheGivenSpecsWithNoBuiltInSpecsAndReportsUnknownArguments()
        {
            var output = new SignallingWriter("Press Ctrl+C to stop.");
            using var stop = new CancellationTokenSource();
            string specs = Path.Combine(AppContext.BaseDirectory, "seed-specs");
            Task run = WeChatEmulator.RunStandaloneAsync(new[] { "--specs", specs, "--no-built-in-specs", "--verbose" }, output, stop.Token);

            await output.Signalled.WaitAsync(TimeSpan.FromSeconds(30));
            stop.Cancel();
            await run.WaitAsync(TimeSpan.FromSeconds(30));

            string printed = output.ToString();
            Assert.Contains("Ignoring unknown argument: --verbose", printed);
            Assert.Equal(4, printed.Split('\n').Count(line => line.Contains("access_token=", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task SpecsAddToTheBuiltInSpecsAndACopyOfABuiltInIsServedOnce()
        {
            var output = new SignallingWriter("Press Ctrl+C to stop.");
            using var stop = new CancellationTokenSource();
            string seedCopies = Path.Combine(AppContext.BaseDirectory, "seed-specs");
            Task run = WeChatEmulator.RunStandaloneAsync(new[] { "--specs", seedCopies }, output, stop.Token);

            await output.Signalled.WaitAsync(TimeSpan.FromSeconds(30));
            stop.Cancel();
            await run.WaitAsync(TimeSpan.FromSeconds(30));

            string[] endpoints = output.ToString().Split('\n').Where(line => line.StartsWith("  changeTcbEnv: ", StringComparison.Ordinal) || line.StartsWith("  createCloudUser: ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(2, endpoints.Length);
            Assert.Contains(output.ToString().Split('\n'), line => line.StartsWith("  addDatabaseItem: ", StringComparison.Ordinal));
        }

        [Fact]
        public async Task RejectsABadPort()
        {
            await Assert.ThrowsAsync<ArgumentException>(() => WeChatEmulator.RunStandaloneAsync(new[] { "--port", "http" }, TextWriter.Null, CancellationToken.None));
        }

        /// <summary>A thread-safe StringWriter that completes <see cref="Signalled"/> once a text is written.</summary>
        private sealed class SignallingWriter : StringWriter
        {
            private readonly string _awaited;
            private readonly TaskCompletionSource _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            private readonly object _gate = new object();

            public SignallingWriter(string awaited)
            {
                _awaited = awaited;
            }

            public Task Signalled => _signal.Task;

            public override void Write(char value)
            {
                lock (_gate)
                {
                    base.Write(value);
                    if (value == '\n' && base.ToString().Contains(_awaited, StringComparison.Ordinal))
                    {
                        _signal.TrySetResult();
                    }
                }
            }

            public override void Write(string? value)
            {
                lock (_gate)
                {
                    base.Write(value);
                    if (base.ToString().Contains(_awaited, StringComparison.Ordinal))
                    {
                        _signal.TrySetResult();
                    }
                }
            }

            public override Task WriteAsync(string? value)
            {
                Write(value);
                return Task.CompletedTask;
            }

            public override Task WriteLineAsync(string? value)
            {
                Write(value + NewLine);
                return Task.CompletedTask;
            }

            public override string ToString()
            {
                lock (_gate)
                {
                    return base.ToString();
                }
            }
        }
    }
}
