using System;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;
using System.Threading.Tasks;
using StackExchange.Redis;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Redis.Tests
{
    public sealed class TokenCacheTests
    {
        private static readonly TcbTokenKey Key = TcbTokenKey.ForAuthorizer("wx-app");

        [SkippableFact]
        public async Task A_token_stored_by_one_instance_is_read_by_another_under_the_component_prefix_with_its_lifetime()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext first = Instances.Context(redis);
            using TcbRedisContext second = Instances.Context(redis);
            var token = new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddSeconds(100));

            await new TcbRedisAccessTokenCache(first).SetAsync(Key, token, default);
            TcbAccessToken? read = await new TcbRedisAccessTokenCache(second).GetAsync(Key, default);

            Assert.Equal(token, read);
            Assert.Equal("tcbgen:wx-component:token:authorizer_access_token:wx-app", (string?)first.Keys.Token(Key));
            TimeSpan? timeToLive = await first.Database.KeyTimeToLiveAsync(first.Keys.Token(Key));
            Assert.InRange(timeToLive!.Value.TotalSeconds, 90, 100);
        }

        [SkippableFact]
        public async Task A_first_level_hit_needs_no_Redis()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis);
            var cache = new TcbRedisAccessTokenCache(context);
            var token = new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddHours(2));
            await cache.SetAsync(Key, token, default);

            redis.Kill();

            ValueTask<TcbAccessToken?> hit = cache.GetAsync(Key, default);
            Assert.True(hit.IsCompletedSuccessfully);
            Assert.Same(token, hit.Result);
        }

        [SkippableFact]
        public async Task The_first_level_vouches_for_a_token_only_until_expiry_minus_the_refresh_margin_and_for_no_wider_margin()
        {
            using RedisServer redis = RedisServer.Start();
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            TimeSpan margin = TimeSpan.FromMinutes(5);
            using TcbRedisContext context = Instances.Context(redis, o => o.FirstLevelStaleness = TimeSpan.FromHours(3), time, o => o.Tokens.RefreshMargin = margin);
            var cache = new TcbRedisAccessTokenCache(context);
            var token = new TcbAccessToken("token-1", time.GetUtcNow().AddHours(2));
            await cache.SetAsync(Key, token, default);

            Assert.True(cache.TryGetFresh(Key, margin, out TcbAccessToken? fresh));
            Assert.Same(token, fresh);
            Assert.False(cache.TryGetFresh(Key, margin + TimeSpan.FromSeconds(1), out _)); // a caller stricter than the timer cannot rely on it

            time.Advance(TimeSpan.FromHours(2) - margin - TimeSpan.FromSeconds(1));
            Assert.True(cache.TryGetFresh(Key, margin, out _));
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.False(cache.TryGetFresh(Key, margin, out TcbAccessToken? stale));
            Assert.Null(stale);
        }

        [SkippableFact]
        public async Task A_drop_is_compare_and_delete_and_reaches_the_other_instances_first_level_within_a_second()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext first = Instances.Context(redis);
            using TcbRedisContext second = Instances.Context(redis);
            var firstCache = new TcbRedisAccessTokenCache(first);
            var secondCache = new TcbRedisAccessTokenCache(second);
            var rejected = new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddHours(2));
            await firstCache.SetAsync(Key, rejected, default);
            Assert.Equal(rejected, await secondCache.GetAsync(Key, default));

            Assert.False(await firstCache.RemoveIfMatchesAsync(Key, new TcbAccessToken("token-0", null), default));
            Assert.True(await firstCache.RemoveIfMatchesAsync(Key, rejected, default));

            var waited = Stopwatch.StartNew();
            while (await secondCache.GetAsync(Key, default) != null && waited.Elapsed < TimeSpan.FromSeconds(1))
            {
                await Task.Delay(10);
            }

            Assert.Null(await secondCache.GetAsync(Key, default));
            Assert.False(await first.Database.KeyExistsAsync(first.Keys.Token(Key)));
        }

        [SkippableFact]
        public async Task A_drop_of_a_token_already_replaced_keeps_the_newer_one()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis);
            var cache = new TcbRedisAccessTokenCache(context);
            var old = new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddHours(2));
            var newer = new TcbAccessToken("token-2", DateTimeOffset.UtcNow.AddHours(2));
            await cache.SetAsync(Key, old, default);
            await cache.SetAsync(Key, newer, default);

            Assert.False(await cache.RemoveIfMatchesAsync(Key, old, default));

            Assert.Equal(newer, await cache.GetAsync(Key, default));
            Assert.Equal("|token-2", ((string?)await context.Database.StringGetAsync(context.Keys.Token(Key)))![^8..]);
        }
    }
}
