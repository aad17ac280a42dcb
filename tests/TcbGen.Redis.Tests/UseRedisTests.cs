using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Redis.Tests
{
    /// <summary>UseRedis as a user writes it, two instances against the emulator, which rotates the refresh token on every renewal.</summary>
    public sealed class UseRedisTests
    {
        private const string AuthorizerAppId = "wx-shared";

        [Fact]
        public void With_StoreRefreshTokens_off_your_own_refresh_token_store_stays_registered()
        {
            var own = new OwnStore();
            var services = new ServiceCollection();
            services.AddSingleton<IAuthorizerRefreshTokenStore>(own);
            services.AddTcbGen(_ => { }).UseThirdPartyPlatform().UseRedis("127.0.0.1:1", redis => redis.StoreRefreshTokens = false);
            using ServiceProvider provider = services.BuildServiceProvider();

            Assert.Same(own, provider.GetRequiredService<IAuthorizerRefreshTokenStore>());
        }

        [Fact]
        public void By_default_refresh_tokens_are_kept_in_Redis()
        {
            var services = new ServiceCollection();
            services.AddSingleton<IAuthorizerRefreshTokenStore>(new OwnStore());
            services.AddTcbGen(o =>
                {
                    o.ThirdParty.ComponentAppId = "wx-component";
                    o.ThirdParty.ComponentAppSecret = "component-secret";
                }).UseThirdPartyPlatform().UseRedis("127.0.0.1:1,connectTimeout=100");
            using ServiceProvider provider = services.BuildServiceProvider();

            Assert.IsType<TcbRedisRefreshTokenStore>(provider.GetRequiredService<IAuthorizerRefreshTokenStore>());
        }

        [SkippableFact]
        public async Task Two_instances_renewing_together_for_20_rounds_fetch_each_token_once_per_round_and_never_fail()
        {
            using RedisServer redis = RedisServer.Start();
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            emulator.RegisterAuthorizer(AuthorizerAppId, "refresh@0");
            await using ServiceProvider first = Instances.Platform(emulator, redis);
            await using ServiceProvider second = Instances.Platform(emulator, redis);
            await first.GetRequiredService<TcbRedisRefreshTokenStore>().SetRefreshTokenAsync(AuthorizerAppId, "refresh@0", default);
            ITcbAccessTokenSource[] sources = { first.GetRequiredService<ITcbAccessTokenSource>(), second.GetRequiredService<ITcbAccessTokenSource>() };
            var cache = first.GetRequiredService<ITcbAccessTokenCache>();
            TcbTokenKey key = TcbTokenKey.ForAuthorizer(AuthorizerAppId);

            int failures = 0;
            for (int round = 0; round < 20; round++)
            {
                if (await cache.GetAsync(key, default) is { } current)
                {
                    await cache.RemoveIfMatchesAsync(key, current, default);
                    await Task.Delay(50);
                }

                Task<TcbAccessToken>[] calls = sources.SelectMany(source => Enumerable.Range(0, 5).Select(_ => Task.Run(async () => await source.GetTokenAsync(key, CancellationToken.None)))).ToArray();
                try
                {
                    await Task.WhenAll(calls);
                }
                catch (Exception)
                {
                }

                failures += calls.Count(call => !call.IsCompletedSuccessfully);
                Assert.Single(calls.Where(call => call.IsCompletedSuccessfully).Select(call => call.Result.Value).Distinct());
            }

            Assert.Equal(0, failures);
            Assert.Equal(20, emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));
            Assert.Equal(1, emulator.TokenFetchCount(WeChatEmulator.ComponentAccessTokenKind));
            Assert.Equal(emulator.CurrentRefreshToken(AuthorizerAppId), await first.GetRequiredService<IAuthorizerRefreshTokenStore>().GetRefreshTokenAsync(AuthorizerAppId, default));
        }

        private sealed class OwnStore : IAuthorizerRefreshTokenStore
        {
            public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken) => new((string?)null);

            public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken) => new(false);
        }
    }
}
