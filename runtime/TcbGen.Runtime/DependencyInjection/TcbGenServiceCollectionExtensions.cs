using System;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TcbGen.Runtime;
using TcbGen.Runtime.Transfers;

// In Microsoft.Extensions.DependencyInjection, as AddHttpClient and AddOptions are, so no extra using is needed.
namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers the TcbGen runtime.</summary>
    public static class TcbGenServiceCollectionExtensions
    {
        /// <summary>The name of the HttpClient that calls the WeChat server APIs.</summary>
        public const string TransportHttpClientName = "TcbGen";

        /// <summary>The name of the HttpClient the third-party flow uses for the token endpoints.</summary>
        public const string TokenHttpClientName = "TcbGen.Tokens";

        /// <summary>The name of the HttpClient <see cref="TcbTransfers"/> sends its follow-up requests with (object storage, Tencent Cloud's function API).</summary>
        public const string TransfersHttpClientName = "TcbGen.Transfers";

        /// <summary>
        /// Registers <see cref="ITcbTransport"/> (a <see cref="TcbHttpTransport"/> typed client on IHttpClientFactory),
        /// <see cref="TcbGenOptions"/> (validated on start) and <see cref="TcbTransfers"/> (a typed client of its own, set by
        /// <see cref="TcbTransferOptions"/>: <c>services.Configure&lt;TcbTransferOptions&gt;(...)</c>). Choose a token source on the returned builder, e.g.
        /// <c>.UseThirdPartyPlatform&lt;MyTicketStore, MyRefreshTokenStore&gt;()</c> or <c>.UseAccessTokens(...)</c>.
        /// </summary>
        /// <param name="services">The services.</param>
        /// <param name="configure">Sets options.</param>
        /// <returns>The builder (an <see cref="IHttpClientBuilder"/> of the transport's client).</returns>
        /// <remarks>
        /// The HttpClients get an infinite <see cref="System.Net.Http.HttpClient.Timeout"/> (the runtime's <see cref="TcbGenOptions.AttemptTimeout"/>
        /// and <see cref="TcbGenOptions.TotalTimeout"/> apply instead) and IHttpClientFactory's default request loggers are removed,
        /// because on .NET 8 they log full URLs, access tokens included (and the transfers' pre-signed storage URLs carry
        /// their signatures in the query); the runtime logs redacted URLs itself. The transfers' client keeps HttpClient's
        /// default timeout (100 s) as a bound on one follow-up request; change it on
        /// <see cref="TcbGenBuilder.TransfersHttpClient"/>.
        /// Their primary handlers decode gzip and deflate answers (unless you configured a handler that already decodes).
        /// A handler placed innermost on the transport's client counts every HTTP attempt and keeps WeChat's retry rules
        /// under a resilience handler you add (see <see cref="TcbHttpResilience"/>); to let that handler retry, set
        /// <c>Retry.Enabled = false</c>.
        /// </remarks>
        public static TcbGenBuilder AddTcbGen(this IServiceCollection services, Action<TcbGenOptions> configure)
        {
            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            TcbGenBuilder builder = AddCore(services);
            services.Configure(configure);
            return builder;
        }

        /// <summary>Registers the runtime (see the other overload) with options bound from a configuration section.</summary>
        /// <param name="services">The services.</param>
        /// <param name="configuration">The section, e.g. <c>Configuration.GetSection("TcbGen")</c>.</param>
        /// <returns>The builder (an <see cref="IHttpClientBuilder"/> of the transport's client).</returns>
        public static TcbGenBuilder AddTcbGen(this IServiceCollection services, IConfiguration configuration)
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            TcbGenBuilder builder = AddCore(services);
            services.AddOptions<TcbGenOptions>().Bind(configuration);
            return builder;
        }

        private static TcbGenBuilder AddCore(IServiceCollection services)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            services.AddOptions<TcbGenOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TcbGenOptions>, TcbGenOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TcbGenOptions>, TcbTokenSourceValidator>());
            services.TryAddSingleton<ITcbAccessTokenCache, TcbInMemoryAccessTokenCache>();
            services.TryAddSingleton<TransportTokenSource>();
            services.TryAddSingleton<TcbHttpAttemptHandlerFilter>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter, TcbHttpAttemptHandlerFilter>(static provider => provider.GetRequiredService<TcbHttpAttemptHandlerFilter>()));
            services.TryAddSingleton<TcbDecompressionFilter>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter, TcbDecompressionFilter>(static provider => provider.GetRequiredService<TcbDecompressionFilter>()));

            IHttpClientBuilder transport = services
                .AddHttpClient<ITcbTransport, TcbHttpTransport>(TransportHttpClientName, static (client, provider) => new TcbHttpTransport(
                    client,
                    provider.GetRequiredService<TransportTokenSource>().Source,
                    provider.GetRequiredService<IOptions<TcbGenOptions>>().Value,
                    provider.GetService<TimeProvider>(),
                    provider.GetService<ILogger<TcbHttpTransport>>())
                {
                    // The HttpClient was created (its handler chain built) just before: the filters know what they did to it.
                    AnnotatesAttempts = provider.GetRequiredService<TcbHttpAttemptHandlerFilter>().AddsHandler,
                    DecodesContent = provider.GetRequiredService<TcbDecompressionFilter>().TransportDecodes,
                })
                .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
                .RemoveAllLoggers();

            IHttpClientBuilder tokens = services
                .AddHttpClient(TokenHttpClientName)
                .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
                .RemoveAllLoggers();

            // The clock of the migration waits is the application's TimeProvider when it registers one; options set later win.
            services.AddOptions<TcbTransferOptions>().Configure<IServiceProvider>(static (options, provider) =>
            {
                if (provider.GetService<TimeProvider>() is { } clock)
                {
                    options.TimeProvider = clock;
                }
            });
            IHttpClientBuilder transfers = services
                .AddHttpClient<TcbTransfers, TcbTransfers>(TransfersHttpClientName, static (client, provider) => new TcbTransfers(
                    client,
                    provider.GetRequiredService<IOptions<TcbTransferOptions>>().Value))
                .RemoveAllLoggers();

            return new TcbGenBuilder(transport, tokens, transfers);
        }
    }
}
