using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TcbGen.AspNetCore;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Redis.Tests
{
    /// <summary>
    /// Tokens at rest: with Data Protection registered, what a real redis-server holds reveals no token, another instance
    /// sharing the key ring reads it, compare-and-set and compare-and-delete still work, values stored in clear before
    /// protection was turned on still read, and the first-level hit stays free of Redis and of allocations.
    /// </summary>
    public sealed class TokensAtRestTests : IDisposable
    {
        private const string AccessCanary = "ACCESS-canary-7f3a9c";
        private const string RefreshCanary = "REFRESH-canary-51e0d2";
        private const string TicketCanary = "TICKET-canary-0b94e1";
        private static readonly TcbTokenKey Key = TcbTokenKey.ForAuthorizer("wx-app");

        private readonly DirectoryInfo _keyRing = Directory.CreateTempSubdirectory("tcbgen-keys-");

        [SkippableFact]
        public async Task Stored_tokens_are_unreadable_in_Redis_and_read_by_another_instance_sharing_the_key_ring()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext first = Instances.Context(redis, protector: Protector());
            using TcbRedisContext second = Instances.Context(redis, protector: Protector());
            var token = new TcbAccessToken(AccessCanary, DateTimeOffset.UtcNow.AddHours(2));

            await new TcbRedisAccessTokenCache(first).SetAsync(Key, token, default);
            await new TcbRedisRefreshTokenStore(first).SetRefreshTokenAsync("wx-app", RefreshCanary, default);

            string rawAccess = (await Raw(first, first.Keys.Token(Key)))!;
            string rawRefresh = (await Raw(first, first.Keys.RefreshToken("wx-app")))!;
            Assert.DoesNotContain(AccessCanary, rawAccess);
            Assert.Contains("|" + StoredSecrets.ProtectedPrefix, rawAccess);
            Assert.DoesNotContain(RefreshCanary, rawRefresh);
            Assert.StartsWith(StoredSecrets.ProtectedPrefix, rawRefresh);
            Assert.Equal(token, await new TcbRedisAccessTokenCache(second).GetAsync(Key, default));
            Assert.Equal(RefreshCanary, await new TcbRedisRefreshTokenStore(second).GetRefreshTokenAsync("wx-app", default));

            // The pushed verify ticket is kept the same way.
            await new TcbRedisVerifyTicketStore(first).SaveVerifyTicketAsync(Instances.ComponentAppId, TicketCanary, TimeSpan.FromHours(12), default);
            RedisValue rawTicket = await first.Connection.GetDatabase().HashGetAsync(first.Keys.VerifyTicket, "value");
            Assert.DoesNotContain(TicketCanary, rawTicket.ToString());
            Assert.StartsWith(StoredSecrets.ProtectedPrefix, rawTicket.ToString());
            Assert.Equal(TicketCanary, await new TcbRedisVerifyTicketStore(second).GetVerifyTicketAsync(Instances.ComponentAppId, default));
        }

        [SkippableFact]
        public async Task Compare_and_set_and_compare_and_delete_work_on_protected_values()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis, protector: Protector());
            var store = new TcbRedisRefreshTokenStore(context);
            var cache = new TcbRedisAccessTokenCache(context);
            await store.SetRefreshTokenAsync("wx-app", "refresh@1", default);

            Assert.True(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@1", "refresh@2", default));
            Assert.True(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@1", "refresh@2", default)); // a retried save
            Assert.False(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@1", "refresh@2-late", default));
            Assert.False(await store.TryReplaceRefreshTokenAsync("wx-none", "refresh@1", "refresh@2", default));
            Assert.Equal("refresh@2", await store.GetRefreshTokenAsync("wx-app", default));
            Assert.Null(await Raw(context, context.Keys.RefreshToken("wx-none")));

            var token = new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddHours(2));
            await cache.SetAsync(Key, token, default);
            Assert.False(await cache.RemoveIfMatchesAsync(Key, new TcbAccessToken("token-other", null), default));
            Assert.NotNull(await Raw(context, context.Keys.Token(Key)));
            Assert.True(await cache.RemoveIfMatchesAsync(Key, token, default));
            Assert.Null(await Raw(context, context.Keys.Token(Key)));
        }

        [SkippableFact]
        public async Task Values_stored_in_clear_before_protection_still_read_and_are_protected_at_their_next_write()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext plain = Instances.Context(redis);
            await new TcbRedisRefreshTokenStore(plain).SetRefreshTokenAsync("wx-app", "refresh@plain", default);
            var token = new TcbAccessToken("token-plain", DateTimeOffset.UtcNow.AddHours(2));
            await new TcbRedisAccessTokenCache(plain).SetAsync(Key, token, default);
            Assert.Equal("refresh@plain", await Raw(plain, plain.Keys.RefreshToken("wx-app")));

            using TcbRedisContext protectedContext = Instances.Context(redis, protector: Protector());
            var store = new TcbRedisRefreshTokenStore(protectedContext);
            Assert.Equal(token, await new TcbRedisAccessTokenCache(protectedContext).GetAsync(Key, default));
            Assert.Equal("refresh@plain", await store.GetRefreshTokenAsync("wx-app", default));

            Assert.True(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@plain", "refresh@rotated", default));
            string raw = (await Raw(protectedContext, protectedContext.Keys.RefreshToken("wx-app")))!;
            Assert.StartsWith(StoredSecrets.ProtectedPrefix, raw);
            Assert.DoesNotContain("refresh@rotated", raw);
            Assert.Equal("refresh@rotated", await store.GetRefreshTokenAsync("wx-app", default));
        }

        [SkippableFact]
        public async Task A_protected_refresh_token_without_a_protector_fails_with_the_cause_named_and_never_reads_as_absent()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext protectedContext = Instances.Context(redis, protector: Protector());
            await new TcbRedisRefreshTokenStore(protectedContext).SetRefreshTokenAsync("wx-app", RefreshCanary, default);
            using TcbRedisContext unprotected = Instances.Context(redis);

            var error = await Assert.ThrowsAsync<TcbTokenUnavailableException>(() => new TcbRedisRefreshTokenStore(unprotected).GetRefreshTokenAsync("wx-app", default).AsTask());

            Assert.Contains("ITcbTokenProtector", error.Message);
            Assert.DoesNotContain(RefreshCanary, error.ToString());
        }

        [SkippableFact]
        public async Task The_first_level_hit_with_protection_makes_no_Redis_call_and_allocates_nothing()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis, protector: Protector());
            var cache = new TcbRedisAccessTokenCache(context);
            var token = new TcbAccessToken(AccessCanary, DateTimeOffset.UtcNow.AddHours(2));
            await cache.SetAsync(Key, token, default);
            redis.Kill();

            for (int i = 0; i < 10; i++)
            {
                _ = cache.GetAsync(Key, default);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                ValueTask<TcbAccessToken?> hit = cache.GetAsync(Key, default);
                Assert.True(hit.IsCompletedSuccessfully);
                Assert.Same(token, hit.Result);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [SkippableFact]
        public async Task ProtectTokensWithDataProtection_makes_UseRedis_store_protected_tokens()
        {
            using RedisServer redis = RedisServer.Start();
            var services = new ServiceCollection();
            services.AddDataProtection().PersistKeysToFileSystem(_keyRing).SetApplicationName("tcbgen-tests");
            services.AddSingleton<IComponentVerifyTicketStore>(new NoTicket());
            services.AddTcbGen(o =>
                {
                    o.ThirdParty.ComponentAppId = Instances.ComponentAppId;
                    o.ThirdParty.ComponentAppSecret = "component-secret";
                })
                .UseThirdPartyPlatform()
                .UseRedis(redis.ConnectionString, o => o.CommandTimeout = TimeSpan.FromSeconds(10))
                .ProtectTokensWithDataProtection();
            await using ServiceProvider provider = services.BuildServiceProvider();

            var store = Assert.IsType<TcbRedisRefreshTokenStore>(provider.GetRequiredService<IAuthorizerRefreshTokenStore>());
            await store.SetRefreshTokenAsync("wx-app", RefreshCanary, default);

            using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            string raw = (await connection.GetDatabase().StringGetAsync("tcbgen:" + Instances.ComponentAppId + ":refresh:wx-app"))!;
            Assert.StartsWith(StoredSecrets.ProtectedPrefix, raw);
            Assert.DoesNotContain(RefreshCanary, raw);
            Assert.Equal(RefreshCanary, await store.GetRefreshTokenAsync("wx-app", default));
            Assert.Equal(RefreshCanary, Protector().Unprotect(raw.Substring(StoredSecrets.ProtectedPrefix.Length)));
        }

        public void Dispose() => _keyRing.Delete(recursive: true);

        /// <summary>The flow's ticket store, required by AddTcbGen's validation; this test renews no token.</summary>
        private sealed class NoTicket : IComponentVerifyTicketStore
        {
            public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, System.Threading.CancellationToken cancellationToken) => default;
        }

        /// <summary>A Data Protection protector over the test's key ring: every call returns one sharing the same keys, like another instance.</summary>
        private TcbDataProtectionTokenProtector Protector()
            => new(DataProtectionProvider.Create(_keyRing, b => b.SetApplicationName("tcbgen-tests")));

        private static async Task<string?> Raw(TcbRedisContext context, RedisKey key)
        {
            using var connection = await ConnectionMultiplexer.ConnectAsync(context.Connection.Configuration);
            return await connection.GetDatabase().StringGetAsync(key);
        }
    }
}
