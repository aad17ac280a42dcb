using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TcbGen.Runtime;
using TcbGen.Testing;

namespace TcbGen.AspNetCore.Tests
{
    /// <summary>
    /// A platform on real Kestrel (127.0.0.1, a free port) with the authorization-event URL and redirect mapped, talking
    /// to the emulator as WeChat; pushes are encrypted here with the platform's token and key, as WeChat would.
    /// </summary>
    internal sealed class PlatformHost : IAsyncDisposable
    {
        public const string ComponentAppId = "wx-component";
        public const string Token = "platform-token";
        public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

        private readonly WebApplication _app;

        private PlatformHost(WebApplication app, WeChatEmulator emulator, TcbInMemoryThirdPartyStores stores, RecordingHandler hooks, CapturedLog log, Uri baseAddress)
        {
            _app = app;
            Emulator = emulator;
            Stores = stores;
            Hooks = hooks;
            Log = log;
            Http = new HttpClient { BaseAddress = baseAddress };
            Crypto = new TcbMessageCrypto(Token, EncodingAesKey, ComponentAppId);
        }

        public WeChatEmulator Emulator { get; }

        public TcbInMemoryThirdPartyStores Stores { get; }

        public RecordingHandler Hooks { get; }

        public CapturedLog Log { get; }

        public HttpClient Http { get; }

        public TcbMessageCrypto Crypto { get; }

        public TcbThirdPartyTokenSource Tokens => _app.Services.GetRequiredService<TcbThirdPartyTokenSource>();

        public static async Task<PlatformHost> StartAsync(Action<TcbComponentEventsOptions>? configure = null)
        {
            WeChatEmulator emulator = await WeChatEmulator.StartAsync(new WeChatEmulatorOptions { ComponentAppId = ComponentAppId });
            var stores = new TcbInMemoryThirdPartyStores();
            var hooks = new RecordingHandler();
            var log = new CapturedLog();
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Trace);
            builder.Services.AddSingleton(stores);
            builder.Services.AddSingleton<IComponentVerifyTicketStore>(stores);
            builder.Services.AddSingleton<IAuthorizerRefreshTokenStore>(stores);
            builder.Services.AddSingleton<ITcbComponentEventHandler>(hooks);
            builder.Services.AddTcbGen(o =>
            {
                o.BaseAddress = emulator.BaseAddress;
                o.ThirdParty.ComponentAppId = ComponentAppId;
                o.ThirdParty.ComponentAppSecret = "component-secret";
            }).UseThirdPartyPlatform();
            builder.Services.AddTcbComponentEvents(o =>
            {
                o.Token = Token;
                o.EncodingAesKey = EncodingAesKey;
                o.MaxBodyBytes = 4096;
                configure?.Invoke(o);
            });

            WebApplication app = builder.Build();
            app.MapTcbComponentEvents("/wechat/component");
            app.MapTcbAuthorizationRedirect("/wechat/authorized");
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new PlatformHost(app, emulator, stores, hooks, log, new Uri(address));
        }

        /// <summary>Encrypts and signs an event as WeChat does and posts it; returns the response.</summary>
        public Task<HttpResponseMessage> PushAsync(string infoType, string innerFields, long? timestamp = null, Func<string, string>? tamperSignature = null)
        {
            string createTime = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
            string message = "<xml><AppId><![CDATA[" + ComponentAppId + "]]></AppId><CreateTime>" + createTime + "</CreateTime><InfoType><![CDATA[" + infoType + "]]></InfoType>" + innerFields + "</xml>";
            return PostEncryptedAsync(Crypto.Encrypt(message), createTime, tamperSignature);
        }

        public Task<HttpResponseMessage> PostEncryptedAsync(string encrypt, string timestamp, Func<string, string>? tamperSignature = null)
        {
            const string nonce = "1590219412";
            string signature = TcbMessageCrypto.ComputeSignature(Token, timestamp, nonce, encrypt);
            signature = tamperSignature?.Invoke(signature) ?? signature;
            string body = "<xml><ToUserName><![CDATA[" + ComponentAppId + "]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
            return PostRawAsync(body, timestamp, nonce, signature);
        }

        public Task<HttpResponseMessage> PostRawAsync(string body, string timestamp, string nonce, string signature)
        {
            string url = "/wechat/component?signature=x&timestamp=" + timestamp + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature=" + signature;
            return Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>The user hooks, recorded.</summary>
    internal sealed class RecordingHandler : ITcbComponentEventHandler
    {
        public ConcurrentQueue<TcbAuthorizationInfo> Authorized { get; } = new();

        public ConcurrentQueue<string> Unauthorized { get; } = new();

        public ConcurrentQueue<string> Other { get; } = new();

        public Task OnAuthorizedAsync(TcbAuthorizationInfo authorization, CancellationToken cancellationToken)
        {
            Authorized.Enqueue(authorization);
            return Task.CompletedTask;
        }

        public Task OnUnauthorizedAsync(string authorizerAppId, CancellationToken cancellationToken)
        {
            Unauthorized.Enqueue(authorizerAppId);
            return Task.CompletedTask;
        }

        public Task OnOtherEventAsync(string infoType, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
        {
            Other.Enqueue(infoType);
            return Task.CompletedTask;
        }
    }

    /// <summary>Every log line the host writes, with its exception text, to check nothing secret is logged.</summary>
    internal sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string All => string.Join("\n", _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => log._lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }
}
