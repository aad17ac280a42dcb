using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Diagnostics
{
    public sealed class TelemetryTests
    {
        [Fact]
        public async Task Each_call_is_one_span_with_endpoint_and_errcode_tags_and_is_counted_and_timed()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Ok()).On(TestEndpoints.Path, Respond.Error(-601049, "env not found"));
            string name = "telemetry-" + Guid.NewGuid().ToString("N");
            using var activities = new ActivityCapture(source => source.Name == TcbGenTelemetry.ActivitySourceName);
            using var metrics = new MetricCapture(meter => meter.Name == TcbGenTelemetry.MeterName);
            var transport = Build.Transport(server);

            await transport.SendAsync(TestEndpoints.Echo(name), TcbTokenKey.ForAuthorizer("wxapp"), new EchoRequest(), CancellationToken.None);
            await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(() => transport.SendAsync(TestEndpoints.Echo(name), TcbTokenKey.ForAuthorizer("wxapp"), new EchoRequest(), CancellationToken.None));

            Activity[] spans = activities.Stopped.Where(a => (string?)a.GetTagItem(TcbGenTelemetry.EndpointTag) == name).ToArray();
            Assert.Equal(2, spans.Length);
            Assert.All(spans, s => Assert.Equal(ActivityKind.Internal, s.Kind));
            Assert.All(spans, s => Assert.Equal("tcb " + name, s.DisplayName));
            Assert.All(spans, s => Assert.Equal("authorizer_access_token", s.GetTagItem(TcbGenTelemetry.TokenKindTag)));
            Assert.Equal(0, spans[0].GetTagItem(TcbGenTelemetry.ErrorCodeTag));
            Assert.Equal(ActivityStatusCode.Unset, spans[0].Status);
            Assert.Equal(-601049, spans[1].GetTagItem(TcbGenTelemetry.ErrorCodeTag));
            Assert.Equal(ActivityStatusCode.Error, spans[1].Status);
            Assert.Equal(1, spans[1].GetTagItem(TcbGenTelemetry.AttemptsTag));

            var calls = metrics.Measurements.Where(m => m.Instrument == TcbGenTelemetry.CallsInstrument && (string?)m.Tags[TcbGenTelemetry.EndpointTag] == name).ToArray();
            Assert.Equal(2, calls.Length);
            Assert.Contains(calls, m => (string?)m.Tags[TcbGenTelemetry.OutcomeTag] == "success" && (int?)m.Tags[TcbGenTelemetry.ErrorCodeTag] == 0);
            Assert.Contains(calls, m => (string?)m.Tags[TcbGenTelemetry.OutcomeTag] == "api_error" && (int?)m.Tags[TcbGenTelemetry.ErrorCodeTag] == -601049);
            var durations = metrics.Measurements.Where(m => m.Instrument == TcbGenTelemetry.CallDurationInstrument && (string?)m.Tags[TcbGenTelemetry.EndpointTag] == name).ToArray();
            Assert.Equal(2, durations.Length);
            Assert.All(durations, d => Assert.True(d.Value >= 0));
        }

        [Fact]
        public async Task Retries_are_logged_with_redacted_urls_and_counted()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Error(-1, "system busy")).On(TestEndpoints.Path, Respond.Ok());
            string name = "retry-log-" + Guid.NewGuid().ToString("N");
            var logs = new CapturingLoggerProvider();
            using var metrics = new MetricCapture(meter => meter.Name == TcbGenTelemetry.MeterName);
            var time = new ManualTime();

            await time.DriveAsync(Build.Transport(server, Build.Retrying(), time: time, logs: logs.CreateFactory()).SendAsync(TestEndpoints.Echo(name), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None));

            Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(name + " attempt 1 failed (errcode -1)"));
            Assert.Contains(logs.Lines, l => l.Contains(server.BaseAddress.ToString().TrimEnd('/') + TestEndpoints.Path + "?access_token=***"));
            Assert.Single(metrics.Measurements, m => m.Instrument == TcbGenTelemetry.RetriesInstrument && (string?)m.Tags[TcbGenTelemetry.EndpointTag] == name);
        }
    }
}
