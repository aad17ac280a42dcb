using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Redis.Tests
{
    public sealed class RedisUnavailableTests
    {
        private const string Password = "redis-secret-canary-5f1e";
        private static readonly TcbTokenKey Key = TcbTokenKey.ForAuthorizer("wx-app");

        [SkippableFact]
        public async Task A_cached_token_serves_until_it_expires_then_a_typed_exception_names_the_cause_without_the_password()
        {
            using RedisServer redis = RedisServer.Start(password: Password);
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            using TcbRedisContext context = Instances.Context(redis, time: time);
            var cache = new TcbRedisAccessTokenCache(context);
            var token = new TcbAccessToken("token-1", time.GetUtcNow().AddHours(2));
            await cache.SetAsync(Key, token, default);
            redis.Kill();

            time.Advance(TimeSpan.FromMinutes(119));
            Assert.Equal(token, await cache.GetAsync(Key, default));

            time.Advance(TimeSpan.FromMinutes(1));
            TcbTokenUnavailableException error = await Assert.ThrowsAsync<TcbTokenUnavailableException>(async () => await cache.GetAsync(Key, default));

            Assert.Equal(Key, error.TokenKey);
            Assert.Contains("Redis connection failed", error.Message);
            Assert.DoesNotContain(Password, error.ToString());
            Assert.DoesNotContain("token-1", error.ToString());
        }

        [SkippableFact]
        public async Task A_renewal_fails_fast_with_the_typed_exception_when_Redis_is_down()
        {
            using RedisServer redis = RedisServer.Start(password: Password);
            using TcbRedisContext context = Instances.Context(redis);
            redis.Kill();
            int renewals = 0;

            TcbTokenUnavailableException error = await Assert.ThrowsAsync<TcbTokenUnavailableException>(() => new TcbRedisRenewalLease(context).RenewAsync(
                Key,
                _ => default,
                _ => Task.FromResult(new TcbAccessToken("token-" + Interlocked.Increment(ref renewals), null)),
                CancellationToken.None));

            Assert.Equal(0, renewals);
            Assert.DoesNotContain(Password, error.ToString());
        }

        [SkippableFact]
        public async Task A_token_inside_its_refresh_margin_still_serves_until_it_expires_when_Redis_is_down_at_renewal()
        {
            using RedisServer redis = RedisServer.Start();
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            using TcbRedisContext context = Instances.Context(redis, time: time);
            var cache = new TcbRedisAccessTokenCache(context);
            var token = new TcbAccessToken("token-1", time.GetUtcNow().AddHours(2));
            await cache.SetAsync(Key, token, default);
            redis.Kill();
            var lease = new TcbRedisRenewalLease(context);
            Task<TcbAccessToken> Renew() => lease.RenewAsync(Key, _ => default, _ => throw new InvalidOperationException("no renewal without Redis"), CancellationToken.None);

            time.Advance(TimeSpan.FromMinutes(118));
            Assert.Equal(token, await Renew());

            time.Advance(TimeSpan.FromMinutes(2));
            await Assert.ThrowsAsync<TcbTokenUnavailableException>(Renew);
        }

        [SkippableFact]
        public async Task With_local_fallback_a_renewal_runs_in_this_process_and_the_token_is_kept_in_memory()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis, o => o.LocalFallback = true);
            var cache = new TcbRedisAccessTokenCache(context);
            redis.Kill();

            Assert.Null(await cache.GetAsync(Key, default));
            TcbAccessToken token = await new TcbRedisRenewalLease(context).RenewAsync(
                Key,
                ct => cache.GetAsync(Key, ct),
                async ct =>
                {
                    var renewed = new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddHours(2));
                    await cache.SetAsync(Key, renewed, ct);
                    return renewed;
                },
                CancellationToken.None);

            Assert.Equal("token-1", token.Value);
            Assert.Equal(token, await cache.GetAsync(Key, default));
        }
    }
}
