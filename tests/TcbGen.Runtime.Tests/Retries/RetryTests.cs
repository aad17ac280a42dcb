using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Retries
{
    public sealed class RetryTests
    {
        private static readonly EchoRequest Request = new() { Env = "env-1" };

        [Fact]
        public async Task System_busy_is_retried_with_jittered_exponential_backoff()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Error(-1, "system busy")).Once(TestEndpoints.Path, Respond.Error(-1, "system busy")).On(TestEndpoints.Path, Respond.Ok());
            var time = new ManualTime();
            var transport = Build.Transport(server, Build.Retrying(maxAttempts: 3), time: time);

            EchoResponse response = await time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.Equal("done", response.Result);
            Assert.Equal(3, server.Requests.Count);
            Assert.Equal(2, time.Waits.Count);
            Assert.InRange(time.Waits[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
            Assert.InRange(time.Waits[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        }

        [Fact]
        public async Task Server_errors_are_retried_up_to_max_attempts_then_surface()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Status(503));
            var time = new ManualTime();
            var transport = Build.Transport(server, Build.Retrying(maxAttempts: 4), time: time);

            var exception = await Assert.ThrowsAsync<TcbHttpStatusException>(() => time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.Equal(503, exception.StatusCode);
            Assert.Equal(4, server.Requests.Count);
            Assert.Equal(3, time.Waits.Count);
        }

        [Theory]
        [InlineData(408)]
        [InlineData(429)]
        [InlineData(500)]
        public async Task Transient_statuses_are_retried(int status)
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Status(status)).On(TestEndpoints.Path, Respond.Ok());
            var time = new ManualTime();

            await time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public void Backoff_doubles_and_is_capped_at_max_delay_with_jitter_in_the_upper_half()
        {
            var options = new TcbRetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };
            var policy = new TcbRetryPolicy(options);

            for (int i = 0; i < 200; i++)
            {
                Assert.InRange(policy.Backoff(1), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
                Assert.InRange(policy.Backoff(3), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
                Assert.InRange(policy.Backoff(10), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
                Assert.InRange(policy.Backoff(1000), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
            }

            Assert.True(Enumerable.Range(0, 50).Select(_ => policy.Backoff(2)).Distinct().Count() > 1, "backoff is jittered");
        }

        [Fact]
        public async Task Rate_limit_45011_waits_for_retry_after()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Json("{\"errcode\":45011,\"errmsg\":\"api minute-quota reach limit\"}", headers: r => r.Headers.RetryAfter = "7"))
                  .On(TestEndpoints.Path, Respond.Ok());
            var time = new ManualTime();

            await time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, time.Waits);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task Rate_limit_45011_without_retry_after_waits_the_configured_delay()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Error(45011)).On(TestEndpoints.Path, Respond.Ok());
            var time = new ManualTime();
            var transport = Build.Transport(server, Build.Retrying(configure: r => r.RateLimitDelay = TimeSpan.FromSeconds(42)), time: time);

            await time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.Equal(new[] { TimeSpan.FromSeconds(42) }, time.Waits);
        }

        [Fact]
        public async Task A_retry_after_above_the_maximum_surfaces_the_error_instead_of_waiting()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Json("{\"errcode\":45011,\"errmsg\":\"limit\"}", headers: r => r.Headers.RetryAfter = "3600"));
            var time = new ManualTime();

            var exception = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.Equal(45011, exception.ErrorCode);
            Assert.Single(server.Requests);
            Assert.Empty(time.Waits);
        }

        [Theory]
        [InlineData(-601026)]
        [InlineData(-601049)]
        [InlineData(-1000)]
        [InlineData(85088)]
        public async Task Rate_limit_of_create_cloud_user_and_business_errors_are_not_retried(int errcode)
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Error(errcode));
            var time = new ManualTime();

            var exception = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.Equal(errcode, exception.ErrorCode);
            Assert.Single(server.Requests);
            Assert.Empty(time.Waits);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(45011)]
        public async Task A_non_retry_safe_endpoint_is_not_retried_after_an_errcode(int errcode)
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Error(errcode));
            var time = new ManualTime();

            await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo("createCloudUser", isRetrySafe: false), TcbTokenKey.Component, Request, default)));

            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_non_retry_safe_endpoint_is_not_retried_after_a_server_error()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Status(500));
            var time = new ManualTime();

            await Assert.ThrowsAsync<TcbHttpStatusException>(
                () => time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo(isRetrySafe: false), TcbTokenKey.Component, Request, default)));

            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_non_retry_safe_endpoint_is_not_retried_after_the_connection_dropped_mid_request()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, context =>
            {
                context.Abort();
                return Task.CompletedTask;
            });
            var time = new ManualTime();

            await Assert.ThrowsAsync<HttpRequestException>(
                () => time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo(isRetrySafe: false), TcbTokenKey.Component, Request, default)));

            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_dropped_connection_is_retried_for_a_retry_safe_endpoint()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, context =>
            {
                context.Abort();
                return Task.CompletedTask;
            }).On(TestEndpoints.Path, Respond.Ok());
            var time = new ManualTime();

            await time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task A_non_retry_safe_endpoint_is_retried_when_the_connection_was_refused()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Ok());
            int connects = 0;
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (context, cancellationToken) =>
                {
                    if (Interlocked.Increment(ref connects) == 1)
                    {
                        throw new SocketException((int)SocketError.ConnectionRefused);
                    }

                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            var time = new ManualTime();
            var transport = Build.Transport(server, Build.Retrying(), time: time, httpClient: new HttpClient(handler));

            EchoResponse response = await time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(isRetrySafe: false), TcbTokenKey.Component, Request, default));

            Assert.Equal("done", response.Result);
            Assert.Equal(2, connects);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_non_retry_safe_endpoint_is_retried_when_getting_the_token_failed()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Ok());
            int asked = 0;
            var tokens = new TcbDelegateAccessTokenSource((_, _) => Interlocked.Increment(ref asked) == 1
                ? throw new HttpRequestException("token service unreachable")
                : new ValueTask<TcbAccessToken>(new TcbAccessToken("tok", null)));
            var time = new ManualTime();

            await time.DriveAsync(Build.Transport(server, Build.Retrying(), tokens, time).SendAsync(TestEndpoints.Echo(isRetrySafe: false), TcbTokenKey.Component, Request, default));

            Assert.Equal(2, asked);
            Assert.Single(server.Requests);
        }

        [Theory]
        [InlineData(true, 3)]
        [InlineData(false, 1)]
        public async Task Retries_can_be_switched_off_so_a_resilience_handler_does_not_multiply_attempts(bool disabledByEnabledFlag, int maxAttempts)
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Status(503));
            var time = new ManualTime();
            var transport = Build.Transport(server, Build.Retrying(maxAttempts, r => r.Enabled = !disabledByEnabledFlag), time: time);

            await Assert.ThrowsAsync<TcbHttpStatusException>(() => time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.Single(server.Requests);
            Assert.Empty(time.Waits);
        }

        [Fact]
        public async Task Malformed_bodies_are_not_retried()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Json("not json"));
            var time = new ManualTime();

            await Assert.ThrowsAsync<TcbProtocolException>(() => time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.Single(server.Requests);
        }
    }
}
