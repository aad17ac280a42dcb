using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Diagnostics
{
    /// <summary>
    /// Telemetry equals the wire: under the documented recipe (the runtime's retries off, Microsoft's resilience handlers
    /// on the transport's HttpClient), a loopback server counts what actually arrived, and the call span's
    /// <c>tcb.attempts</c> and HTTP status, HttpClient's own request metric, log event 5's attempt count and the timeout's
    /// kind and limit must say the same.
    /// </summary>
    public sealed class WireTruthTests
    {
        private static readonly TcbEndpoint<EchoRequest, EchoResponse> Safe = TestEndpoints.Echo("safeEcho", isRetrySafe: true);
        private static readonly TcbEndpoint<EchoRequest, EchoResponse> Unsafe = TestEndpoints.Echo("unsafeEcho", isRetrySafe: false);

        [Fact]
        public async Task Errcode_minus_1_retried_by_the_handler_is_reported_as_the_200s_that_arrived_and_every_send()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Error(-1, "system error"));
            using var telemetry = new Telemetry();
            ITcbTransport transport = Recipe(server, telemetry, b => b.AddStandardResilienceHandler(FastRetries));

            var error = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(() => transport.SendAsync(Safe, TcbTokenKey.Component, new EchoRequest(), default));

            int arrived = server.RequestsTo(TestEndpoints.Path).Count;
            Assert.Equal(4, arrived); // the standard handler's 3 retries
            Assert.Equal(-1, error.ErrorCode);
            Activity call = telemetry.CallSpan("safeEcho");
            Assert.Equal(arrived, call.GetTagItem(TcbGenTelemetry.AttemptsTag));
            Assert.Equal(200, call.GetTagItem("http.response.status_code")); // not the 503 the runtime showed the handler
            Assert.Equal("-1", call.GetTagItem(TcbGenTelemetry.ErrorTypeTag));
            Assert.Equal(Enumerable.Repeat(200, arrived), telemetry.HttpClientStatuses(server));
            Assert.Contains(telemetry.Logs.Lines, line => line.Contains("safeEcho failed after " + arrived + " attempt(s)"));
        }

        [Fact]
        public async Task A_refused_resend_of_an_endpoint_that_is_not_retry_safe_is_not_an_attempt()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Status(503));
            using var telemetry = new Telemetry();
            ITcbTransport transport = Recipe(server, telemetry, b => b.AddStandardResilienceHandler(FastRetries));

            var error = await Assert.ThrowsAsync<TcbHttpStatusException>(() => transport.SendAsync(Unsafe, TcbTokenKey.Component, new EchoRequest(), default));

            Assert.Equal(503, error.StatusCode);
            Assert.Single(server.RequestsTo(TestEndpoints.Path));
            Activity call = telemetry.CallSpan("unsafeEcho");
            Assert.Equal(1, call.GetTagItem(TcbGenTelemetry.AttemptsTag));
            Assert.Equal(new[] { 503 }, telemetry.HttpClientStatuses(server));
            Assert.Contains(telemetry.Logs.Lines, line => line.Contains("unsafeEcho failed after 1 attempt(s)"));
        }

        [Fact]
        public async Task The_handlers_total_timeout_is_reported_as_the_total_timeout_with_its_limit()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, HangUntilAborted);
            using var telemetry = new Telemetry();

            // Sends at 0 and ~1.21 s; the total limit fires during the second, far from either attempt limit, and the second
            // send has 0.8 s to reach the server (a new connection, as the first was aborted) even on a loaded machine.
            ITcbTransport transport = Recipe(server, telemetry, b => b.AddStandardResilienceHandler(o =>
            {
                FastRetries(o);
                o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(1200);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(2);
            }));

            var timeout = await Assert.ThrowsAsync<TcbTimeoutException>(() => transport.SendAsync(Safe, TcbTokenKey.Component, new EchoRequest(), default));

            Assert.Equal(TcbTimeoutKind.Total, timeout.Kind);
            Assert.Equal(TimeSpan.FromSeconds(2), timeout.Limit);
            Assert.Contains("total timeout of 2000 ms", timeout.Message);
            int arrived = server.RequestsTo(TestEndpoints.Path).Count;
            Assert.Equal(2, arrived);
            Activity call = telemetry.CallSpan("safeEcho");
            Assert.Equal(arrived, call.GetTagItem(TcbGenTelemetry.AttemptsTag));
            Assert.Equal(nameof(TcbTimeoutException), call.GetTagItem(TcbGenTelemetry.ErrorTypeTag));
        }

        [Fact]
        public async Task Attempt_timeouts_that_use_up_the_handlers_retries_are_reported_as_the_attempt_timeout_with_its_limit()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, HangUntilAborted);
            using var telemetry = new Telemetry();
            ITcbTransport transport = Recipe(server, telemetry, b => b.AddStandardResilienceHandler(o =>
            {
                FastRetries(o);
                o.Retry.MaxRetryAttempts = 1;
                o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(1200); // long enough for a send on a new connection to arrive on a loaded machine
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
            }));

            var timeout = await Assert.ThrowsAsync<TcbTimeoutException>(() => transport.SendAsync(Safe, TcbTokenKey.Component, new EchoRequest(), default));

            Assert.Equal(TcbTimeoutKind.Attempt, timeout.Kind);
            Assert.Equal(TimeSpan.FromMilliseconds(1200), timeout.Limit);
            Assert.Equal(2, server.RequestsTo(TestEndpoints.Path).Count);
            Assert.Equal(2, telemetry.CallSpan("safeEcho").GetTagItem(TcbGenTelemetry.AttemptsTag));
        }

        [Fact]
        public async Task A_hedging_handler_waits_for_the_in_flight_call_of_an_endpoint_that_is_not_retry_safe()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, async context =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(400), context.RequestAborted);
                await Respond.Ok("slow but sure")(context);
            });
            using var telemetry = new Telemetry();
            ITcbTransport transport = Recipe(server, telemetry, b => b.AddStandardHedgingHandler().Configure(o => o.Hedging.Delay = TimeSpan.FromMilliseconds(50)));

            EchoResponse response = await transport.SendAsync(Unsafe, TcbTokenKey.Component, new EchoRequest(), default);

            Assert.Equal("slow but sure", response.Result);
            Assert.Single(server.RequestsTo(TestEndpoints.Path));
            Assert.Equal(1, telemetry.CallSpan("unsafeEcho").GetTagItem(TcbGenTelemetry.AttemptsTag));
        }

        private static async Task HangUntilAborted(HttpContext context)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        }

        private static void FastRetries(HttpStandardResilienceOptions o)
        {
            o.Retry.Delay = TimeSpan.FromMilliseconds(10);
            o.Retry.UseJitter = false;
            o.Retry.BackoffType = DelayBackoffType.Constant;
        }

        private static ITcbTransport Recipe(TestServer server, Telemetry telemetry, Action<IHttpClientBuilder> handlers)
        {
            var services = new ServiceCollection();
            services.AddLogging(builder => builder.AddProvider(telemetry.Logs).SetMinimumLevel(LogLevel.Debug));
            TcbGenBuilder builder = services.AddTcbGen(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.Retry.Enabled = false;
            }).UseAccessTokens((_, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken("wire-token", null)));
            handlers(builder);
            return services.BuildServiceProvider().GetRequiredService<ITcbTransport>();
        }

        /// <summary>Logs, TcbGen's spans and System.Net.Http's request-duration metric (other tests' servers filtered out by port), captured for one test.</summary>
        private sealed class Telemetry : IDisposable
        {
            private readonly ActivityCapture _spans = new(source => source.Name == TcbGenTelemetry.ActivitySourceName);
            private readonly MetricCapture _metrics = new(meter => meter.Name == "System.Net.Http");

            public CapturingLoggerProvider Logs { get; } = new();

            public Activity CallSpan(string endpointName)
                => Assert.Single(_spans.Stopped, a => (string?)a.GetTagItem(TcbGenTelemetry.EndpointTag) == endpointName && a.Kind == ActivityKind.Internal);

            /// <summary>The status of every request HttpClient's own instrumentation (inside the primary handler) recorded.</summary>
            public IEnumerable<int> HttpClientStatuses(TestServer server)
                => _metrics.Measurements.Where(m => m.Instrument == "http.client.request.duration" && m.Tags.TryGetValue("server.port", out object? port) && Convert.ToInt32(port) == server.BaseAddress.Port)
                    .Select(m => m.Tags.TryGetValue("http.response.status_code", out object? status) ? Convert.ToInt32(status) : 0)
                    .ToArray();

            public void Dispose()
            {
                _spans.Dispose();
                _metrics.Dispose();
            }
        }
    }
}
