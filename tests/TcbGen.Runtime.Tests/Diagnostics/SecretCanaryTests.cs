using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Diagnostics
{
    /// <summary>
    /// Drives every path with canary secrets and searches all log output (every level, every category, the
    /// HttpClient pipeline included), every exception's ToString(), every Activity tag (every source,
    /// System.Net.Http included) and every metric tag for them.
    /// </summary>
    public sealed class SecretCanaryTests
    {
        private const string ComponentPath = "/cgi-bin/component/api_component_token";
        private const string AuthorizerPath = "/cgi-bin/component/api_authorizer_token";

        private static readonly string[] Canaries =
        {
            "CANARY-SECRET-7f3", "CANARY-TICKET-9a1", "CANARY-REFRESH-1", "CANARY-REFRESH-2",
            "CANARY-COMPONENT-TOKEN-1", "CANARY-COMPONENT-TOKEN-2", "CANARY-AUTHZ-TOKEN-1", "CANARY-AUTHZ-TOKEN-2",
            "CANARY-STATIC-TOKEN", "CANARY-LEAKED-TOKEN",
        };

        private readonly ConcurrentQueue<Exception> _exceptions = new();

        [Fact]
        public async Task No_secret_appears_in_logs_exceptions_activity_tags_or_metric_tags()
        {
            var logs = new CapturingLoggerProvider();
            using var activities = new ActivityCapture();
            using var metrics = new MetricCapture();
            await using TestServer server = await TestServer.StartAsync();
            var time = new ManualTime();

            server.Once(ComponentPath, Respond.ComponentToken("CANARY-COMPONENT-TOKEN-1")).On(ComponentPath, Respond.ComponentToken("CANARY-COMPONENT-TOKEN-2"));
            server.Once(AuthorizerPath, Respond.Error(40001, "invalid credential rid: r-1"))
                  .Once(AuthorizerPath, Respond.AuthorizerToken("CANARY-AUTHZ-TOKEN-1", "CANARY-REFRESH-2"))
                  .On(AuthorizerPath, Respond.AuthorizerToken("CANARY-AUTHZ-TOKEN-2", "CANARY-REFRESH-2"));
            server.Once(TestEndpoints.Path, Respond.Error(42001, "access_token expired rid: r-2"))
                  .Once(TestEndpoints.Path, Respond.Ok())
                  .Once(TestEndpoints.Path, Respond.Error(-601049, "env not found rid: r-3"))
                  .Once(TestEndpoints.Path, Respond.Json("<html>gateway</html>", contentType: "text/html"))
                  .Once(TestEndpoints.Path, Respond.Status(502))
                  .Once(TestEndpoints.Path, Respond.Status(502))
                  .Once(TestEndpoints.Path, Respond.Error(-1, "busy"))
                  .Once(TestEndpoints.Path, Respond.Error(40014, "invalid access_token"))
                  .Once(TestEndpoints.Path, Respond.Error(40014, "invalid access_token"));
            var received = new TaskCompletionSource();
            server.On("/tcb/hang", Respond.Hang(received));

            var services = new ServiceCollection();
            services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IComponentVerifyTicketStore>(new InMemoryTicketStore { Ticket = "CANARY-TICKET-9a1" });
            var refreshStore = new InMemoryRefreshTokenStore();
            refreshStore.Tokens["wxapp"] = "CANARY-REFRESH-1";
            services.AddSingleton<IAuthorizerRefreshTokenStore>(refreshStore);
            services.AddTcbGen(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.ThirdParty.ComponentAppId = "wxcomponent";
                o.ThirdParty.ComponentAppSecret = "CANARY-SECRET-7f3";
                o.AttemptTimeout = TimeSpan.FromSeconds(5);
                o.TotalTimeout = Timeout.InfiniteTimeSpan;
                o.Retry.MaxAttempts = 3;
            }).UseThirdPartyPlatform();
            await using ServiceProvider provider = services.BuildServiceProvider();
            var transport = provider.GetRequiredService<ITcbTransport>();
            var key = TcbTokenKey.ForAuthorizer("wxapp");
            var endpoint = TestEndpoints.Echo("canary");

            await time.DriveAsync(transport.SendAsync(endpoint, key, new EchoRequest(), CancellationToken.None)); // renewals, rotation, 42001 renewal
            await Capture(() => transport.SendAsync(endpoint, key, new EchoRequest(), CancellationToken.None)); // api error
            await Capture(() => transport.SendAsync(endpoint, key, new EchoRequest(), CancellationToken.None)); // protocol error
            await Capture(() => time.DriveAsync(transport.SendAsync(endpoint, key, new EchoRequest(), CancellationToken.None))); // 502, 502, -1: retries exhausted
            await Capture(() => transport.SendAsync(endpoint, key, new EchoRequest(), CancellationToken.None)); // 40014 twice: no loop

            Task<EchoResponse> hanging = transport.SendAsync(TestEndpoints.Echo("canary-hang", isRetrySafe: false, path: "/tcb/hang"), key, new EchoRequest(), CancellationToken.None);
            await received.Task;
            time.Advance(TimeSpan.FromSeconds(5));
            await Capture(() => hanging); // attempt timeout

            using var cancellation = new CancellationTokenSource();
            var received2 = new TaskCompletionSource();
            server.On("/tcb/hang", Respond.Hang(received2));
            Task<EchoResponse> canceled = transport.SendAsync(TestEndpoints.Echo("canary-cancel", path: "/tcb/hang"), key, new EchoRequest(), cancellation.Token);
            await received2.Task;
            cancellation.Cancel();
            await Capture(() => canceled);

            // A token endpoint that answers with a token but no usable expires_in: the protocol exception's excerpt must not leak it.
            await using TestServer broken = await TestServer.StartAsync();
            broken.On(ComponentPath, Respond.Json("{\"component_access_token\":\"CANARY-LEAKED-TOKEN\",\"expires_in\":\"soon\"}"));
            var brokenSource = new TcbThirdPartyTokenSource(new HttpClient(), Build.Options(broken, o => o.ThirdParty.ComponentAppSecret = "CANARY-SECRET-7f3"), new InMemoryTicketStore { Ticket = "CANARY-TICKET-9a1" }, refreshStore, logger: logs.CreateFactory().CreateLogger<TcbThirdPartyTokenSource>());
            await Capture(() => Build.Transport(broken, tokens: brokenSource, logs: logs.CreateFactory()).SendAsync(endpoint, TcbTokenKey.Component, new EchoRequest(), CancellationToken.None));

            // A static source's token rejected twice.
            await using TestServer rejecting = await TestServer.StartAsync();
            rejecting.On(TestEndpoints.Path, Respond.Error(40001, "invalid credential"));
            await Capture(() => Build.Transport(rejecting, tokens: TcbDelegateAccessTokenSource.FromStatic("CANARY-STATIC-TOKEN"), logs: logs.CreateFactory()).SendAsync(endpoint, TcbTokenKey.Component, new EchoRequest(), CancellationToken.None));

            // The paths really ran, so the scan below is not vacuous.
            Assert.Equal("CANARY-REFRESH-2", refreshStore.Tokens["wxapp"]);
            Assert.Contains(server.RequestsTo(TestEndpoints.Path), r => r.QueryValue("access_token") == "CANARY-AUTHZ-TOKEN-2");
            Assert.Equal(
                new[] { typeof(TcbApiException<EchoErrorCode>), typeof(TcbProtocolException), typeof(TcbApiException<EchoErrorCode>), typeof(TcbApiException<EchoErrorCode>), typeof(TcbTimeoutException), typeof(OperationCanceledException), typeof(TcbProtocolException), typeof(TcbApiException<EchoErrorCode>) },
                _exceptions.Select(e => e.GetType()));
            Assert.Contains(logs.Lines, l => l.Contains("?access_token=***"));
            Assert.Contains(logs.Lines, l => l.Contains("?component_access_token=***"));
            Assert.Contains(activities.Stopped, a => a.Source.Name == "System.Net.Http");
            Assert.Contains(activities.Stopped, a => a.Source.Name == TcbGenTelemetry.ActivitySourceName);

            var haystacks = new List<(string Where, string Text)>();
            haystacks.AddRange(logs.Lines.Select(l => ("log", l)));
            haystacks.AddRange(_exceptions.Select(e => ("exception", e.ToString() + " " + string.Join(" ", e.Data.Values.Cast<object>()))));
            haystacks.AddRange(activities.AllTagText().Select(t => ("activity", t)));
            haystacks.AddRange(metrics.AllTagText().Select(t => ("metric", t)));
            haystacks.Add(("token", new TcbAccessToken("CANARY-STATIC-TOKEN", null).ToString()));
            haystacks.Add(("options", new TcbThirdPartyPlatformOptions { ComponentAppSecret = "CANARY-SECRET-7f3" }.ToString()));

            var leaks = haystacks.SelectMany(h => Canaries.Where(c => h.Text.Contains(c, StringComparison.Ordinal)).Select(c => h.Where + " leaks " + c + ": " + h.Text)).ToList();
            Assert.Empty(leaks);
        }

        private async Task Capture(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (Exception exception)
            {
                _exceptions.Enqueue(exception);
                return;
            }

            throw new Xunit.Sdk.XunitException("The call was expected to fail.");
        }
    }
}
