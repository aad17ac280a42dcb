using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TcbGen.Runtime
{
    /// <summary>
    /// What <c>AddTcbGen</c> returns: the <see cref="IHttpClientBuilder"/> of the transport's typed client (so
    /// <c>AddHttpMessageHandler</c>, <c>AddStandardResilienceHandler</c>, … apply to every API call) plus the choice
    /// of token source. Handlers for the token endpoints go on <see cref="TokenHttpClient"/>.
    /// </summary>
    public sealed class TcbGenBuilder : IHttpClientBuilder
    {
        internal TcbGenBuilder(IHttpClientBuilder transportClient, IHttpClientBuilder tokenClient, IHttpClientBuilder transfersClient)
        {
            TransportHttpClient = transportClient;
            TokenHttpClient = tokenClient;
            TransfersHttpClient = transfersClient;
        }

        /// <summary>The name of the transport's HttpClient.</summary>
        public string Name => TransportHttpClient.Name;

        /// <summary>The service collection.</summary>
        public IServiceCollection Services => TransportHttpClient.Services;

        /// <summary>The builder of the HttpClient that calls the WeChat server APIs (the same client this builder configures).</summary>
        public IHttpClientBuilder TransportHttpClient { get; }

        /// <summary>The builder of the HttpClient the third-party flow uses for the token endpoints.</summary>
        public IHttpClientBuilder TokenHttpClient { get; }

        /// <summary>
        /// The builder of the HttpClient of <see cref="Transfers.TcbTransfers"/>: its uploads, downloads and function-code
        /// uploads go to object storage and Tencent Cloud, never through the WeChat transport's handlers.
        /// </summary>
        public IHttpClientBuilder TransfersHttpClient { get; }

        /// <summary>Uses a token source you build (singleton), replacing any chosen before.</summary>
        /// <param name="factory">Creates the source.</param>
        /// <returns>This builder.</returns>
        public TcbGenBuilder UseAccessTokenSource(Func<IServiceProvider, ITcbAccessTokenSource> factory)
        {
            if (factory is null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            Services.Replace(ServiceDescriptor.Singleton<ITcbAccessTokenSource>(factory));
            return this;
        }

        /// <summary>Uses a token source type resolved from the container (singleton), replacing any chosen before.</summary>
        /// <typeparam name="TSource">The source type.</typeparam>
        /// <returns>This builder.</returns>
        public TcbGenBuilder UseAccessTokenSource<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSource>()
            where TSource : class, ITcbAccessTokenSource
        {
            Services.Replace(ServiceDescriptor.Singleton<ITcbAccessTokenSource, TSource>());
            return this;
        }

        /// <summary>Uses tokens you manage yourself: <paramref name="getToken"/> is asked on every call (wrap your own cache in it).</summary>
        /// <param name="getToken">Returns the current token for a key.</param>
        /// <param name="onRejected">Hears about tokens WeChat rejected (40001/40014/42001) before the one re-send; optional.</param>
        /// <returns>This builder.</returns>
        public TcbGenBuilder UseAccessTokens(
            Func<TcbTokenKey, CancellationToken, ValueTask<TcbAccessToken>> getToken,
            Func<TcbTokenKey, TcbAccessToken, CancellationToken, ValueTask>? onRejected = null)
        {
            if (getToken is null)
            {
                throw new ArgumentNullException(nameof(getToken));
            }

            return UseAccessTokenSource(_ => new TcbDelegateAccessTokenSource(getToken, onRejected));
        }

        /// <summary>
        /// Uses the third-party platform flow (<see cref="TcbThirdPartyTokenSource"/>) with the
        /// <see cref="IComponentVerifyTicketStore"/> and <see cref="IAuthorizerRefreshTokenStore"/> registered in the container,
        /// singleton or scoped: each store operation resolves the store in a scope of its own.
        /// <see cref="TcbGenOptions.ThirdParty"/> must hold the component appid and appsecret, and both stores must be
        /// registered (checked on start).
        /// </summary>
        /// <returns>This builder.</returns>
        public TcbGenBuilder UseThirdPartyPlatform()
        {
            Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TcbGenOptions>, TcbThirdPartyOptionsValidator>());
            // Registered as itself too, so the authorization-event endpoint and redirect reach its authorization methods.
            Services.TryAddSingleton(services =>
            {
                var stores = new ScopedTokenStores(services.GetRequiredService<IServiceScopeFactory>());
                return new TcbThirdPartyTokenSource(
                    () => services.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClient.Name),
                    services.GetRequiredService<IOptions<TcbGenOptions>>().Value,
                    stores,
                    stores,
                    services.GetRequiredService<ITcbAccessTokenCache>(),
                    services.GetService<TimeProvider>(),
                    services.GetService<ILogger<TcbThirdPartyTokenSource>>(),
                    services.GetService<ITcbTokenRenewalCoordinator>());
            });
            // The authorization flow's links: pre-auth code from the token source, page addresses from the options.
            Services.TryAddSingleton(services => new TcbAuthorizationLinks(
                services.GetRequiredService<IOptions<TcbGenOptions>>().Value,
                services.GetRequiredService<TcbThirdPartyTokenSource>()));
            return UseAccessTokenSource(services => services.GetRequiredService<TcbThirdPartyTokenSource>());
        }

        /// <summary>Uses the third-party platform flow, registering your two stores (unless stores are registered already).</summary>
        /// <typeparam name="TTicketStore">Your verify ticket store.</typeparam>
        /// <typeparam name="TRefreshTokenStore">Your refresh token store.</typeparam>
        /// <param name="storeLifetime">
        /// The stores' lifetime: <see cref="ServiceLifetime.Singleton"/> (the default), or <see cref="ServiceLifetime.Scoped"/>
        /// for a store over a scoped service such as a DbContext (each store operation then gets a scope of its own).
        /// </param>
        /// <returns>This builder.</returns>
        public TcbGenBuilder UseThirdPartyPlatform<
            [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTicketStore,
            [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRefreshTokenStore>(ServiceLifetime storeLifetime = ServiceLifetime.Singleton)
            where TTicketStore : class, IComponentVerifyTicketStore
            where TRefreshTokenStore : class, IAuthorizerRefreshTokenStore
        {
            Services.TryAdd(ServiceDescriptor.Describe(typeof(IComponentVerifyTicketStore), typeof(TTicketStore), storeLifetime));
            Services.TryAdd(ServiceDescriptor.Describe(typeof(IAuthorizerRefreshTokenStore), typeof(TRefreshTokenStore), storeLifetime));
            return UseThirdPartyPlatform();
        }

        /// <summary>
        /// Makes a generated client injectable: <typeparamref name="TClient"/> resolves (transient) to what
        /// <paramref name="create"/> makes over the transport. The generated <c>AddTcbClients()</c> calls this for every
        /// client and client factory; call it yourself only for a client of your own.
        /// </summary>
        /// <typeparam name="TClient">The service type, e.g. <c>ITcbComponentClient</c>.</typeparam>
        /// <param name="create">Creates the client over the transport (one small allocation for a generated client).</param>
        /// <returns>This builder.</returns>
        /// <remarks>
        /// Transient, like the transport it wraps (an IHttpClientFactory typed client): inject it where you use it and do not
        /// keep it past a request, so connections follow IHttpClientFactory's handler rotation.
        /// </remarks>
        public TcbGenBuilder AddClient<TClient>(Func<ITcbTransport, TClient> create)
            where TClient : class
        {
            if (create is null)
            {
                throw new ArgumentNullException(nameof(create));
            }

            Services.TryAddTransient(provider => create(provider.GetRequiredService<ITcbTransport>()));
            return this;
        }

        /// <summary>
        /// Makes a generated client injectable (see <see cref="AddClient{TClient}(Func{ITcbTransport, TClient})"/>) and records the
        /// token kind it calls with, so that start-up (<c>ValidateOnStart</c>) fails when no token source serves that kind,
        /// rather than the client's first call. The generated <c>AddTcbClients()</c> calls this overload.
        /// </summary>
        /// <typeparam name="TClient">The service type, e.g. <c>ITcbComponentClient</c>.</typeparam>
        /// <param name="tokenKind">The kind of token the client's endpoints accept.</param>
        /// <param name="create">Creates the client over the transport.</param>
        /// <returns>This builder.</returns>
        public TcbGenBuilder AddClient<TClient>(TcbTokenKind tokenKind, Func<ITcbTransport, TClient> create)
            where TClient : class
        {
            AddClient(create);
            Services.AddOptions<ClientTokenKinds>().ValidateOnStart();
            Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientTokenKinds>, ClientTokenKindsValidator>());
            Services.Configure<ClientTokenKinds>(check => check.Kinds.Add(tokenKind));
            return this;
        }

        /// <summary>
        /// Serves one token kind from its own source (singleton) while every other kind keeps the source chosen with the other
        /// <c>Use…</c> methods, e.g. the cloud-call token beside the third-party flow. Registering a kind again replaces its source.
        /// </summary>
        /// <param name="kind">The kind this source serves.</param>
        /// <param name="factory">Creates the source.</param>
        /// <returns>This builder.</returns>
        public TcbGenBuilder UseAccessTokenSourceFor(TcbTokenKind kind, Func<IServiceProvider, ITcbAccessTokenSource> factory)
        {
            if (factory is null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            Services.AddSingleton(new TokenSourceForKind(kind, factory));
            return this;
        }

        /// <summary>
        /// Serves <c>cloudbase_access_token</c> (the cloud-call token, 微信令牌) inside a WeChat cloud-hosting container: from the
        /// request's <see cref="TcbCloudbaseTokenScope"/> (set it from the <c>X-WX-CLOUDBASE-ACCESS-TOKEN</c> header) when there is one,
        /// else from the file WeChat pushes (<see cref="TcbCloudbaseTokenOptions.FilePath"/>). Other kinds keep their source, except those listed in
        /// <see cref="TcbCloudbaseTokenOptions.StandsInFor"/>, which are sent the cloud-call token instead.
        /// </summary>
        /// <param name="configure">Sets the file path and lifetime; optional.</param>
        /// <returns>This builder.</returns>
        public TcbGenBuilder UseCloudbaseAccessToken(Action<TcbCloudbaseTokenOptions>? configure = null)
        {
            var options = new TcbCloudbaseTokenOptions();
            configure?.Invoke(options);
            Services.TryAddSingleton(services => new TcbCloudbaseTokenSource(options, services.GetService<TimeProvider>()));
            foreach (TcbTokenKind kind in new[] { TcbTokenKind.CloudbaseAccessToken }.Concat(options.StandsInFor).Distinct())
            {
                UseAccessTokenSourceFor(kind, services => services.GetRequiredService<TcbCloudbaseTokenSource>());
            }

            return this;
        }

        /// <summary>Keeps tokens of the third-party flow in your store (e.g. a distributed cache) instead of in memory.</summary>
        /// <typeparam name="TCache">Your store.</typeparam>
        /// <returns>This builder.</returns>
        public TcbGenBuilder UseAccessTokenCache<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCache>()
            where TCache : class, ITcbAccessTokenCache
        {
            Services.Replace(ServiceDescriptor.Singleton<ITcbAccessTokenCache, TCache>());
            return this;
        }
    }
}
