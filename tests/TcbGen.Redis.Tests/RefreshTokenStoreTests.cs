using System.Threading.Tasks;
using TcbGen.Runtime;
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
    
        [SkippableFact]
        public async Task A_new_authorization_replaces_and_a_revocation_removes_the_refresh_token_for_every_instance()
        {
            using RedisServer redis = RedisServer.Start();
            using TcbRedisContext first = Instances.Context(redis);
            using TcbRedisContext second = Instances.Context(redis);
            IAuthorizerRefreshTokenWriter pushes = new TcbRedisRefreshTokenStore(first);
            var other = new TcbRedisRefreshTokenStore(second);

            await pushes.SetRefreshTokenAsync("wx-app", "refresh@1", default);
            await pushes.SetRefreshTokenAsync("wx-app", "refresh@re-authorized", default);
            Assert.Equal("refresh@re-authorized", await other.GetRefreshTokenAsync("wx-app", default));

            Assert.True(await pushes.RemoveRefreshTokenAsync("wx-app", default));
            Assert.Null(await other.GetRefreshTokenAsync("wx-app", default));
            Assert.False(await pushes.RemoveRefreshTokenAsync("wx-app", default));
        }
    }
}
