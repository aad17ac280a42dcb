using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens.Cloudbase
{
    /// <summary>The third-party flow and the cloud-call token registered side by side, each kind from its own source.</summary>
    public sealed class ComposedSourcesTests
    {
        private static readonly TcbTokenKey CloudbaseKey = new TcbTokenKey(TcbTokenKind.CloudbaseAccessToken, "wxapp");

        [Fact]
        public async Task The_third_party_flow_and_the_token_file_serve_at_once_each_under_its_parameter()
        {
            string directory = Directory.CreateTempSubdirectory("tcbgen-composed-").FullName;
            try
            {
                string path = Path.Combine(directory, "cloudbase_access_token");
                File.WriteAllText(path, "cloud-from-file");
                await using TestServer server = await TestServer.StartAsync();
                server.On("/cgi-bin/component/api_component_token", Respond.ComponentToken("component-di"));
                server.On(TestEndpoints.Path, Respond.Ok());
                var services = new ServiceCollection();
                services.AddTcbGen(o =>
                {
                    o.BaseAddress = server.BaseAddress;
                    o.ThirdParty.ComponentAppId = "wxcomponent";
                    o.ThirdParty.ComponentAppSecret = "s";
                })
                    .UseThirdPartyPlatform<InMemoryTicketStore, InMemoryRefreshTokenStore>()
                    .UseCloudbaseAccessToken(o => o.FilePath = path);
                await using ServiceProvider provider = services.BuildServiceProvider();
                ITcbTransport transport = provider.GetRequiredService<ITcbTransport>();

                await transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
                await transport.SendAsync(TestEndpoints.Echo(), CloudbaseKey, new EchoRequest(), CancellationToken.None);

                var calls = server.RequestsTo(TestEndpoints.Path).ToList();
                Assert.Equal("component-di", calls[0].QueryValue("access_token"));
                Assert.Null(calls[0].QueryValue("cloudbase_access_token"));
                Assert.Equal("cloud-from-file", calls[1].QueryValue("cloudbase_access_token"));
                Assert.Null(calls[1].QueryValue("access_token"));
                Assert.IsType<TcbThirdPartyTokenSource>(provider.GetRequiredService<ITcbAccessTokenSource>());
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public async Task The_cloud_call_token_stands_in_for_the_component_token_when_asked()
        {
            string directory = Directory.CreateTempSubdirectory("tcbgen-standin-").FullName;
            try
            {
                string path = Path.Combine(directory, "cloudbase_access_token");
                File.WriteAllText(path, "cloud-from-file");
                await using TestServer server = await TestServer.StartAsync();
                server.On("/cgi-bin/component/api_component_token", Respond.ComponentToken("component-di"));
                server.On(TestEndpoints.Path, Respond.Ok());
                var services = new ServiceCollection();
                services.AddTcbGen(o =>
                {
                    o.BaseAddress = server.BaseAddress;
                    o.ThirdParty.ComponentAppId = "wxcomponent";
                    o.ThirdParty.ComponentAppSecret = "s";
                })
                    .UseThirdPartyPlatform<InMemoryTicketStore, InMemoryRefreshTokenStore>()
                    .UseCloudbaseAccessToken(o =>
                    {
                        o.FilePath = path;
                        o.StandsInFor.Add(TcbTokenKind.ComponentAccessToken);
                    });
                await using ServiceProvider provider = services.BuildServiceProvider();
                ITcbTransport transport = provider.GetRequiredService<ITcbTransport>();

                await transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
                await transport.SendAsync(TestEndpoints.Echo(), CloudbaseKey, new EchoRequest(), CancellationToken.None);

                var calls = server.RequestsTo(TestEndpoints.Path).ToList();
                Assert.All(calls, call => Assert.Equal("cloud-from-file", call.QueryValue("cloudbase_access_token")));
                Assert.All(calls, call => Assert.Null(call.QueryValue("access_token")));
                Assert.Empty(server.RequestsTo("/cgi-bin/component/api_component_token"));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public async Task A_kind_nobody_serves_is_refused_by_name()
        {
            var sources = new TcbTokenSourcesByKind(
                new[] { new System.Collections.Generic.KeyValuePair<TcbTokenKind, ITcbAccessTokenSource>(TcbTokenKind.CloudbaseAccessToken, TcbDelegateAccessTokenSource.FromStatic("c")) },
                fallback: null);

            var refused = await Assert.ThrowsAsync<System.NotSupportedException>(() => sources.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None).AsTask());

            Assert.Contains("component_access_token", refused.Message);
            Assert.Equal("c", (await sources.GetTokenAsync(CloudbaseKey, CancellationToken.None)).Value);
        }

        [Fact]
        public void The_router_serves_its_own_kinds_and_those_its_fallback_serves()
        {
            ITcbAccessTokenSource cloudbase = TcbDelegateAccessTokenSource.FromStatic("c");
            using var http = new System.Net.Http.HttpClient();
            var thirdParty = new TcbThirdPartyTokenSource(
                http,
                new TcbGenOptions { ThirdParty = { ComponentAppId = "wxcomponent", ComponentAppSecret = "s" } },
                new InMemoryTicketStore(),
                new InMemoryRefreshTokenStore());
            var custom = new TcbTokenKind("custom_access_token");
            var entry = new System.Collections.Generic.KeyValuePair<TcbTokenKind, ITcbAccessTokenSource>(TcbTokenKind.CloudbaseAccessToken, cloudbase);

            var overThirdParty = new TcbTokenSourcesByKind(new[] { entry }, thirdParty);
            var alone = new TcbTokenSourcesByKind(new[] { entry }, fallback: null);
            var overDelegate = new TcbTokenSourcesByKind(new[] { entry }, TcbDelegateAccessTokenSource.FromStatic("any"));

            Assert.True(thirdParty.Serves(TcbTokenKind.ComponentAccessToken));
            Assert.True(thirdParty.Serves(TcbTokenKind.AuthorizerAccessToken));
            Assert.False(thirdParty.Serves(TcbTokenKind.CloudbaseAccessToken));
            Assert.True(overThirdParty.Serves(TcbTokenKind.CloudbaseAccessToken));
            Assert.True(overThirdParty.Serves(TcbTokenKind.AuthorizerAccessToken));
            Assert.False(overThirdParty.Serves(custom));
            Assert.True(alone.Serves(TcbTokenKind.CloudbaseAccessToken));
            Assert.False(alone.Serves(TcbTokenKind.ComponentAccessToken));
            Assert.True(overDelegate.Serves(custom)); // a delegate source does not say, so it is trusted with every kind
        }

        [Fact]
        public async Task The_documented_middleware_carries_each_requests_header_to_the_calls_it_makes()
        {
            await using TestServer wechat = await TestServer.StartAsync();
            wechat.On(TestEndpoints.Path, Respond.Ok());
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddTcbGen(o => o.BaseAddress = wechat.BaseAddress).UseCloudbaseAccessToken(o => o.FilePath = null);
            await using WebApplication app = builder.Build();
            app.Use(async (context, next) =>
            {
                using (TcbCloudbaseTokenScope.Begin(context.Request.Headers[TcbCloudbaseTokenScope.HeaderName]))
                {
                    await next();
                }
            });
            app.MapGet("/work", async (ITcbTransport transport, CancellationToken cancellationToken) =>
            {
                await transport.SendAsync(TestEndpoints.Echo(), CloudbaseKey, new EchoRequest(), cancellationToken);
                return "done";
            });
            await app.StartAsync();
            string address = app.Urls.First();

            using var client = new System.Net.Http.HttpClient();
            foreach (string header in new[] { "header-one", "header-two" })
            {
                using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, address + "/work");
                request.Headers.Add(TcbCloudbaseTokenScope.HeaderName, header);
                using System.Net.Http.HttpResponseMessage response = await client.SendAsync(request);
                Assert.Equal("done", await response.Content.ReadAsStringAsync());
            }

            await app.StopAsync();
            Assert.Equal(new[] { "header-one", "header-two" }, wechat.RequestsTo(TestEndpoints.Path).Select(r => r.QueryValue("cloudbase_access_token")).ToArray());
        }
    }
}
