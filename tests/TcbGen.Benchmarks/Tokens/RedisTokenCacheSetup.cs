using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime;

namespace TcbGen.Benchmarks.Tokens
{
    /// <summary>
    /// The third-party token source as <c>UseRedis</c> registers it, warm for one key. No Redis runs at all: the connection
    /// string names a loopback port nobody listens on and <c>LocalFallback</c> lets the warm-up store the token in the first
    /// level only, so a hit that touched Redis would fail or go asynchronous (and allocate). The staleness bound is set past the
    /// token's life so that a long run never needs Redis; with the default 60 s a hit asks Redis once a minute per key.
    /// </summary>
    internal sealed class RedisTokenCacheSetup : IDisposable
    {
        private readonly ServiceProvider _services;
        private readonly TcbTokenKey _key;
        private readonly TcbAccessToken _token;

        public RedisTokenCacheSetup(TcbTokenKey key, TcbAccessToken token)
        {
            _key = key;
            _token = token;
            var services = new ServiceCollection();
            services.AddSingleton<IComponentVerifyTicketStore, NoTicket>();
            services.AddTcbGen(options =>
                {
                    options.ThirdParty.ComponentAppId = "wxcomponent0123456";
                    options.ThirdParty.ComponentAppSecret = "component-secret";
                })
                .UseThirdPartyPlatform()
                .UseRedis("127.0.0.1:1,connectTimeout=200", redis =>
                {
                    redis.LocalFallback = true;
                    redis.FirstLevelStaleness = TimeSpan.FromHours(3);
                });
            _services = services.BuildServiceProvider();
            _services.GetRequiredService<ITcbAccessTokenCache>().SetAsync(key, token, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            Source = _services.GetRequiredService<ITcbAccessTokenSource>();
        }

        public ITcbAccessTokenSource Source { get; }

        public void SourceHits(int count)
        {
            TcbTokenKey key = _key;
            for (int i = 0; i < count; i++)
            {
                ValueTask<TcbAccessToken> pending = Source.GetTokenAsync(key, CancellationToken.None);
                if (!pending.IsCompletedSuccessfully || !ReferenceEquals(pending.Result, _token))
                {
                    throw new InvalidOperationException("A warm-key GetTokenAsync with UseRedis did not complete synchronously with the cached token.");
                }
            }
        }

        public void Dispose() => _services.Dispose();

        private sealed class NoTicket : IComponentVerifyTicketStore
        {
            public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) => throw new InvalidOperationException("The benchmark hit a cache miss.");
        }
    }
}
