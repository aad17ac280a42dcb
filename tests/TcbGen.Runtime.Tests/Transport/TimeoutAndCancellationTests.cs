using System;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport
{
    public sealed class TimeoutAndCancellationTests
    {
        private static readonly EchoRequest Request = new() { Env = "env-1" };

        [Fact]
        public async Task An_attempt_over_its_timeout_throws_a_timeout_exception_of_kind_attempt()
        {
            await using TestServer server = await TestServer.StartAsync();
            var received = new TaskCompletionSource();
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.On(TestEndpoints.Path, Respond.Hang(received, aborted));
            var time = new ManualTime();
            var transport = Build.Transport(server, o => { o.AttemptTimeout = TimeSpan.FromSeconds(5); o.TotalTimeout = Timeout.InfiniteTimeSpan; }, time: time);

            Task<EchoResponse> call = transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default);
            await received.Task;
            time.Advance(TimeSpan.FromSeconds(4.9));
            Assert.False(call.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(0.1));

            var exception = await Assert.ThrowsAsync<TcbTimeoutException>(() => call);
            Assert.Equal(TcbTimeoutKind.Attempt, exception.Kind);
            Assert.Equal(TimeSpan.FromSeconds(5), exception.Limit);
            Assert.IsAssignableFrom<TimeoutException>(exception);
            await aborted.Task;
        }

        [Fact]
        public async Task An_attempt_timeout_is_retried_for_a_retry_safe_endpoint()
        {
            await using TestServer server = await TestServer.StartAsync();
            var received = new TaskCompletionSource();
            server.Once(TestEndpoints.Path, Respond.Hang(received)).On(TestEndpoints.Path, Respond.Ok());
            var time = new ManualTime();
            var transport = Build.Transport(server, o => { o.AttemptTimeout = TimeSpan.FromSeconds(5); o.Retry.Enabled = true; }, time: time);

            Task<EchoResponse> call = transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default);
            await received.Task;
            time.Advance(TimeSpan.FromSeconds(5));
            EchoResponse response = await time.DriveAsync(call);

            Assert.Equal("done", response.Result);
            Assert.Equal(2, server.Requests.Count);
            TimeSpan backoff = Assert.Single(time.Waits);
            Assert.InRange(backoff, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        }

        [Fact]
        public async Task The_whole_call_over_its_total_timeout_throws_a_timeout_exception_of_kind_total()
        {
            await using TestServer server = await TestServer.StartAsync();
            var received = new TaskCompletionSource();
            server.On(TestEndpoints.Path, Respond.Hang(received));
            var time = new ManualTime();
            var transport = Build.Transport(server, o => { o.AttemptTimeout = Timeout.InfiniteTimeSpan; o.TotalTimeout = TimeSpan.FromSeconds(20); }, time: time);

            Task<EchoResponse> call = transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default);
            await received.Task;
            time.Advance(TimeSpan.FromSeconds(20));

            var exception = await Assert.ThrowsAsync<TcbTimeoutException>(() => call);
            Assert.Equal(TcbTimeoutKind.Total, exception.Kind);
        }

        [Fact]
        public async Task A_backoff_that_would_pass_the_total_timeout_surfaces_the_last_error()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Status(503));
            var time = new ManualTime();
            var transport = Build.Transport(server, o =>
            {
                Build.Retrying(maxAttempts: 10)(o);
                o.TotalTimeout = TimeSpan.FromSeconds(2.5);
            }, time: time);

            await Assert.ThrowsAsync<TcbHttpStatusException>(() => time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.InRange(server.Requests.Count, 2, 3);
        }

        [Fact]
        public async Task The_callers_cancellation_throws_operation_canceled_not_timeout()
        {
            await using TestServer server = await TestServer.StartAsync();
            var received = new TaskCompletionSource();
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.On(TestEndpoints.Path, Respond.Hang(received, aborted));
            using var cancellation = new CancellationTokenSource();
            var transport = Build.Transport(server, time: new ManualTime());

            Task<EchoResponse> call = transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, cancellation.Token);
            await received.Task;
            cancellation.Cancel();

            var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal(cancellation.Token, exception.CancellationToken);
            Assert.IsNotType<TcbTimeoutException>(exception);
            await aborted.Task;
        }

        [Fact]
        public async Task An_already_canceled_call_sends_nothing()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Ok());

            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, new CancellationToken(true)));

            Assert.Empty(server.Requests);
        }
    }
}
