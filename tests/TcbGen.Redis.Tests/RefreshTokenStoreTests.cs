using System.Threading.Tasks;
using TcbGen.Redis.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Redis.Tests
{
    public sealed class RefreshTokenStoreTests
    {
        [SkippableFact]
        public async Task Rotation_is_compare_and_set_so_a_late_response_to_an_older_token_never_overwrites_the_newer()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext context = Instances.Context(redis);
            var store = new TcbRedisRefreshTokenStore(context);
            await store.SetRefreshTokenAsync("wx-app", "refresh@1", default);

            Assert.True(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@1", "refresh@2", default));
            Assert.True(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@2", "refresh@3", default));
            Assert.False(await store.TryReplaceRefreshTokenAsync("wx-app", "refresh@1", "refresh@2-late", default));

            Assert.Equal("refresh@3", await store.GetRefreshTokenAsync("wx-app", default));
            Assert.Null(await store.GetRefreshTokenAsync("wx-other", default));
            Assert.False(await store.TryReplaceRefreshTokenAsync("wx-other", "refresh@1", "refresh@2", default));
            Assert.Null(await store.GetRefreshTokenAsync("wx-other", default));
        }
    }
}
