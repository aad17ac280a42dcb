using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.BuiltInSpecs.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests
{
    /// <summary>The emulator serving every built-in spec, and the generated clients pointed at it (tokens issued by the emulator).</summary>
    public sealed class EmulatorClients : IAsyncLifetime
    {
        /// <summary>The merchant the authorizer client calls for.</summary>
        public const string AuthorizerAppId = "wx-built-in-specs";

        private ServiceProvider? _services;

        /// <summary>The running emulator.</summary>
        public WeChatEmulator Emulator { get; private set; } = null!;

        /// <summary>The client of the merchant's authorizer token.</summary>
        public ITcbAuthorizerClient Authorizer => _services!.GetRequiredService<ITcbAuthorizerClientFactory>().For(AuthorizerAppId);

        /// <summary>The client of the platform's component token.</summary>
        public ITcbComponentClient Component => _services!.GetRequiredService<ITcbComponentClient>();

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            // The token-flow specs' examples name the platform "appid_value" and the merchant "auth_appid_value".
            WeChatEmulator emulator = Emulator = await WeChatEmulator.StartAsync(new WeChatEmulatorOptions { ComponentAppId = "appid_value" });
            emulator.RegisterAuthorizer("auth_appid_value", "refresh_token_value");
            var services = new ServiceCollection();
            services.AddTcbGen(options => options.BaseAddress = emulator.BaseAddress)
                .UseAccessTokens((key, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken(emulator.IssueToken(key.Kind.Name, key.AppId), null)))
                .AddTcbClients();
            _services = services.BuildServiceProvider();
        }

        /// <inheritdoc />
        public async Task DisposeAsync()
        {
            if (_services != null)
            {
                await _services.DisposeAsync();
            }

            if (Emulator != null)
            {
                await Emulator.DisposeAsync();
            }
        }
    }
}
