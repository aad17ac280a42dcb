using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TcbGen.Runtime;

namespace TcbGen.Benchmarks.Tokens
{
    /// <summary>
    /// The token cache hit path under contention: <see cref="Threads"/> dedicated threads together make
    /// <see cref="OperationsPerInvoke"/> calls for the same warm key, so each result is the time per call.
    /// No call may miss: the token expires in two hours and the source has no HTTP to renew it with.
    /// </summary>
    [MemoryDiagnoser]
    public class TokenCacheBenchmarks
    {
        public const int OperationsPerInvoke = 1 << 20;

        private TokenCacheSetup _setup = null!;
        private WorkerThreads _workers = null!;
        private Action<int> _sourceWork = null!;
        private Action<int> _cacheWork = null!;
        private Action<int> _redisSourceWork = null!;
        private RedisTokenCacheSetup _redis = null!;

        [Params(1, 8, 64)]
        public int Threads { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _setup = new TokenCacheSetup();
            _sourceWork = _setup.SourceHits;
            _cacheWork = _setup.CacheHits;
            _redis = new RedisTokenCacheSetup(_setup.Key, _setup.Token);
            _redisSourceWork = _redis.SourceHits;
            _workers = new WorkerThreads(Threads, OperationsPerInvoke / Threads);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _workers.Dispose();
            _setup.Dispose();
            _redis.Dispose();
        }

        [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke, Description = "TcbThirdPartyTokenSource.GetTokenAsync, hit")]
        public void SourceHit() => _workers.Run(_sourceWork);

        [Benchmark(OperationsPerInvoke = OperationsPerInvoke, Description = "TcbInMemoryAccessTokenCache.GetAsync, hit")]
        public void CacheHit() => _workers.Run(_cacheWork);

        [Benchmark(OperationsPerInvoke = OperationsPerInvoke, Description = "TcbThirdPartyTokenSource.GetTokenAsync with UseRedis, hit")]
        public void RedisSourceHit() => _workers.Run(_redisSourceWork);
    }

    /// <summary>The runtime's caching token source over its in-memory cache, warm for one authorizer key.</summary>
    internal sealed class TokenCacheSetup : IDisposable
    {
        private readonly HttpClient _httpClient = new HttpClient(new NoNetworkHandler());

        public TokenCacheSetup()
        {
            Key = TcbTokenKey.ForAuthorizer("wx0123456789abcdef");
            Token = new TcbAccessToken("ACCESS_TOKEN_0123456789abcdefghijklmnopqrstuvwxyz", DateTimeOffset.UtcNow.AddHours(2));
            Cache = new TcbInMemoryAccessTokenCache();
            Cache.SetAsync(Key, Token, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var options = new TcbGenOptions();
            options.ThirdParty.ComponentAppId = "wxcomponent0123456";
            options.ThirdParty.ComponentAppSecret = "component-secret";
            Source = new TcbThirdPartyTokenSource(_httpClient, options, new NoStores(), new NoStores(), Cache);
        }

        public TcbTokenKey Key { get; }

        public TcbAccessToken Token { get; }

        public TcbInMemoryAccessTokenCache Cache { get; }

        public TcbThirdPartyTokenSource Source { get; }

        public void SourceHits(int count)
        {
            TcbTokenKey key = Key;
            for (int i = 0; i < count; i++)
            {
                ValueTask<TcbAccessToken> pending = Source.GetTokenAsync(key, CancellationToken.None);
                if (!pending.IsCompletedSuccessfully || !ReferenceEquals(pending.Result, Token))
                {
                    throw new InvalidOperationException("A warm-key GetTokenAsync did not complete synchronously with the cached token.");
                }
            }
        }

        public void CacheHits(int count)
        {
            TcbTokenKey key = Key;
            for (int i = 0; i < count; i++)
            {
                ValueTask<TcbAccessToken?> pending = Cache.GetAsync(key, CancellationToken.None);
                if (!pending.IsCompletedSuccessfully || !ReferenceEquals(pending.Result, Token))
                {
                    throw new InvalidOperationException("A warm-key GetAsync did not complete synchronously with the cached token.");
                }
            }
        }

        public void Dispose() => _httpClient.Dispose();

        private sealed class NoStores : IComponentVerifyTicketStore, IAuthorizerRefreshTokenStore
        {
            public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) => throw new InvalidOperationException("The benchmark hit a cache miss.");

            public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken) => throw new InvalidOperationException("The benchmark hit a cache miss.");

            public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken) => throw new InvalidOperationException("The benchmark hit a cache miss.");
        }

        private sealed class NoNetworkHandler : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                throw new InvalidOperationException("The token benchmark must not send anything.");
        }
    }

    /// <summary>Dedicated threads that each run a share of the work when released together, then meet again.</summary>
    internal sealed class WorkerThreads : IDisposable
    {
        private readonly Barrier _barrier;
        private readonly Thread[] _threads;
        private readonly int _operationsPerThread;
        private volatile Action<int>? _work;
        private volatile bool _stopping;
        private Exception? _failure;

        public WorkerThreads(int count, int operationsPerThread)
        {
            _operationsPerThread = operationsPerThread;
            _barrier = new Barrier(count + 1);
            _threads = new Thread[count];
            for (int i = 0; i < count; i++)
            {
                _threads[i] = new Thread(Loop) { IsBackground = true, Name = "token-bench-" + i };
                _threads[i].Start();
            }
        }

        public void Run(Action<int> work)
        {
            _work = work;
            _barrier.SignalAndWait();
            _barrier.SignalAndWait();
            Exception? failure = Interlocked.Exchange(ref _failure, null);
            if (failure != null)
            {
                throw new InvalidOperationException("A worker failed.", failure);
            }
        }

        public void Dispose()
        {
            _stopping = true;
            _barrier.SignalAndWait();
            foreach (Thread thread in _threads)
            {
                thread.Join();
            }

            _barrier.Dispose();
        }

        private void Loop()
        {
            while (true)
            {
                _barrier.SignalAndWait();
                if (_stopping)
                {
                    return;
                }

                try
                {
                    _work!(_operationsPerThread);
                }
                catch (Exception exception)
                {
                    Interlocked.CompareExchange(ref _failure, exception, null);
                }

                _barrier.SignalAndWait();
            }
        }
    }
}
