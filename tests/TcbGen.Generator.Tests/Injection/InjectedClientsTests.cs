using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.Injection
{
    /// <summary>The generated <c>AddTcbClients()</c>, as an ASP.NET Core app uses it, against the emulator and the real third-party flow.</summary>
    public sealed class InjectedClientsTests : IAsyncLifetime
    {
        private const string AppId = "wx-injected";
        private const string RefreshToken = "refresh-injected";

        private WeChatEmulator _emulator = null!;

        public async Task InitializeAsync()
        {
            _emulator = await WeChatEmulator.StartAsync();
            _emulator.RegisterAuthorizer(AppId, RefreshToken);
        }

        public async Task DisposeAsync() => await _emulator.DisposeAsync();

        [Fact]
        public async Task The_component_client_and_the_authorizer_client_factory_are_injectable_and_call_wechat()
        {
            var stores = new SharedStores(_emulator);
            var services = new ServiceCollection();
            services.AddSingleton<IComponentVerifyTicketStore>(stores);
            services.AddSingleton<IAuthorizerRefreshTokenStore>(stores);
            AddTcbGen(services).UseThirdPartyPlatform().AddTcbClients();
            await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

            ITcbComponentClient component = provider.GetRequiredService<ITcbComponentClient>();
            ITcbAuthorizerClient authorizer = provider.GetRequiredService<ITcbAuthorizerClientFactory>().For(AppId);
            await component.ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = "env-component" });
            await authorizer.CreateCloudUserAsync();

            Assert.IsType<TcbComponentClient>(component);
            Assert.Equal(AppId, Assert.IsType<TcbAuthorizerClient>(authorizer).AppId);
            Assert.Equal(AppId, Assert.Single(_emulator.RequestsTo("createCloudUser")).AuthorizerAppId);
        }

        [Fact]
        public void A_client_from_the_factory_costs_one_small_allocation()
        {
            var services = new ServiceCollection();
            AddTcbGen(services).UseAccessTokens((_, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken("t", null))).AddTcbClients();
            using ServiceProvider provider = services.BuildServiceProvider();
            ITcbAuthorizerClientFactory factory = provider.GetRequiredService<ITcbAuthorizerClientFactory>();
            GC.KeepAlive(factory.For(AppId));

            long before = GC.GetAllocatedBytesForCurrentThread();
            ITcbAuthorizerClient client = factory.For(AppId);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            GC.KeepAlive(client);
            // One object: header and method table (16 bytes), the transport and the token key (kind and appid) - under 64 bytes on x64.
            Assert.InRange(allocated, 1, 64);
        }

        [Fact]
        public async Task A_minimal_api_route_calls_wechat_for_the_appid_in_its_route_and_maps_an_unknown_authorizer_to_404()
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddScoped<ScopedRefreshTokenStore>();
            builder.Services.AddSingleton(new SharedStores(_emulator));
            builder.Services.AddSingleton<IComponentVerifyTicketStore>(p => p.GetRequiredService<SharedStores>());
            // A scoped store, as one over a DbContext is: resolved in a scope of its own for each store operation.
            builder.Services.AddScoped<IAuthorizerRefreshTokenStore>(p => p.GetRequiredService<ScopedRefreshTokenStore>());
            AddTcbGen(builder.Services).UseThirdPartyPlatform().UseCloudbaseAccessToken().AddTcbClients();
            await using WebApplication app = builder.Build();

            app.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (TcbAuthorizerNotFoundException)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }
            });
            app.MapPost("/accounts/{appId}/cloud-users", async (string appId, ITcbAuthorizerClientFactory clients, CancellationToken cancellationToken) =>
            {
                await clients.For(appId).CreateCloudUserAsync(cancellationToken);
                return Results.NoContent();
            });
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            HttpResponseMessage known = await http.PostAsync($"/accounts/{AppId}/cloud-users", null);
            HttpResponseMessage unknown = await http.PostAsync("/accounts/wx-never-authorized/cloud-users", null);
            await app.StopAsync();

            Assert.Equal(HttpStatusCode.NoContent, known.StatusCode);
            Assert.Equal(AppId, Assert.Single(_emulator.RequestsTo("createCloudUser")).AuthorizerAppId);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.True(ScopedRefreshTokenStore.Disposed >= 2, "each store operation gets its own scope, disposed after it");
        }

        [Fact]
        public async Task Start_up_fails_naming_the_token_kind_a_registered_client_needs_and_no_source_serves()
        {
            // This project's specs include a cloud-call endpoint (TestSpecs/cloudCall.tcb.json), so AddTcbClients() registers a
            // client that calls with cloudbase_access_token, which the third-party flow does not supply.
            HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddSingleton(new SharedStores(_emulator));
            builder.Services.AddSingleton<IComponentVerifyTicketStore>(p => p.GetRequiredService<SharedStores>());
            builder.Services.AddSingleton<IAuthorizerRefreshTokenStore>(p => p.GetRequiredService<SharedStores>());
            AddTcbGen(builder.Services).UseThirdPartyPlatform().AddTcbClients();
            using IHost host = builder.Build();

            var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            string message = Assert.Single(failure.Failures);
            Assert.Contains("cloudbase_access_token", message, StringComparison.Ordinal);
            Assert.Contains("UseCloudbaseAccessToken", message, StringComparison.Ordinal);
            Assert.Empty(_emulator.Requests);
        }

        [Fact]
        public async Task Start_up_succeeds_once_every_kind_the_clients_need_is_served()
        {
            async Task StartAndStopAsync(Action<TcbGenBuilder> chooseSources)
            {
                HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
                builder.Services.AddSingleton(new SharedStores(_emulator));
                builder.Services.AddSingleton<IComponentVerifyTicketStore>(p => p.GetRequiredService<SharedStores>());
                builder.Services.AddSingleton<IAuthorizerRefreshTokenStore>(p => p.GetRequiredService<SharedStores>());
                TcbGenBuilder tcb = AddTcbGen(builder.Services);
                chooseSources(tcb);
                tcb.AddTcbClients();
                using IHost host = builder.Build();
                await host.StartAsync();
                await host.StopAsync();
            }

            // The third-party flow plus the cloud-call token: every kind has a source.
            await StartAndStopAsync(tcb => tcb.UseThirdPartyPlatform().UseCloudbaseAccessToken());
            // A delegate source does not say which kinds it serves, so it is trusted with all of them.
            await StartAndStopAsync(tcb => tcb.UseAccessTokens((_, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken("t", null))));
        }

        private TcbGenBuilder AddTcbGen(IServiceCollection services) => services.AddTcbGen(o =>
        {
            o.BaseAddress = _emulator.BaseAddress;
            o.ThirdParty.ComponentAppId = _emulator.ComponentAppId;
            o.ThirdParty.ComponentAppSecret = _emulator.ComponentAppSecret;
        });

        private sealed class SharedStores : IComponentVerifyTicketStore, IAuthorizerRefreshTokenStore
        {
            private readonly WeChatEmulator _emulator;

            public SharedStores(WeChatEmulator emulator) => _emulator = emulator;

            public ConcurrentDictionary<string, string> RefreshTokens { get; } = new ConcurrentDictionary<string, string> { [AppId] = RefreshToken };

            public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) => new ValueTask<string?>(_emulator.ComponentVerifyTicket);

            public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken) =>
                new ValueTask<string?>(RefreshTokens.TryGetValue(authorizerAppId, out string? token) ? token : null);

            public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken) =>
                new ValueTask<bool>(RefreshTokens.TryUpdate(authorizerAppId, newRefreshToken, usedRefreshToken));
        }

        /// <summary>Stands for a store over a DbContext: scoped, and async-disposable only.</summary>
        private sealed class ScopedRefreshTokenStore : IAuthorizerRefreshTokenStore, IAsyncDisposable
        {
            private static int s_disposed;
            private readonly SharedStores _shared;
            private bool _disposed;

            public ScopedRefreshTokenStore(SharedStores shared) => _shared = shared;

            public static int Disposed => Volatile.Read(ref s_disposed);

            public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken) =>
                _disposed ? throw new ObjectDisposedException(nameof(ScopedRefreshTokenStore)) : _shared.GetRefreshTokenAsync(authorizerAppId, cancellationToken);

            public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken) =>
                _disposed ? throw new ObjectDisposedException(nameof(ScopedRefreshTokenStore)) : _shared.TryReplaceRefreshTokenAsync(authorizerAppId, usedRefreshToken, newRefreshToken, cancellationToken);

            public ValueTask DisposeAsync()
            {
                _disposed = true;
                Interlocked.Increment(ref s_disposed);
                return default;
            }
        }
    }
}
