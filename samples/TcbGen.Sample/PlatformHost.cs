using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TcbGen.AspNetCore;
using TcbGen.Redis;
using TcbGen.Runtime;
using TcbGen.Sample.Tcb;

namespace TcbGen.Sample
{
    /// <summary>
    /// The platform as it runs in production: a web app with the two URLs configured in the open platform console (the
    /// authorization-event URL that receives WeChat's encrypted pushes, and the redirect the authorization page returns
    /// to), the third-party token flow, and the generated clients. Nothing is seeded: the ticket arrives by push and each
    /// merchant's refresh token by authorization.
    /// </summary>
    internal sealed class PlatformHost : IAsyncDisposable
    {
        public const string EventsPath = "/wechat/component";
        public const string RedirectPath = "/wechat/authorized";

        private readonly WebApplication _app;

        private PlatformHost(WebApplication app, Uri baseAddress, AuthorizationEvents events)
        {
            _app = app;
            BaseAddress = baseAddress;
            Events = events;
        }

        public Uri BaseAddress { get; }

        public Uri EventUrl => new(BaseAddress, EventsPath);

        public Uri RedirectUri => new(BaseAddress, RedirectPath);

        public IServiceProvider Services => _app.Services;

        /// <summary>What the platform's authorization hooks saw.</summary>
        public AuthorizationEvents Events { get; }

        /// <summary>Starts the platform on 127.0.0.1 with the console settings (appid, secret, message token, EncodingAESKey) given.</summary>
        public static async Task<PlatformHost> StartAsync(PlatformSettings settings, string? redisConfiguration, CancellationToken cancellationToken)
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();

            var events = new AuthorizationEvents();
            builder.Services.AddSingleton<ITcbComponentEventHandler>(events);
            if (redisConfiguration is null)
            {
                // One process: the runtime's in-memory stores keep the pushed ticket and the merchants' refresh tokens.
                var stores = new TcbInMemoryThirdPartyStores();
                builder.Services.AddSingleton<IComponentVerifyTicketStore>(stores);
                builder.Services.AddSingleton<IAuthorizerRefreshTokenStore>(stores);
            }

            TcbGenBuilder tcb = builder.Services.AddTcbGen(options =>
                {
                    options.UseEmulatorAddress(settings.WeChatAddress);
                    options.ThirdParty.ComponentAppId = settings.ComponentAppId;
                    options.ThirdParty.ComponentAppSecret = settings.ComponentAppSecret;
                    options.Retry.BaseDelay = TimeSpan.FromMilliseconds(50);
                })
                .UseThirdPartyPlatform();
            if (redisConfiguration != null)
            {
                // Several instances: tokens, the ticket and the refresh tokens live in Redis, shared by every instance.
                tcb.UseRedis(redisConfiguration);
            }

            tcb.AddTcbClients();
            builder.Services.AddTcbComponentEvents(options =>
            {
                options.Token = settings.MessageToken;
                options.EncodingAesKey = settings.EncodingAesKey;
            });

            WebApplication app = builder.Build();
            app.MapTcbComponentEvents(EventsPath);
            app.MapTcbAuthorizationRedirect(RedirectPath);
            await app.StartAsync(cancellationToken);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new PlatformHost(app, new Uri(address.TrimEnd('/') + "/"), events);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>The open platform console's settings for the platform, and where WeChat (here the emulator) is.</summary>
    internal sealed record PlatformSettings(Uri WeChatAddress, string ComponentAppId, string ComponentAppSecret, string MessageToken, string EncodingAesKey)
    {
        public override string ToString() => $"PlatformSettings {{ WeChatAddress = {WeChatAddress}, ComponentAppId = {ComponentAppId}, secrets = *** }}";
    }

    /// <summary>The platform's authorization hooks: what a real platform would write to its merchant table.</summary>
    internal sealed class AuthorizationEvents : ITcbComponentEventHandler
    {
        private readonly List<string> _seen = new();

        public IReadOnlyList<string> Seen
        {
            get
            {
                lock (_seen)
                {
                    return _seen.ToArray();
                }
            }
        }

        public Task OnAuthorizedAsync(TcbAuthorizationInfo authorization, CancellationToken cancellationToken)
        {
            Add($"authorized {authorization.AuthorizerAppId} with permission sets [{string.Join(", ", authorization.PermissionSetIds)}]");
            return Task.CompletedTask;
        }

        public Task OnUnauthorizedAsync(string authorizerAppId, CancellationToken cancellationToken)
        {
            Add($"unauthorized {authorizerAppId}");
            return Task.CompletedTask;
        }

        private void Add(string line)
        {
            lock (_seen)
            {
                _seen.Add(line);
            }
        }
    }
}
