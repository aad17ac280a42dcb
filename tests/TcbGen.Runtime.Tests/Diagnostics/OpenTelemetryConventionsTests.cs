using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Diagnostics
{
    /// <summary>
    /// Exports through OpenTelemetry's SDK and in-memory exporter, as an application would, and checks the semantic
    /// conventions: INTERNAL call span with HttpClient's CLIENT spans as children, token renewals as their own spans,
    /// low-cardinality <c>error.type</c>, the duration histogram's bucket advice, and <c>tcb.attempts</c> counting
    /// attempts a handler on the HttpClient made.
    /// </summary>
    [Collection(OpenTelemetryExport.Name)]
    public sealed class OpenTelemetryConventionsTests
    {
        private const string ComponentPath = "/cgi-bin/component/api_component_token";
        private const string AuthorizerPath = "/cgi-bin/component/api_authorizer_token";

        [Fact]
        public async Task Call_spans_are_internal_with_client_http_children_and_token_refreshes_have_their_own_spans()
        {
            var spans = new List<Activity>();
            using TracerProvider tracing = Sdk.CreateTracerProviderBuilder()
                .AddSource(TcbGenTelemetry.ActivitySourceName, "System.Net.Http")
                .SetSampler(new AlwaysOnSampler())
                .AddInMemoryExporter(spans)
                .Build()!;
            await using TestServer server = await TestServer.StartAsync();
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.On(AuthorizerPath, Respond.AuthorizerToken("authorizer-1", "refresh-1"));
            server.Once(TestEndpoints.Path, Respond.Status(502)).Once(TestEndpoints.Path, Respond.Ok()).On(TestEndpoints.Path, Respond.Error(-601049, "env not found"));
            var time = new ManualTime();
            await using ServiceProvider provider = ThirdPartyServices(server, time, o => Build.Retrying()(o)).BuildServiceProvider();
            var transport = provider.GetRequiredService<ITcbTransport>();
            string name = "otel-" + Guid.NewGuid().ToString("N");

            await time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(name), TcbTokenKey.ForAuthorizer("wxapp"), new EchoRequest(), CancellationToken.None));
            await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(() => transport.SendAsync(TestEndpoints.Echo(name), TcbTokenKey.ForAuthorizer("wxapp"), new EchoRequest(), CancellationToken.None));
            tracing.ForceFlush();

            Activity[] calls = spans.Where(s => s.DisplayName == "tcb " + name).ToArray();
            Assert.Equal(2, calls.Length);
            Assert.All(calls, c => Assert.Equal(ActivityKind.Internal, c.Kind));
            Assert.All(calls, c => Assert.Equal(TcbGenTelemetry.ActivitySourceName, c.Source.Name));

            // The first call: a 502 then success, each attempt a CLIENT span of HttpClient under the call span.
            Activity first = calls[0];
            Activity[] attempts = spans.Where(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == first.SpanId).ToArray();
            Assert.Equal(2, attempts.Length);
            Assert.All(attempts, a => Assert.Equal(ActivityKind.Client, a.Kind));
            Assert.Equal(new object[] { 502, 200 }, attempts.Select(a => a.GetTagItem("http.response.status_code")));
            Assert.Equal(2, first.GetTagItem(TcbGenTelemetry.AttemptsTag));
            Assert.Equal(ActivityStatusCode.Unset, first.Status);

            // The tokens were renewed inside the first call: INTERNAL spans of their own, children of it (the
            // authorizer renewal needs a component token, so that renewal nests in it), each with its HTTP span.
            Activity authorizer = Assert.Single(spans, s => s.DisplayName == "tcb refresh authorizer_access_token");
            Activity component = Assert.Single(spans, s => s.DisplayName == "tcb refresh component_access_token");
            Assert.Equal(first.SpanId, authorizer.ParentSpanId);
            Assert.Equal(authorizer.SpanId, component.ParentSpanId);
            Assert.All(new[] { authorizer, component }, r => Assert.Equal(ActivityKind.Internal, r.Kind));
            Assert.Equal("authorizer_access_token", authorizer.GetTagItem(TcbGenTelemetry.TokenKindTag));
            Assert.Contains(spans, s => s.Source.Name == "System.Net.Http" && s.Kind == ActivityKind.Client && s.ParentSpanId == component.SpanId);

            // The second call failed with an errcode: error.type is the errcode, not a type name.
            Activity second = calls[1];
            Assert.Equal(ActivityStatusCode.Error, second.Status);
            Assert.Equal("-601049", second.GetTagItem(TcbGenTelemetry.ErrorTypeTag));
            Assert.Equal(-601049, second.GetTagItem(TcbGenTelemetry.ErrorCodeTag));
        }

        [Fact]
        public async Task Error_type_of_a_timeout_is_the_short_exception_name()
        {
            var spans = new List<Activity>();
            using TracerProvider tracing = Sdk.CreateTracerProviderBuilder().AddSource(TcbGenTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build()!;
            await using TestServer server = await TestServer.StartAsync();
            var received = new TaskCompletionSource();
            server.On(TestEndpoints.Path, Respond.Hang(received));
            var time = new ManualTime();
            var transport = Build.Transport(server, o => o.AttemptTimeout = TimeSpan.FromSeconds(5), time: time);

            Task<EchoResponse> call = transport.SendAsync(TestEndpoints.Echo("otel-timeout"), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
            await received.Task;
            time.Advance(TimeSpan.FromSeconds(5));
            await Assert.ThrowsAsync<TcbTimeoutException>(() => call);
            tracing.ForceFlush();

            Activity span = Assert.Single(spans, s => s.DisplayName == "tcb otel-timeout");
            Assert.Equal("TcbTimeoutException", span.GetTagItem(TcbGenTelemetry.ErrorTypeTag));
            Assert.Equal("timeout", span.StatusDescription);
        }

        [Fact]
        public async Task Duration_histogram_carries_explicit_bucket_advice_and_failures_a_low_cardinality_error_type()
        {
            var metrics = new List<Metric>();
            using MeterProvider meters = Sdk.CreateMeterProviderBuilder().AddMeter(TcbGenTelemetry.MeterName).AddInMemoryExporter(metrics).Build()!;
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Ok()).On(TestEndpoints.Path, Respond.Error(45011, "api minute-quota reach limit"));
            var transport = Build.Transport(server);
            string name = "otel-metrics-" + Guid.NewGuid().ToString("N");

            await transport.SendAsync(TestEndpoints.Echo(name), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
            await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(() => transport.SendAsync(TestEndpoints.Echo(name), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None));
            meters.ForceFlush();

            Metric duration = metrics.Last(m => m.Name == TcbGenTelemetry.CallDurationInstrument);
            Assert.Equal("s", duration.Unit);
            var points = new List<MetricPoint>();
            foreach (ref readonly MetricPoint point in duration.GetMetricPoints())
            {
                points.Add(point);
            }

            MetricPoint ours = Assert.Single(points, p => Tags(p).TryGetValue(TcbGenTelemetry.EndpointTag, out object? endpoint) && (string?)endpoint == name && !Tags(p).ContainsKey(TcbGenTelemetry.ErrorTypeTag));
            var bounds = new List<double>();
            foreach (HistogramBucket bucket in ours.GetHistogramBuckets())
            {
                bounds.Add(bucket.ExplicitBound);
            }

            Assert.Equal(TcbGenTelemetry.CallDurationBucketBoundaries.Append(double.PositiveInfinity), bounds);

            MetricPoint failed = Assert.Single(points, p => Tags(p).TryGetValue(TcbGenTelemetry.EndpointTag, out object? endpoint) && (string?)endpoint == name && Tags(p).ContainsKey(TcbGenTelemetry.ErrorTypeTag));
            Assert.Equal("45011", Tags(failed)[TcbGenTelemetry.ErrorTypeTag]);
        }

        [Fact]
        public async Task Attempts_count_every_http_attempt_including_those_of_a_handler_that_retries()
        {
            var spans = new List<Activity>();
            using TracerProvider tracing = Sdk.CreateTracerProviderBuilder().AddSource(TcbGenTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build()!;
            await using TestServer server = await TestServer.StartAsync();
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.Once(TestEndpoints.Path, Respond.Status(503)).On(TestEndpoints.Path, Respond.Ok());
            var services = ThirdPartyServices(server, new ManualTime(), o => o.Retry.Enabled = false);
            services.AddTransient<SendTwiceOn503Handler>();
            TcbGenBuilder builder = services.AddTcbGen(_ => { });
            builder.AddHttpMessageHandler<SendTwiceOn503Handler>();
            await using ServiceProvider provider = services.BuildServiceProvider();

            await provider.GetRequiredService<ITcbTransport>().SendAsync(TestEndpoints.Echo("otel-handler"), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
            tracing.ForceFlush();

            Assert.Equal(2, server.RequestsTo(TestEndpoints.Path).Count);
            Activity span = Assert.Single(spans, s => s.DisplayName == "tcb otel-handler");
            Assert.Equal(2, span.GetTagItem(TcbGenTelemetry.AttemptsTag));
        }

        private static IServiceCollection ThirdPartyServices(TestServer server, TimeProvider time, Action<TcbGenOptions> configure)
        {
            var services = new ServiceCollection();
            services.AddSingleton(time);
            services.AddSingleton<IComponentVerifyTicketStore>(new InMemoryTicketStore());
            var refreshTokens = new InMemoryRefreshTokenStore();
            refreshTokens.Tokens["wxapp"] = "refresh-0";
            services.AddSingleton<IAuthorizerRefreshTokenStore>(refreshTokens);
            services.AddTcbGen(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.ThirdParty.ComponentAppId = "wxcomponent";
                o.ThirdParty.ComponentAppSecret = "secret";
                configure(o);
            }).UseThirdPartyPlatform();
            return services;
        }

        private static Dictionary<string, object?> Tags(MetricPoint point)
        {
            var tags = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            return tags;
        }

        /// <summary>A stand-in for a resilience handler: sends a request again when the first answer is 503.</summary>
        private sealed class SendTwiceOn503Handler : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    return response;
                }

                response.Dispose();
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }

    /// <summary>Tests that install process-wide OpenTelemetry providers run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class OpenTelemetryExport
    {
        public const string Name = "OpenTelemetry export";
    }
}
