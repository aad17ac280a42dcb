using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.DependencyInjection
{
    public sealed class AddTcbGenTests
    {
        [Fact]
        public async Task The_transport_resolves_as_a_typed_client_and_calls_the_server()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Ok("from-di"));
            var services = new ServiceCollection();
            services.AddTcbGen(o => o.BaseAddress = server.BaseAddress)
                .UseAccessTokens((key, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken("di-token-" + key.AppId, null)));
            await using ServiceProvider provider = services.BuildServiceProvider();

            ITcbTransport transport = provider.GetRequiredService<ITcbTransport>();
            EchoResponse response = await transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.ForAuthorizer("wxapp"), new EchoRequest(), CancellationToken.None);

            Assert.IsType<TcbHttpTransport>(transport);
            Assert.Equal("from-di", response.Result);
            Assert.Equal("di-token-wxapp", Assert.Single(server.Requests).QueryValue("access_token"));
        }

        [Fact]
        public async Task The_builder_is_an_http_client_builder_whose_handlers_run_for_every_call()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Ok());
            var counter = new CountingHandler();
            var services = new ServiceCollection();
            IHttpClientBuilder builder = services.AddTcbGen(o => o.BaseAddress = server.BaseAddress).UseAccessTokens((_, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken("t", null)));
            builder.AddHttpMessageHandler(() => counter);
            await using ServiceProvider provider = services.BuildServiceProvider();

            var transport = provider.GetRequiredService<ITcbTransport>();
            await transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
            await transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);

            Assert.Equal(2, counter.Count);
        }

        [Fact]
        public async Task The_third_party_flow_resolves_with_the_users_stores()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On("/cgi-bin/component/api_component_token", Respond.ComponentToken("component-di"));
            server.On(TestEndpoints.Path, Respond.Ok());
            var services = new ServiceCollection();
            services.AddTcbGen(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.ThirdParty.ComponentAppId = "wxcomponent";
                o.ThirdParty.ComponentAppSecret = "s";
            }).UseThirdPartyPlatform<InMemoryTicketStore, InMemoryRefreshTokenStore>();
            await using ServiceProvider provider = services.BuildServiceProvider();

            await provider.GetRequiredService<ITcbTransport>().SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
            await provider.GetRequiredService<ITcbTransport>().SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);

            Assert.IsType<TcbThirdPartyTokenSource>(provider.GetRequiredService<ITcbAccessTokenSource>());
            Assert.Single(server.RequestsTo("/cgi-bin/component/api_component_token"));
            Assert.All(server.RequestsTo(TestEndpoints.Path), r => Assert.Equal("component-di", r.QueryValue("access_token")));
        }

        [Fact]
        public void Options_bind_from_configuration()
        {
            IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["BaseAddress"] = "https://wechat.example.com",
                ["MaxResponseBytes"] = "2048",
                ["AttemptTimeout"] = "00:00:07",
                ["Retry:MaxAttempts"] = "5",
                ["Retry:Enabled"] = "false",
                ["Tokens:RefreshMargin"] = "00:10:00",
                ["ThirdParty:ComponentAppId"] = "wxcomponent",
            }).Build();
            var services = new ServiceCollection();
            services.AddTcbGen(configuration).UseAccessTokens((_, _) => default);
            using ServiceProvider provider = services.BuildServiceProvider();

            TcbGenOptions options = provider.GetRequiredService<IOptions<TcbGenOptions>>().Value;

            Assert.Equal(new Uri("https://wechat.example.com"), options.BaseAddress);
            Assert.Equal(2048, options.MaxResponseBytes);
            Assert.Equal(TimeSpan.FromSeconds(7), options.AttemptTimeout);
            Assert.Equal(5, options.Retry.MaxAttempts);
            Assert.False(options.Retry.Enabled);
            Assert.Equal(TimeSpan.FromMinutes(10), options.Tokens.RefreshMargin);
            Assert.Equal("wxcomponent", options.ThirdParty.ComponentAppId);
        }

        [Fact]
        public async Task A_bad_base_address_fails_the_host_on_start()
        {
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddTcbGen(o => o.BaseAddress = new Uri("http://api.weixin.qq.com")).UseAccessTokens((_, _) => default);
            using IHost host = builder.Build();

            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("BaseAddress", exception.Message);
        }

        [Fact]
        public async Task The_third_party_flow_without_credentials_fails_the_host_on_start()
        {
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddTcbGen(o => o.ThirdParty.ComponentAppId = "wxcomponent").UseThirdPartyPlatform<InMemoryTicketStore, InMemoryRefreshTokenStore>();
            using IHost host = builder.Build();

            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("ComponentAppSecret", exception.Message);
            Assert.DoesNotContain("ComponentAppId is required", exception.Message);
        }

        [Fact]
        public async Task The_third_party_flow_without_stores_fails_the_host_on_start_naming_the_fix()
        {
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddTcbGen(o =>
            {
                o.ThirdParty.ComponentAppId = "wxcomponent";
                o.ThirdParty.ComponentAppSecret = "s";
            }).UseThirdPartyPlatform();
            using IHost host = builder.Build();

            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("No IComponentVerifyTicketStore is registered", exception.Message);
            Assert.Contains("No IAuthorizerRefreshTokenStore is registered", exception.Message);
            Assert.Contains("UseThirdPartyPlatform<TTicketStore, TRefreshTokenStore>()", exception.Message);
        }

        [Fact]
        public async Task No_token_source_fails_the_host_on_start_naming_the_fix()
        {
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddTcbGen(_ => { });
            using IHost host = builder.Build();

            var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Contains("No ITcbAccessTokenSource is registered: call UseThirdPartyPlatform()", exception.Message);
        }

        [Fact]
        public async Task Scoped_stores_pass_scope_validation_and_are_resolved_per_store_operation()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On("/cgi-bin/component/api_component_token", Respond.ComponentToken("component-scoped"));
            server.On(TestEndpoints.Path, Respond.Ok());
            var services = new ServiceCollection();
            services.AddTcbGen(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.ThirdParty.ComponentAppId = "wxcomponent";
                o.ThirdParty.ComponentAppSecret = "s";
            }).UseThirdPartyPlatform<InMemoryTicketStore, InMemoryRefreshTokenStore>(ServiceLifetime.Scoped);
            await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

            await provider.GetRequiredService<ITcbTransport>().SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);

            Assert.Equal(ServiceLifetime.Scoped, Assert.Single(services, d => d.ServiceType == typeof(IComponentVerifyTicketStore)).Lifetime);
            Assert.Equal("component-scoped", Assert.Single(server.RequestsTo(TestEndpoints.Path)).QueryValue("access_token"));
        }

        [Fact]
        public async Task A_good_configuration_starts()
        {
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddTcbGen(_ => { }).UseAccessTokens((_, _) => default);
            using IHost host = builder.Build();

            await host.StartAsync();
            await host.StopAsync();

            Assert.Equal(TcbGenOptions.DefaultBaseAddress, host.Services.GetRequiredService<IOptions<TcbGenOptions>>().Value.BaseAddress);
        }

        [Fact]
        public void Forgetting_the_token_source_explains_what_to_do()
        {
            var services = new ServiceCollection();
            services.AddTcbGen(_ => { });
            using ServiceProvider provider = services.BuildServiceProvider();

            // Without a host nothing runs on start; the options' validation then fails at the first use, with the same message.
            var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITcbTransport>());

            Assert.Contains("UseThirdPartyPlatform", exception.Message);
        }

        private sealed class CountingHandler : DelegatingHandler
        {
            private int _count;

            public int Count => _count;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _count);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
