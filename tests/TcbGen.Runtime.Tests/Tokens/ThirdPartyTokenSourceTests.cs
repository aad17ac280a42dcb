using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens
{
    public sealed class ThirdPartyTokenSourceTests
    {
        private const string ComponentPath = "/cgi-bin/component/api_component_token";
        private const string AuthorizerPath = "/cgi-bin/component/api_authorizer_token";
        private static readonly EchoRequest Request = new() { Env = "env-1" };

        private static TcbThirdPartyTokenSource Source(TestServer server, InMemoryRefreshTokenStore? refresh = null, TimeProvider? time = null, InMemoryTicketStore? tickets = null)
            => new(new HttpClient(), Build.Options(server), tickets ?? new InMemoryTicketStore(), refresh ?? new InMemoryRefreshTokenStore(), null, time);

        [Fact]
        public async Task Component_token_is_requested_with_appid_secret_and_ticket_then_cached()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.On(TestEndpoints.Path, Respond.Ok());
            var tokens = Source(server);
            var transport = Build.Transport(server, tokens: tokens);

            await transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default);
            await transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default);

            RecordedRequest fetch = Assert.Single(server.RequestsTo(ComponentPath));
            using var body = JsonDocument.Parse(fetch.Body);
            Assert.Equal("wxcomponent", body.RootElement.GetProperty("component_appid").GetString());
            Assert.Equal("secret@component", body.RootElement.GetProperty("component_appsecret").GetString());
            Assert.Equal("ticket@initial", body.RootElement.GetProperty("component_verify_ticket").GetString());
            Assert.Empty(fetch.Query);
            Assert.All(server.RequestsTo(TestEndpoints.Path), r => Assert.Equal("component-1", r.QueryValue("access_token")));
        }

        [Fact]
        public async Task Authorizer_token_uses_the_component_token_and_refresh_token_and_persists_the_rotated_one()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            server.On(AuthorizerPath, Respond.AuthorizerToken("authorizer-1", "refresh@rotated"));
            var refresh = new InMemoryRefreshTokenStore();
            refresh.Tokens["wxapp"] = "refresh@initial";

            TcbAccessToken token = await Source(server, refresh).GetTokenAsync(TcbTokenKey.ForAuthorizer("wxapp"), default);

            Assert.Equal("authorizer-1", token.Value);
            RecordedRequest fetch = Assert.Single(server.RequestsTo(AuthorizerPath));
            Assert.Equal("component-1", fetch.QueryValue("component_access_token"));
            using var body = JsonDocument.Parse(fetch.Body);
            Assert.Equal("wxcomponent", body.RootElement.GetProperty("component_appid").GetString());
            Assert.Equal("wxapp", body.RootElement.GetProperty("authorizer_appid").GetString());
            Assert.Equal("refresh@initial", body.RootElement.GetProperty("authorizer_refresh_token").GetString());
            Assert.Equal("refresh@rotated", refresh.Tokens["wxapp"]);
        }

        [Fact]
        public async Task A_thousand_concurrent_callers_cause_exactly_one_token_fetch()
        {
            await using TestServer server = await TestServer.StartAsync();
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.On(ComponentPath, async context =>
            {
                await release.Task;
                await Respond.ComponentToken("component-1")(context);
            });
            var tokens = Source(server);
            using var start = new ManualResetEventSlim();

            Task<TcbAccessToken>[] callers = Enumerable.Range(0, 1000)
                .Select(_ => Task.Run(async () =>
                {
                    start.Wait();
                    return await tokens.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None);
                }))
                .ToArray();
            start.Set();
            while (server.RequestsTo(ComponentPath).Count == 0)
            {
                await Task.Yield();
            }

            release.SetResult();
            TcbAccessToken[] results = await Task.WhenAll(callers);

            Assert.Single(server.RequestsTo(ComponentPath));
            Assert.All(results, t => Assert.Equal("component-1", t.Value));
            Assert.Single(results.Distinct(ReferenceEqualityComparer.Instance));
        }

        [Fact]
        public async Task A_waiter_that_cancels_does_not_cancel_the_shared_renewal()
        {
            await using TestServer server = await TestServer.StartAsync();
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.On(ComponentPath, async context =>
            {
                await release.Task;
                await Respond.ComponentToken("component-1")(context);
            });
            var tokens = Source(server);
            using var cancellation = new CancellationTokenSource();

            Task<TcbAccessToken> impatient = tokens.GetTokenAsync(TcbTokenKey.Component, cancellation.Token).AsTask();
            Task<TcbAccessToken> patient = tokens.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None).AsTask();
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
            release.SetResult();

            Assert.Equal("component-1", (await patient).Value);
            Assert.Single(server.RequestsTo(ComponentPath));
        }

        [Fact]
        public async Task Tokens_are_renewed_the_refresh_margin_before_expiry()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(ComponentPath, Respond.ComponentToken("component-1", expiresIn: 7200)).On(ComponentPath, Respond.ComponentToken("component-2"));
            var time = new ManualTime();
            var tokens = Source(server, time: time);

            Assert.Equal("component-1", (await tokens.GetTokenAsync(TcbTokenKey.Component, default)).Value);
            time.Advance(TimeSpan.FromSeconds(7200 - 300 - 1));
            Assert.Equal("component-1", (await tokens.GetTokenAsync(TcbTokenKey.Component, default)).Value);
            time.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal("component-2", (await tokens.GetTokenAsync(TcbTokenKey.Component, default)).Value);

            Assert.Equal(2, server.RequestsTo(ComponentPath).Count);
        }

        [Theory]
        [InlineData(40001)]
        [InlineData(40014)]
        [InlineData(42001)]
        public async Task A_rejected_token_is_renewed_and_the_call_sent_once_more(int errcode)
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(ComponentPath, Respond.ComponentToken("component-old")).On(ComponentPath, Respond.ComponentToken("component-new"));
            server.Once(TestEndpoints.Path, Respond.Error(errcode, "invalid credential")).On(TestEndpoints.Path, Respond.Ok());
            var transport = Build.Transport(server, tokens: Source(server));

            EchoResponse response = await transport.SendAsync(TestEndpoints.Echo(isRetrySafe: false), TcbTokenKey.Component, Request, default);

            Assert.Equal("done", response.Result);
            Assert.Equal(new[] { "component-old", "component-new" }, server.RequestsTo(TestEndpoints.Path).Select(r => r.QueryValue("access_token")));
            Assert.Equal(2, server.RequestsTo(ComponentPath).Count);
        }

        [Fact]
        public async Task When_the_renewed_token_is_rejected_too_the_api_exception_surfaces_without_looping()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(ComponentPath, Respond.ComponentToken("component-x"));
            server.On(TestEndpoints.Path, Respond.Error(40001, "invalid credential rid: abc-1"));
            var time = new ManualTime();
            var transport = Build.Transport(server, Build.Retrying(), tokens: Source(server, time: time), time: time);

            var exception = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.Equal(40001, exception.ErrorCode);
            Assert.Equal("abc-1", exception.RequestId);
            Assert.Equal(2, server.RequestsTo(TestEndpoints.Path).Count);
            Assert.Equal(2, server.RequestsTo(ComponentPath).Count);
        }

        [Fact]
        public async Task Invalidation_removes_only_the_token_that_failed()
        {
            var cache = new TcbInMemoryAccessTokenCache();
            var old = new TcbAccessToken("old", null);
            var renewed = new TcbAccessToken("new", null);
            await cache.SetAsync(TcbTokenKey.Component, renewed, default);

            Assert.False(await cache.RemoveIfMatchesAsync(TcbTokenKey.Component, old, default));
            Assert.Same(renewed, await cache.GetAsync(TcbTokenKey.Component, default));
            Assert.True(await cache.RemoveIfMatchesAsync(TcbTokenKey.Component, new TcbAccessToken("new", null), default));
            Assert.Null(await cache.GetAsync(TcbTokenKey.Component, default));
        }

        [Fact]
        public async Task Concurrent_rejections_of_the_same_token_cause_one_renewal()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(ComponentPath, Respond.ComponentToken("component-old")).On(ComponentPath, Respond.ComponentToken("component-new"));
            server.On(TestEndpoints.Path, context => context.Request.Query["access_token"] == "component-old"
                ? Respond.Error(42001, "access_token expired")(context)
                : Respond.Ok()(context));
            var tokens = Source(server);
            await tokens.GetTokenAsync(TcbTokenKey.Component, default);
            var transport = Build.Transport(server, tokens: tokens);

            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.Equal(2, server.RequestsTo(ComponentPath).Count);
        }

        [Fact]
        public async Task A_token_endpoint_errcode_throws_an_api_exception_naming_that_endpoint()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(ComponentPath, Respond.Error(61006, "component ticket is invalid rid: t-1"));
            server.On(TestEndpoints.Path, Respond.Ok());
            var time = new ManualTime();
            var transport = Build.Transport(server, Build.Retrying(), tokens: Source(server, time: time), time: time);

            var exception = await Assert.ThrowsAnyAsync<TcbApiException>(() => time.DriveAsync(transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default)));

            Assert.Equal("api_component_token", exception.EndpointName);
            Assert.Equal(61006, exception.ErrorCode);
            Assert.Equal("t-1", exception.RequestId);
            // The endpoint is generated from its spec, so the spec's solution for the code comes with the error.
            Assert.Contains("newest ticket", exception.Solution, StringComparison.Ordinal);
            Assert.Single(server.RequestsTo(ComponentPath));
            Assert.Empty(server.RequestsTo(TestEndpoints.Path));
        }

        [Fact]
        public async Task A_rejected_component_token_is_renewed_once_while_getting_an_authorizer_token()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(ComponentPath, Respond.ComponentToken("component-old")).On(ComponentPath, Respond.ComponentToken("component-new"));
            server.Once(AuthorizerPath, Respond.Error(40001, "invalid credential")).On(AuthorizerPath, Respond.AuthorizerToken("authorizer-1", "refresh@initial"));
            var refresh = new InMemoryRefreshTokenStore();
            refresh.Tokens["wxapp"] = "refresh@initial";

            TcbAccessToken token = await Source(server, refresh).GetTokenAsync(TcbTokenKey.ForAuthorizer("wxapp"), default);

            Assert.Equal("authorizer-1", token.Value);
            Assert.Equal(new[] { "component-old", "component-new" }, server.RequestsTo(AuthorizerPath).Select(r => r.QueryValue("component_access_token")));
            Assert.Equal("refresh@initial", refresh.Tokens["wxapp"]);
        }

        [Fact]
        public async Task A_missing_verify_ticket_or_refresh_token_fails_clearly_without_calling_wechat()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(ComponentPath, Respond.ComponentToken("component-1"));
            var source = Source(server, tickets: new InMemoryTicketStore { Ticket = null });

            var noTicket = await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetTokenAsync(TcbTokenKey.Component, default).AsTask());
            Assert.Contains("component_verify_ticket", noTicket.Message);
            Assert.Empty(server.Requests);

            var noRefresh = await Assert.ThrowsAsync<TcbAuthorizerNotFoundException>(() => Source(server).GetTokenAsync(TcbTokenKey.ForAuthorizer("wxunknown"), default).AsTask());
            Assert.Equal("wxunknown", noRefresh.AuthorizerAppId);
            Assert.Contains("wxunknown", noRefresh.Message);
        }

        [Fact]
        public void The_source_refuses_options_without_component_credentials()
        {
            var options = new TcbGenOptions();
            Assert.Throws<ArgumentException>(() => new TcbThirdPartyTokenSource(new HttpClient(), options, new InMemoryTicketStore(), new InMemoryRefreshTokenStore()));
        }
    }
}
