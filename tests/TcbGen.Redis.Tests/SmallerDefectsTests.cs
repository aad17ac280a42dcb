using System;
using System.Linq;
using System.Threading.Tasks;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Redis.Tests
{
    /// <summary>The smaller Redis defects of issue 24 (item 5).</summary>
    public sealed class SmallerDefectsTests
    {
        private const string Password = "redis-secret-canary-77ab";
        private static readonly TcbTokenKey Key = TcbTokenKey.ForAuthorizer("wx-app");

        [SkippableFact]
        public async Task A_compare_and_set_on_a_missing_key_says_nothing_was_stored_rather_than_kept()
        {
            using RedisServer redis = RedisServer.Start();
            var log = new RecordingLogger();
            using TcbRedisContext context = Instances.Context(redis, logger: log);
            var store = new TcbRedisRefreshTokenStore(context);

            Assert.False(await store.TryReplaceRefreshTokenAsync("wx-none", "refresh@1", "refresh@2", default));

            Assert.Contains(log.Entries, e => e.EventId == 108 && e.Message.Contains("nothing is stored", StringComparison.Ordinal));
            Assert.Null(await store.GetRefreshTokenAsync("wx-none", default));

            // A retried save whose first answer was lost finds its own token: that is a success, not "changed meanwhile".
            await store.SetRefreshTokenAsync("wx-app", "refresh@1", default);
            Assert.True(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@1", "refresh@2", default));
            Assert.True(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@1", "refresh@2", default));
        }

        [SkippableFact]
        public async Task During_an_outage_the_warning_that_a_cached_token_serves_is_logged_once_per_interval_not_per_caller()
        {
            using RedisServer redis = RedisServer.Start();
            var log = new RecordingLogger();
            using TcbRedisContext context = Instances.Context(redis, logger: log);
            var cache = new TcbRedisAccessTokenCache(context);
            await cache.SetAsync(Key, new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddHours(2)), default);
            redis.Kill();
            var lease = new TcbRedisRenewalLease(context);

            for (int caller = 0; caller < 500; caller++)
            {
                await lease.RenewAsync(Key, _ => default, _ => throw new InvalidOperationException("no renewal without Redis"), default);
            }

            Assert.Equal(1, log.Count(102));
        }

        [SkippableFact]
        public async Task A_drop_notice_clears_only_the_dropped_key_from_the_other_instances_first_level()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext first = Instances.Context(redis);
            using TcbRedisContext second = Instances.Context(redis);
            var other = TcbTokenKey.ForAuthorizer("wx-other");
            var dropped = new TcbAccessToken("token-dropped", DateTimeOffset.UtcNow.AddHours(2));
            var kept = new TcbAccessToken("token-kept", DateTimeOffset.UtcNow.AddHours(2));
            var secondCache = new TcbRedisAccessTokenCache(second);
            await secondCache.SetAsync(Key, dropped, default);
            await secondCache.SetAsync(other, kept, default);
            await second.EnsureSubscribedAsync();

            await new TcbRedisAccessTokenCache(first).RemoveIfMatchesAsync(Key, dropped, default);
            for (int waited = 0; waited < 100 && second.FirstLevel.TryGetFresh(Key, out _); waited++)
            {
                await Task.Delay(10);
            }

            Assert.False(second.FirstLevel.TryGetFresh(Key, out _));
            Assert.True(second.FirstLevel.TryGetFresh(other, out FirstLevelCache.Entry? entry));
            Assert.Same(kept, entry!.Token);
        }

        [SkippableFact]
        public async Task A_wrong_Redis_password_is_named_as_such_and_the_password_never_shows()
        {
            using RedisServer redis = RedisServer.Start(password: Password);
            using TcbRedisContext context = Instances.Context(redis, connectionString: "127.0.0.1:" + redis.Port + ",connectTimeout=1000,password=wrong-" + Password);

            TcbTokenUnavailableException error = await Assert.ThrowsAsync<TcbTokenUnavailableException>(async () => await new TcbRedisAccessTokenCache(context).GetAsync(Key, default));

            Assert.Contains("NOAUTH/WRONGPASS", error.Cause);
            Assert.DoesNotContain(Password, error.ToString());
        }

        [SkippableFact]
        public async Task An_instance_keeping_refresh_tokens_elsewhere_than_the_others_says_so_when_it_starts()
        {
            using RedisServer redis = RedisServer.Start();
            var redisLog = new RecordingLogger();
            var ownLog = new RecordingLogger();
            using TcbRedisContext usingRedis = Instances.Context(redis, logger: redisLog);
            await usingRedis.RefreshTokenStoreCheck;
            using TcbRedisContext usingOwn = Instances.Context(redis, o => o.StoreRefreshTokens = false, logger: ownLog);
            await usingOwn.RefreshTokenStoreCheck;

            Assert.Equal(0, redisLog.Count(109));
            Assert.Contains(ownLog.Entries, e => e.EventId == 109 && e.Message.Contains("redis", StringComparison.Ordinal) && e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        }
    }
}
