using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime.Tests.Infrastructure;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens
{
    /// <summary>
    /// Two instances (service providers) sharing one refresh-token store and one token cache, against an emulator that
    /// rotates the refresh token on every renewal: the race of issue 8, where one instance's refresh made the other's fail
    /// with 61023.
    /// </summary>
    public sealed class SharedStoreRaceTests
    {
        private const string AuthorizerAppId = "wx-shared";

        [Fact]
        public async Task Two_instances_renewing_the_same_authorizer_at_once_never_fail_with_61023()
        {
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            emulator.RegisterAuthorizer(AuthorizerAppId, "refresh@0");
            var refreshTokens = new InMemoryRefreshTokenStore();
            refreshTokens.Tokens[AuthorizerAppId] = "refresh@0";
            var cache = new TcbInMemoryAccessTokenCache();
            await using ServiceProvider first = Instance(emulator, refreshTokens, cache);
            await using ServiceProvider second = Instance(emulator, refreshTokens, cache);
            ITcbAccessTokenSource[] sources = { first.GetRequiredService<ITcbAccessTokenSource>(), second.GetRequiredService<ITcbAccessTokenSource>() };
            TcbTokenKey key = TcbTokenKey.ForAuthorizer(AuthorizerAppId);

            int failures = 0;
            for (int round = 0; round < 20; round++)
            {
                await ClearAsync(cache, key);
                Task<TcbAccessToken>[] calls = sources.Select(source => Task.Run(async () => await source.GetTokenAsync(key, CancellationToken.None))).ToArray();
                try
                {
                    await Task.WhenAll(calls);
                }
                catch (TcbApiException)
                {
                }

                failures += calls.Count(call => !call.IsCompletedSuccessfully);
            }

            Assert.Equal(0, failures);
            Assert.Equal(emulator.CurrentRefreshToken(AuthorizerAppId), refreshTokens.Tokens[AuthorizerAppId]);
        }

        private static ServiceProvider Instance(WeChatEmulator emulator, InMemoryRefreshTokenStore refreshTokens, ITcbAccessTokenCache cache)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IComponentVerifyTicketStore>(new InMemoryTicketStore { Ticket = emulator.ComponentVerifyTicket });
            services.AddSingleton<IAuthorizerRefreshTokenStore>(refreshTokens);
            services.AddSingleton(cache);
            services.AddTcbGen(options =>
            {
                options.BaseAddress = emulator.BaseAddress;
                options.ThirdParty.ComponentAppId = emulator.ComponentAppId;
                options.ThirdParty.ComponentAppSecret = emulator.ComponentAppSecret;
            }).UseThirdPartyPlatform();
            return services.BuildServiceProvider();
        }

        private static async Task ClearAsync(ITcbAccessTokenCache cache, TcbTokenKey key)
        {
            TcbAccessToken? token = await cache.GetAsync(key, CancellationToken.None);
            if (token != null)
            {
                await cache.RemoveIfMatchesAsync(key, token, CancellationToken.None);
            }
        }
    }
}
