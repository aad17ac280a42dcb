using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TcbGen.Runtime;
using TcbGen.Testing;

namespace TcbGen.Redis.Tests.Infrastructure
{
    /// <summary>Builds platform instances (service providers, or bare Redis parts) that share one Redis.</summary>
    public static class Instances
    {
        public const string ComponentAppId = "wx-component";

        public static TcbGenOptions RuntimeOptions(Action<TcbGenOptions>? configure = null)
        {
            var options = new TcbGenOptions();
            options.ThirdParty.ComponentAppId = ComponentAppId;
            options.ThirdParty.ComponentAppSecret = "component-secret";
            configure?.Invoke(options);
            return options;
        }

        internal static TcbRedisContext Context(RedisServer redis, Action<TcbRedisOptions>? configure = null, TimeProvider? time = null, Action<TcbGenOptions>? runtime = null, Microsoft.Extensions.Logging.ILogger? logger = null, string? connectionString = null, ITcbTokenProtector? protector = null)
        {
            var options = new TcbRedisOptions();
            InParallelTests(options);
            configure?.Invoke(options);
            var connection = StackExchange.Redis.ConnectionMultiplexer.Connect(RedisConnectionSettings.FailFast(connectionString ?? redis.ConnectionString));
            return new TcbRedisContext(connection, ownsConnection: true, options, RuntimeOptions(runtime), time, logger ?? NullLogger.Instance, protector);
        }

        /// <summary>
        /// Test classes run in parallel on a 2-core CI machine, where a fresh connection's first command (script load, JIT) can
        /// outlive the 1-second production default. The default itself is exercised by the hung-Redis process tests, whose
        /// workers keep it.
        /// </summary>
        private static void InParallelTests(TcbRedisOptions options) => options.CommandTimeout = TimeSpan.FromSeconds(10);

        /// <summary>Registers an authorizer with the emulator and stores its refresh token where UseRedis keeps it.</summary>
        public static async System.Threading.Tasks.Task SeedAsync(WeChatEmulator emulator, RedisServer redis, string authorizerAppId)
        {
            emulator.RegisterAuthorizer(authorizerAppId, "refresh@0");
            using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            await connection.GetDatabase().StringSetAsync(RefreshTokenKey(emulator.ComponentAppId, authorizerAppId), "refresh@0");
        }

        /// <summary>The refresh token UseRedis keeps for an authorizer.</summary>
        public static async System.Threading.Tasks.Task<string?> StoredRefreshTokenAsync(RedisServer redis, string componentAppId, string authorizerAppId)
        {
            using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            return await connection.GetDatabase().StringGetAsync(RefreshTokenKey(componentAppId, authorizerAppId));
        }

        private static string RefreshTokenKey(string componentAppId, string authorizerAppId) => "tcbgen:" + componentAppId + ":refresh:" + authorizerAppId;

        /// <summary>A platform instance as a user configures it: third-party flow with UseRedis, against the emulator.</summary>
        public static ServiceProvider Platform(WeChatEmulator emulator, RedisServer redis, Action<TcbRedisOptions>? configure = null)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IComponentVerifyTicketStore>(new FixedTicket(emulator.ComponentVerifyTicket));
            services.AddTcbGen(options =>
                {
                    options.BaseAddress = emulator.BaseAddress;
                    options.ThirdParty.ComponentAppId = emulator.ComponentAppId;
                    options.ThirdParty.ComponentAppSecret = emulator.ComponentAppSecret;
                })
                .UseThirdPartyPlatform()
                .UseRedis(redis.ConnectionString, options =>
                {
                    InParallelTests(options);
                    configure?.Invoke(options);
                });
            return services.BuildServiceProvider();
        }

        private sealed class FixedTicket : IComponentVerifyTicketStore
        {
            private readonly string _ticket;

            public FixedTicket(string ticket)
            {
                _ticket = ticket;
            }

            public System.Threading.Tasks.ValueTask<string?> GetVerifyTicketAsync(string componentAppId, System.Threading.CancellationToken cancellationToken) => new(_ticket);
        }
    }
}
