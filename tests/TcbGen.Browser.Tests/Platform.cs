using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TcbGen.AspNetCore;
using TcbGen.Runtime;
using TcbGen.Testing;

namespace TcbGen.Browser.Tests
{
    /// <summary>
    /// A third-party platform on real Kestrel (127.0.0.1, a free port): TcbGen.AspNetCore's authorization-event URL and
    /// redirect, in-memory stores, and the emulator as WeChat.
    /// </summary>
    internal sealed class Platform : IAsyncDisposable
    {
        public const string EventsPath = "/wechat/component";
        public const string RedirectPath = "/wechat/authorized";

        private readonly WebApplication _app;

        private Platform(WebApplication app, TcbInMemoryThirdPartyStores stores, Uri baseAddress)
        {
            _app = app;
            Stores = stores;
            BaseAddress = baseAddress;
        }

        public TcbInMemoryThirdPartyStores Stores { get; }

        public Uri BaseAddress { get; }

        public Uri EventUrl => new Uri(BaseAddress, EventsPath);

        public Uri RedirectUri => new Uri(BaseAddress, RedirectPath);

        public TcbThirdPartyTokenSource Tokens => _app.Services.GetRequiredService<TcbThirdPartyTokenSource>();

        /// <summary>The platform's authorization-link builder (pre-auth code + page link), pointed at the emulator's pages.</summary>
        public TcbAuthorizationLinks Links => _app.Services.GetRequiredService<TcbAuthorizationLinks>();

        /// <summary>Starts a platform whose console settings (appid, token, EncodingAESKey) are the emulator's.</summary>
        public static async Task<Platform> StartAsync(WeChatEmulator emulator, string messageToken, string encodingAesKey)
        {
            var stores = new TcbInMemoryThirdPartyStores();
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IComponentVerifyTicketStore>(stores);
            builder.Services.AddSingleton<IAuthorizerRefreshTokenStore>(stores);
            builder.Services.AddTcbGen(o =>
            {
                o.UseEmulatorAddress(emulator.BaseAddress);
                o.ThirdParty.ComponentAppId = emulator.ComponentAppId;
                o.ThirdParty.ComponentAppSecret = emulator.ComponentAppSecret;
            }).UseThirdPartyPlatform();
            builder.Services.AddTcbComponentEvents(o =>
            {
                o.Token = messageToken;
                o.EncodingAesKey = encodingAesKey;
            });

            WebApplication app = builder.Build();
            app.MapTcbComponentEvents(EventsPath);
            app.MapTcbAuthorizationRedirect(RedirectPath);
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new Platform(app, stores, new Uri(address.TrimEnd('/') + "/"));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
