using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TcbGen.Redis;
using TcbGen.Runtime;

// In Microsoft.Extensions.DependencyInjection, as AddTcbGen is, so no extra using is needed.
namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Shares the third-party flow's tokens between instances through Redis.</summary>
    public static class TcbGenRedisBuilderExtensions
    {
        /// <summary>
        /// Keeps access tokens in Redis (behind an in-process first level), renews each token in one instance at a time
        /// (a lease in Redis), and, unless <see cref="TcbRedisOptions.StoreRefreshTokens"/> is off, keeps authorizer refresh
        /// tokens in Redis with compare-and-set, and, unless an <see cref="IComponentVerifyTicketStore"/> is registered before
        /// this call, keeps the pushed <c>component_verify_ticket</c> in Redis (<see cref="TcbRedisVerifyTicketStore"/>), so
        /// every instance sees a ticket pushed to any one of them. Call it next to <c>UseThirdPartyPlatform</c>. With an
        /// <see cref="ITcbTokenProtector"/> registered (e.g. <c>ProtectTokensWithDataProtection()</c>), the tokens are stored
        /// protected; values stored before still read, and are protected at their next write.
        /// </summary>
        /// <param name="builder">The builder <c>AddTcbGen</c> returned.</param>
        /// <param name="connectionString">A StackExchange.Redis configuration string. Never logged; connecting does not
        /// abort when Redis is down, and commands fail fast instead of queueing while it is.</param>
        /// <param name="configure">Sets <see cref="TcbRedisOptions"/>; optional.</param>
        /// <returns>The builder.</returns>
        public static TcbGenBuilder UseRedis(this TcbGenBuilder builder, string connectionString, Action<TcbRedisOptions>? configure = null)
        {
            if (string.IsNullOrEmpty(connectionString))
            {
                throw new ArgumentException("A Redis connection string is required.", nameof(connectionString));
            }

            return Register(builder, _ => ConnectionMultiplexer.Connect(RedisConnectionSettings.FailFast(connectionString)), ownsConnection: true, configure);
        }

        /// <summary>Like the other overload, with a connection you manage (and dispose).</summary>
        /// <param name="builder">The builder <c>AddTcbGen</c> returned.</param>
        /// <param name="connection">The connection. Configure it with <c>AbortOnConnectFail = false</c> and
        /// <c>BacklogPolicy.FailFast</c> so calls fail fast while Redis is down.</param>
        /// <param name="configure">Sets <see cref="TcbRedisOptions"/>; optional.</param>
        /// <returns>The builder.</returns>
        public static TcbGenBuilder UseRedis(this TcbGenBuilder builder, IConnectionMultiplexer connection, Action<TcbRedisOptions>? configure = null)
        {
            if (connection is null)
            {
                throw new ArgumentNullException(nameof(connection));
            }

            return Register(builder, _ => connection, ownsConnection: false, configure);
        }

        private static TcbGenBuilder Register(TcbGenBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connect, bool ownsConnection, Action<TcbRedisOptions>? configure)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            var options = new TcbRedisOptions();
            configure?.Invoke(options);
            IServiceCollection services = builder.Services;
            services.Replace(ServiceDescriptor.Singleton(provider => new TcbRedisContext(
                connect(provider),
                ownsConnection,
                options,
                provider.GetRequiredService<IOptions<TcbGenOptions>>().Value,
                provider.GetService<TimeProvider>(),
                provider.GetService<ILoggerFactory>()?.CreateLogger("TcbGen.Redis"),
                provider.GetService<ITcbTokenProtector>())));
            services.Replace(ServiceDescriptor.Singleton<ITcbAccessTokenCache>(provider => new TcbRedisAccessTokenCache(provider.GetRequiredService<TcbRedisContext>())));
            services.Replace(ServiceDescriptor.Singleton<ITcbTokenRenewalCoordinator>(provider => new TcbRedisRenewalLease(provider.GetRequiredService<TcbRedisContext>())));
            services.Replace(ServiceDescriptor.Singleton(provider => new TcbRedisRefreshTokenStore(provider.GetRequiredService<TcbRedisContext>())));
            services.Replace(ServiceDescriptor.Singleton(provider => new TcbRedisVerifyTicketStore(provider.GetRequiredService<TcbRedisContext>())));

            // A ticket store of the user's own (registered before this call) stays: it may be shared some other way.
            services.TryAddSingleton<IComponentVerifyTicketStore>(provider => provider.GetRequiredService<TcbRedisVerifyTicketStore>());
            if (options.StoreRefreshTokens)
            {
                services.Replace(ServiceDescriptor.Singleton<IAuthorizerRefreshTokenStore>(provider => provider.GetRequiredService<TcbRedisRefreshTokenStore>()));
            }

            return builder;
        }
    }
}
