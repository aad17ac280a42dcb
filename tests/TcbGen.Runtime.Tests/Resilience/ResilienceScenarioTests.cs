using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using TcbGen.Runtime.Tests.Infrastructure;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Runtime.Tests.Resilience
{
    /// <summary>
    /// Issue 12's scenarios A–J against the emulator, with Microsoft.Extensions.Http.Resilience's standard handler
    /// where the scenario has one. "Recipe" is the documented one: the runtime's retries off, the standard resilience
    /// handler on the builder <c>AddTcbGen</c> returns. Requests are counted at the emulator.
    /// </summary>
    public sealed class ResilienceScenarioTests
    {
        private const string AuthorizerAppId = "wx-app";
        private const string SafeName = "setCloudAccessToken";
        private const string UnsafeName = "changeTcbEnv";

        /// <summary>setCloudAccessToken with action get: retry-safe, as its spec says.</summary>
        private static readonly TcbEndpoint<EchoRequest, EchoResponse> Safe = TestEndpoints.Echo(SafeName, isRetrySafe: true, path: "/tcb/usecloudaccesstoken", writer: static (writer, request) =>
        {
            writer.WriteStartObject();
            writer.WriteString("action", "get");
            writer.WriteString("env", request.Env);
            writer.WriteEndObject();
        });

        /// <summary>changeTcbEnv: not retry-safe, as its spec says.</summary>
        private static readonly TcbEndpoint<EchoRequest, EchoResponse> Unsafe = TestEndpoints.Echo(UnsafeName, isRetrySafe: false, path: "/tcb/modifyenv");

        private enum Layers
        {
            RuntimeOnly,
            RuntimeAndHandler,
            Recipe,
        }

        [Fact]
        public async Task A_runtime_retries_only_two_503s_then_success_in_three_requests()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.RuntimeOnly);
            s.Emulator.ScriptHttpStatus(SafeName, 503, times: 2);

            await s.CallAsync(Safe);

            Assert.Equal(3, s.Requests(SafeName));
        }

        [Fact]
        public async Task B_runtime_retries_and_a_resilience_handler_do_not_multiply_attempts_and_warn()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.RuntimeAndHandler);
            s.Emulator.ScriptHttpStatus(SafeName, 503);

            await s.CallAsync(Safe);

            // Two requests (the runtime's retry), not 2 x 4: the handler's re-send was refused, with a warning that says why.
            Assert.Equal(2, s.Requests(SafeName));
            Assert.Contains(s.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("refused because the runtime retries itself", StringComparison.Ordinal));
        }

        [Fact]
        public async Task C_recipe_two_503s_are_retried_by_the_handler()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            s.Emulator.ScriptHttpStatus(SafeName, 503, times: 2);

            await s.CallAsync(Safe);

            Assert.Equal(3, s.Requests(SafeName));
        }

        [Fact]
        public async Task D_recipe_errcode_minus_1_in_a_200_body_is_retried_by_the_handler()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            s.Emulator.ScriptErrcode(SafeName, -1);

            await s.CallAsync(Safe);

            Assert.Equal(2, s.Requests(SafeName));
        }

        [Fact]
        public async Task D_recipe_errcode_minus_601026_and_business_errors_are_never_retried()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            s.Emulator.ScriptErrcode(SafeName, -601026, times: 5);

            var error = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(() => s.CallAsync(Safe));

            Assert.Equal(-601026, error.ErrorCode);
            Assert.Equal(1, s.Requests(SafeName));
        }

        [Fact]
        public async Task D_recipe_errcode_minus_1_that_persists_surfaces_as_the_api_error()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            s.Emulator.ScriptErrcode(SafeName, -1, times: 10);

            var error = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(() => s.CallAsync(Safe));

            Assert.Equal(-1, error.ErrorCode);
            Assert.Equal(4, s.Requests(SafeName)); // the standard handler's 1 + 3 retries
        }

        [Fact]
        public async Task Recipe_a_large_success_body_passes_the_errcode_peek_intact()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            string padding = new string('p', 100_000);
            s.Emulator.ScriptResponse(SafeName, "{\"errcode\":0,\"errmsg\":\"ok\",\"padding\":\"" + padding + "\",\"result\":\"after the padding\"}");

            EchoResponse response = await s.CallAsync(Safe);

            Assert.Equal("after the padding", response.Result);
            Assert.Equal(1, s.Requests(SafeName));
        }

        [Fact]
        public async Task E_runtime_retries_only_errcode_minus_1_is_retried()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.RuntimeOnly);
            s.Emulator.ScriptErrcode(SafeName, -1);

            await s.CallAsync(Safe);

            Assert.Equal(2, s.Requests(SafeName));
        }

        [Fact]
        public async Task F_recipe_an_endpoint_that_is_not_retry_safe_is_not_sent_again_after_a_503()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            s.Emulator.ScriptHttpStatus(UnsafeName, 503, times: 5);

            var error = await Assert.ThrowsAsync<TcbHttpStatusException>(() => s.CallAsync(Unsafe));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal(1, s.Requests(UnsafeName));
            Assert.Contains(s.Logs.Lines, l => l.Contains("refused because the endpoint is not retry-safe", StringComparison.Ordinal));
        }

        [Fact]
        public async Task F_recipe_an_endpoint_that_is_not_retry_safe_is_not_sent_again_after_a_dropped_connection()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            s.Emulator.ScriptDroppedConnection(UnsafeName, times: 5);

            await Assert.ThrowsAsync<HttpRequestException>(() => s.CallAsync(Unsafe));

            Assert.Equal(1, s.Requests(UnsafeName));
        }

        [Fact]
        public async Task G_runtime_retries_only_an_endpoint_that_is_not_retry_safe_is_not_sent_again_after_a_503()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.RuntimeOnly);
            s.Emulator.ScriptHttpStatus(UnsafeName, 503, times: 5);

            var error = await Assert.ThrowsAsync<TcbHttpStatusException>(() => s.CallAsync(Unsafe));

            Assert.Equal(503, error.StatusCode);
            Assert.Equal(1, s.Requests(UnsafeName));
        }

        [Fact]
        public async Task H_recipe_errcode_45011_is_retried_after_the_rate_limit_wait()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            s.Emulator.ScriptErrcode(SafeName, 45011);

            await s.CallAsync(Safe);

            Assert.Equal(2, s.Requests(SafeName));
            Assert.Equal(Scenario.RateLimitDelay, s.RetryDelays.Single());
        }

        [Fact]
        public async Task I_recipe_an_expired_token_is_renewed_once_and_the_request_sent_once_more()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe);
            await s.CallAsync(Safe);
            int fetched = s.Emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind);
            s.Emulator.ExpireAllTokens();

            await s.CallAsync(Safe);

            var requests = s.Emulator.RequestsTo(SafeName);
            Assert.Equal(3, requests.Count);
            Assert.Equal(42001, requests[1].Errcode);
            Assert.Equal(fetched + 1, s.Emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));
        }

        [Fact]
        public async Task J_recipe_latency_past_the_handlers_timeout_surfaces_as_a_tcb_timeout()
        {
            await using Scenario s = await Scenario.StartAsync(Layers.Recipe, shortTimeouts: true);
            s.Emulator.ScriptLatency(SafeName, TimeSpan.FromSeconds(30), times: 10);

            var timeout = await Assert.ThrowsAsync<TcbTimeoutException>(() => s.CallAsync(Safe));

            Assert.Equal(SafeName, timeout.EndpointName);
            Assert.Equal(TcbTimeoutKind.Total, timeout.Kind);
            Assert.Equal(TimeSpan.FromSeconds(1), timeout.Limit); // the handler's total request timeout
            Assert.Equal("Polly.Timeout.TimeoutRejectedException", timeout.InnerException?.GetType().FullName);
        }

        /// <summary>The emulator, a client configured for one scenario's layers, and what the handler's retries waited.</summary>
        private sealed class Scenario : IAsyncDisposable
        {
            public static readonly TimeSpan RateLimitDelay = TimeSpan.FromMilliseconds(300);

            private readonly ServiceProvider _provider;

            private Scenario(WeChatEmulator emulator, ServiceProvider provider, CapturingLoggerProvider logs, System.Collections.Concurrent.ConcurrentQueue<TimeSpan> retryDelays)
            {
                Emulator = emulator;
                _provider = provider;
                Logs = logs;
                RetryDelays = retryDelays;
            }

            public WeChatEmulator Emulator { get; }

            public CapturingLoggerProvider Logs { get; }

            public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> RetryDelays { get; }

            /// <param name="layers">Who retries.</param>
            /// <param name="shortTimeouts">The handler's timeouts at 800 ms per attempt and 1 s in total (scenario J: sends at 0 and
            /// ~0.81 s, so the total fires mid-attempt, 600 ms before the second attempt's own timeout; at 300 ms the third send
            /// timed out within ~70 ms of the total, and at 600 ms a CI machine running the test assemblies in parallel fired
            /// the total more than 200 ms late, after a third send: either way Polly surfaced an attempt timeout); otherwise
            /// its defaults (10 s and 30 s), so a slow machine cannot turn an ordinary request into a timeout and change the counts.</param>
            public static async Task<Scenario> StartAsync(Layers layers, bool shortTimeouts = false)
            {
                WeChatEmulator emulator = await WeChatEmulator.StartAsync();
                emulator.RegisterAuthorizer(AuthorizerAppId, "refresh-1");
                var logs = new CapturingLoggerProvider();
                var retryDelays = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
                var services = new ServiceCollection();
                services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
                services.AddSingleton<IComponentVerifyTicketStore>(new InMemoryTicketStore { Ticket = emulator.ComponentVerifyTicket });
                var refreshTokens = new InMemoryRefreshTokenStore();
                refreshTokens.Tokens[AuthorizerAppId] = "refresh-1";
                services.AddSingleton<IAuthorizerRefreshTokenStore>(refreshTokens);
                TcbGenBuilder builder = services.AddTcbGen(o =>
                {
                    o.BaseAddress = emulator.BaseAddress;
                    o.ThirdParty.ComponentAppId = emulator.ComponentAppId;
                    o.ThirdParty.ComponentAppSecret = emulator.ComponentAppSecret;
                    o.Retry.Enabled = layers != Layers.Recipe;
                    o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
                    o.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
                    o.Retry.RateLimitDelay = RateLimitDelay;
                }).UseThirdPartyPlatform();
                if (layers != Layers.RuntimeOnly)
                {
                    builder.AddStandardResilienceHandler(o =>
                    {
                        o.Retry.Delay = TimeSpan.FromMilliseconds(10);
                        o.Retry.UseJitter = false;
                        o.Retry.BackoffType = DelayBackoffType.Constant;
                        o.Retry.OnRetry = args =>
                        {
                            retryDelays.Enqueue(args.RetryDelay);
                            return default;
                        };
                        if (shortTimeouts)
                        {
                            o.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(800);
                            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(1);
                        }
                    });
                }

                return new Scenario(emulator, services.BuildServiceProvider(), logs, retryDelays);
            }

            public Task<EchoResponse> CallAsync(TcbEndpoint<EchoRequest, EchoResponse> endpoint)
                => _provider.GetRequiredService<ITcbTransport>().SendAsync(endpoint, TcbTokenKey.ForAuthorizer(AuthorizerAppId), new EchoRequest { Env = "test-env-0001" }, CancellationToken.None);

            public int Requests(string endpointName) => Emulator.RequestsTo(endpointName).Count;

            public async ValueTask DisposeAsync()
            {
                await _provider.DisposeAsync();
                await Emulator.DisposeAsync();
            }
        }
    }
}
