using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport.Policies
{
    /// <summary>WeChat's retry rules alone, on an attempt's outcome and a fake clock.</summary>
    public sealed class RetryPolicyTests
    {
        private static readonly TcbAccessToken Token = new("t", null);

        [Fact]
        public void An_answer_is_retried_by_its_errcode_and_honours_retry_after()
        {
            var policy = new TcbRetryPolicy(new TcbRetryOptions { MaxAttempts = 3 });
            TcbEndpoint<EchoRequest, EchoResponse> endpoint = TestEndpoints.Echo();
            var busy = TcbAttemptOutcome<EchoResponse>.Answered(null, endpoint.CreateException(-1, "busy"), 200, TimeSpan.FromSeconds(3), Token, TcbTimeoutKind.Total);
            var business = TcbAttemptOutcome<EchoResponse>.Answered(null, endpoint.CreateException(-601049, "no env"), 200, null, Token, TcbTimeoutKind.Total);

            Assert.Equal(TimeSpan.FromSeconds(3), policy.DelayAfter(busy, attempt: 1, endpointIsRetrySafe: true));
            Assert.Null(policy.DelayAfter(busy, attempt: 3, endpointIsRetrySafe: true));
            Assert.Null(policy.DelayAfter(busy, attempt: 1, endpointIsRetrySafe: false));
            Assert.Null(policy.DelayAfter(business, attempt: 1, endpointIsRetrySafe: true));
            Assert.True(busy.IsActionable);
        }

        [Fact]
        public void A_refused_connection_is_retried_even_for_an_endpoint_that_is_not_retry_safe()
        {
            var policy = new TcbRetryPolicy(new TcbRetryOptions { MaxAttempts = 2 });
            var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
            var reset = new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset));
            var neverSent = TcbAttemptOutcome<EchoResponse>.Failed(refused, Token, !TcbRetryPolicy.IsConnectFailure(refused), TcbTimeoutKind.Total);
            var maybeSent = TcbAttemptOutcome<EchoResponse>.Failed(reset, Token, !TcbRetryPolicy.IsConnectFailure(reset), TcbTimeoutKind.Total);

            Assert.NotNull(policy.DelayAfter(neverSent, attempt: 1, endpointIsRetrySafe: false));
            Assert.Null(policy.DelayAfter(maybeSent, attempt: 1, endpointIsRetrySafe: false));
            Assert.NotNull(policy.DelayAfter(maybeSent, attempt: 1, endpointIsRetrySafe: true));
        }

        [Fact]
        public async Task The_wait_runs_on_the_transports_clock()
        {
            var time = new FakeTimeProvider();
            var policy = new TcbRetryPolicy(new TcbRetryOptions(), time);

            Task wait = policy.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(4.9));
            Assert.False(wait.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(0.1));
            await wait.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
