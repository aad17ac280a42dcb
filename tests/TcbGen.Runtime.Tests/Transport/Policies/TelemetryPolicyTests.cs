using System;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport.Policies
{
    /// <summary>The telemetry policy alone: what a call's record becomes in metrics and logs.</summary>
    public sealed class TelemetryPolicyTests
    {
        [Fact]
        public void A_failed_call_is_counted_with_its_errcode_outcome_and_error_type()
        {
            string endpoint = "telemetry-" + Guid.NewGuid().ToString("N");
            using var metrics = new MetricCapture(meter => meter.Name == TcbGenTelemetry.MeterName);
            var time = new FakeTimeProvider();
            var policy = new TcbTelemetryPolicy(NullLogger.Instance, time);
            long started = time.GetTimestamp();
            time.Advance(TimeSpan.FromMilliseconds(250));
            var record = new TcbCallRecord { Attempts = 2, ErrorCode = -601049, StatusCode = 200, Failure = TestEndpoints.Echo(endpoint).CreateException(-601049, "no env") };

            policy.CallEnded(null, endpoint, TcbTokenKey.Component, record, started);

            var mine = metrics.Measurements.Where(m => Equals(m.Tags[TcbGenTelemetry.EndpointTag], endpoint)).ToArray();
            var calls = Assert.Single(mine, m => m.Instrument == TcbGenTelemetry.CallsInstrument);
            Assert.Equal(-601049, calls.Tags[TcbGenTelemetry.ErrorCodeTag]);
            Assert.Equal("component_access_token", calls.Tags[TcbGenTelemetry.TokenKindTag]);
            Assert.NotNull(calls.Tags[TcbGenTelemetry.ErrorTypeTag]);
            Assert.Equal(0.25, Assert.Single(mine, m => m.Instrument == TcbGenTelemetry.CallDurationInstrument).Value, 3);
        }

        [Fact]
        public void Attempts_are_logged_only_at_debug_and_cancellations_are_not_failures()
        {
            var lines = new CapturingLoggerProvider();
            using ILoggerFactory factory = lines.CreateFactory();
            var policy = new TcbTelemetryPolicy(factory.CreateLogger("transport"), new FakeTimeProvider());
            var quiet = new TcbTelemetryPolicy(NullLogger.Instance, new FakeTimeProvider());

            Assert.False(quiet.AttemptStarting("echo", 1, "https://x/tcb/echo?access_token=***", out _));
            Assert.True(policy.AttemptStarting("echo", 1, "https://x/tcb/echo?access_token=***", out long attemptStarted));
            policy.AttemptAnswered("echo", 200, null, attemptStarted);
            policy.CallFailed(new OperationCanceledException(), "echo", 1, "https://x/tcb/echo?access_token=***");
            policy.CallFailed(new TimeoutException("late"), "echo", 1, "https://x/tcb/echo?access_token=***");

            string[] logged = lines.Lines.ToArray();
            Assert.Equal(3, logged.Length);
            Assert.StartsWith("Debug", logged[0], StringComparison.Ordinal);
            Assert.StartsWith("Debug", logged[1], StringComparison.Ordinal);
            Assert.StartsWith("Warning", logged[2], StringComparison.Ordinal);
            Assert.Contains("late", logged[2], StringComparison.Ordinal);
        }
    }
}
