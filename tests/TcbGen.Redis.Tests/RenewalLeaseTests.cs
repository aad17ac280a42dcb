using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Redis.Tests
{
    public sealed class RenewalLeaseTests
    {
        private static readonly TcbTokenKey Key = TcbTokenKey.ForAuthorizer("wx-app");

        [SkippableFact]
        public async Task Of_two_instances_renewing_at_once_exactly_one_renews_and_the_other_takes_its_token()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext first = Instances.Context(redis);
            using TcbRedisContext second = Instances.Context(redis);
            int renewals = 0;

            Task<TcbAccessToken>[] both = { Renew(first), Renew(second) };
            TcbAccessToken[] tokens = await Task.WhenAll(both);

            Assert.Equal(1, renewals);
            Assert.Equal(tokens[0], tokens[1]);
            Assert.False(await first.Database.KeyExistsAsync(first.Keys.Lease(Key)));

            Task<TcbAccessToken> Renew(TcbRedisContext context)
            {
                var cache = new TcbRedisAccessTokenCache(context);
                return new TcbRedisRenewalLease(context).RenewAsync(
                    Key,
                    ct => cache.GetAsync(Key, ct),
                    async ct =>
                    {
                        int renewal = Interlocked.Increment(ref renewals);
                        await Task.Delay(300, ct);
                        var token = new TcbAccessToken("token-" + renewal, DateTimeOffset.UtcNow.AddHours(2));
                        await cache.SetAsync(Key, token, ct);
                        return token;
                    },
                    CancellationToken.None);
            }
        }

        [SkippableFact]
        public async Task A_lease_left_by_a_dead_holder_is_taken_over_once_it_expires()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis);
            var cache = new TcbRedisAccessTokenCache(context);
            await context.Database.StringSetAsync(context.Keys.Lease(Key), "dead-holder", TimeSpan.FromMilliseconds(700), When.NotExists);
            var renewed = new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddHours(2));

            TcbAccessToken token = await new TcbRedisRenewalLease(context).RenewAsync(
                Key,
                ct => cache.GetAsync(Key, ct),
                async ct =>
                {
                    Assert.NotEqual("dead-holder", (string?)await context.Database.StringGetAsync(context.Keys.Lease(Key)));
                    await cache.SetAsync(Key, renewed, ct);
                    return renewed;
                },
                CancellationToken.None);

            Assert.Equal(renewed, token);
        }

        [SkippableFact]
        public async Task A_holder_whose_lease_expired_does_not_release_the_next_holders_lease()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis, o => o.LeaseDuration = TimeSpan.FromMilliseconds(300));
            var cache = new TcbRedisAccessTokenCache(context);

            await new TcbRedisRenewalLease(context).RenewAsync(
                Key,
                ct => cache.GetAsync(Key, ct),
                async ct =>
                {
                    await Task.Delay(600, ct);
                    await context.Database.StringSetAsync(context.Keys.Lease(Key), "next-holder", TimeSpan.FromSeconds(10));
                    var token = new TcbAccessToken("token-1", DateTimeOffset.UtcNow.AddHours(2));
                    await cache.SetAsync(Key, token, ct);
                    return token;
                },
                CancellationToken.None);

            Assert.Equal("next-holder", (string?)await context.Database.StringGetAsync(context.Keys.Lease(Key)));
        }
    }
}
