using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Redis.Tests.VerifyTickets
{
    /// <summary>The contract against <see cref="TcbRedisVerifyTicketStore"/>, and what only Redis adds: other instances, real TTLs.</summary>
    public sealed class RedisVerifyTicketStoreTests : VerifyTicketStoreContract
    {
        protected override (IComponentVerifyTicketStore Store, IDisposable Lifetime) CreateStore()
        {
            RedisServer redis = RedisServer.Start();
            TcbRedisContext context = Instances.Context(redis);
            return (new TcbRedisVerifyTicketStore(context), new Both(context, redis));
        }

        [SkippableFact]
        public async Task A_ticket_pushed_to_one_instance_is_read_by_another_at_once()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext first = Instances.Context(redis);
            using TcbRedisContext second = Instances.Context(redis);
            IComponentVerifyTicketWriter receiver = new TcbRedisVerifyTicketStore(first);
            IComponentVerifyTicketStore other = new TcbRedisVerifyTicketStore(second);

            Assert.True(await receiver.SaveVerifyTicketAsync(Instances.ComponentAppId, "ticket@1", TcbComponentVerifyTicket.Validity, default));
            Assert.Equal("ticket@1", await other.GetVerifyTicketAsync(Instances.ComponentAppId, default));

            // The retried push reaching the other instance stores nothing twice.
            Assert.False(await ((IComponentVerifyTicketWriter)other).SaveVerifyTicketAsync(Instances.ComponentAppId, "ticket@1", TcbComponentVerifyTicket.Validity, default));
        }

        [SkippableFact]
        public async Task Tickets_live_in_Redis_for_their_twelve_hours_and_the_previous_one_for_what_is_left_of_its_own()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis);
            IComponentVerifyTicketWriter store = new TcbRedisVerifyTicketStore(context);
            await store.SaveVerifyTicketAsync(Instances.ComponentAppId, "ticket@1", TcbComponentVerifyTicket.Validity, default);
            await Task.Delay(1100);
            await store.SaveVerifyTicketAsync(Instances.ComponentAppId, "ticket@2", TcbComponentVerifyTicket.Validity, default);

            using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            IDatabase db = connection.GetDatabase();
            string root = "tcbgen:" + Instances.ComponentAppId + ":";
            TimeSpan current = (await db.KeyTimeToLiveAsync(root + "ticket"))!.Value;
            TimeSpan previous = (await db.KeyTimeToLiveAsync(root + "ticket:previous"))!.Value;

            Assert.InRange(current, TimeSpan.FromHours(12) - TimeSpan.FromSeconds(10), TimeSpan.FromHours(12));
            Assert.InRange(previous, TimeSpan.FromHours(12) - TimeSpan.FromSeconds(20), current - TimeSpan.FromSeconds(1));
        }

        [SkippableFact]
        public async Task Another_platforms_appid_is_refused_rather_than_mapped_onto_this_platforms_keys()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis);
            IComponentVerifyTicketWriter store = new TcbRedisVerifyTicketStore(context);

            await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveVerifyTicketAsync("wx-other-platform", "ticket@1", TcbComponentVerifyTicket.Validity, default));
            await Assert.ThrowsAsync<ArgumentException>(async () => await ((IComponentVerifyTicketStore)store).GetVerifyTicketAsync("wx-other-platform", default));
            Assert.Null(await ((IComponentVerifyTicketStore)store).GetVerifyTicketAsync(Instances.ComponentAppId, default));
        }

        [SkippableFact]
        public async Task UseRedis_keeps_tickets_in_Redis_unless_a_ticket_store_is_registered_before_it()
        {
            using RedisServer redis = RedisServer.Start();
            await using (ServiceProvider plain = Platform(redis, own: null))
            {
                Assert.IsType<TcbRedisVerifyTicketStore>(plain.GetRequiredService<IComponentVerifyTicketStore>());
            }

            var own = new TcbInMemoryThirdPartyStores();
            await using ServiceProvider withOwn = Platform(redis, own);
            Assert.Same(own, withOwn.GetRequiredService<IComponentVerifyTicketStore>());
        }

        private static ServiceProvider Platform(RedisServer redis, IComponentVerifyTicketStore? own)
        {
            var services = new ServiceCollection();
            if (own != null)
            {
                services.AddSingleton(own);
            }

            services.AddTcbGen(o =>
                {
                    o.ThirdParty.ComponentAppId = Instances.ComponentAppId;
                    o.ThirdParty.ComponentAppSecret = "component-secret";
                }).UseThirdPartyPlatform().UseRedis(redis.ConnectionString);
            return services.BuildServiceProvider();
        }

        private sealed class Both : IDisposable
        {
            private readonly TcbRedisContext _context;
            private readonly RedisServer _redis;

            public Both(TcbRedisContext context, RedisServer redis)
            {
                _context = context;
                _redis = redis;
            }

            public void Dispose()
            {
                _context.Dispose();
                _redis.Dispose();
            }
        }
    }
}
