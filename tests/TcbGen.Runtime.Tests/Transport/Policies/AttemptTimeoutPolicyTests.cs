using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport.Policies
{
    /// <summary>The time-limit policy alone, on a fake clock: which limit a scope is armed for, and what its firing means.</summary>
    public sealed class AttemptTimeoutPolicyTests
    {
        [Fact]
        public void Without_limits_a_call_uses_the_callers_token_as_is()
        {
            var policy = new TcbAttemptTimeoutPolicy(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan, new FakeTimeProvider(), null);

            Assert.Null(policy.StartCall(CancellationToken.None));
            Assert.Equal(TcbTimeoutKind.Total, policy.ArmAttempt(null, 0));
            Assert.True(policy.Fits(TimeSpan.FromDays(1), 0));
        }

        [Fact]
        public void An_attempt_limit_shorter_than_what_remains_fires_first_and_means_an_attempt_timeout()
        {
            var time = new FakeTimeProvider();
            var policy = new TcbAttemptTimeoutPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), time, null);
            long started = time.GetTimestamp();
            using TimeoutScope scope = policy.StartCall(CancellationToken.None)!;

            TcbTimeoutKind armed = policy.ArmAttempt(scope, started);
            time.Advance(TimeSpan.FromSeconds(2));

            Assert.Equal(TcbTimeoutKind.Attempt, armed);
            Assert.True(scope.IsCancellationRequested);
            Assert.True(TcbAttemptTimeoutPolicy.IsAttemptTimeout(scope, armed, CancellationToken.None));
            TcbTimeoutException timeout = policy.AttemptTimedOut("echo", scope, new OperationCanceledException());
            Assert.Equal(TcbTimeoutKind.Attempt, timeout.Kind);
            Assert.Equal(TimeSpan.FromSeconds(2), timeout.Limit);
        }

        [Fact]
        public void After_an_armed_attempt_a_fresh_scope_covers_only_what_remains_of_the_total()
        {
            var time = new FakeTimeProvider();
            var policy = new TcbAttemptTimeoutPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), time, null);
            long started = time.GetTimestamp();
            TimeoutScope scope = policy.StartCall(CancellationToken.None)!;
            TcbTimeoutKind armed = policy.ArmAttempt(scope, started);
            time.Advance(TimeSpan.FromSeconds(1));

            using TimeoutScope next = policy.EndAttempt(scope, armed, started, CancellationToken.None)!;
            time.Advance(TimeSpan.FromSeconds(8.5));
            Assert.False(next.IsCancellationRequested);
            Assert.True(policy.Fits(TimeSpan.FromSeconds(0.4), started));
            Assert.False(policy.Fits(TimeSpan.FromSeconds(0.5), started));

            time.Advance(TimeSpan.FromSeconds(0.5));
            Assert.True(next.IsCancellationRequested);
            Assert.False(TcbAttemptTimeoutPolicy.IsAttemptTimeout(next, TcbTimeoutKind.Total, CancellationToken.None));
            Assert.Equal(TcbTimeoutKind.Total, policy.TotalTimedOut("echo", new OperationCanceledException()).Kind);
        }

        [Fact]
        public void When_the_total_limit_comes_first_the_attempt_is_not_armed_and_the_callers_cancellation_is_no_timeout()
        {
            var time = new FakeTimeProvider();
            var policy = new TcbAttemptTimeoutPolicy(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), time, null);
            long started = time.GetTimestamp();
            using var caller = new CancellationTokenSource();
            using TimeoutScope scope = policy.StartCall(caller.Token)!;
            time.Advance(TimeSpan.FromSeconds(1.5));

            Assert.Equal(TcbTimeoutKind.Total, policy.ArmAttempt(scope, started));
            caller.Cancel();
            Assert.True(scope.IsCancellationRequested);
            Assert.False(scope.IsTimedOut);
            Assert.False(TcbAttemptTimeoutPolicy.IsAttemptTimeout(scope, TcbTimeoutKind.Attempt, caller.Token));
        }
    }
}
