using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// Access tokens shared through Redis, behind an in-process first level: a hit within the staleness bound makes no
    /// network call and allocates nothing. Tokens expire in Redis with their <c>expires_in</c>. A drop is a compare-and-delete
    /// in Lua that also tells every instance to forget its first-level copy.
    /// </summary>
    internal sealed class TcbRedisAccessTokenCache : ITcbAccessTokenCache, ITcbFreshnessTrackingCache
    {
        private readonly TcbRedisContext _context;
        private readonly FirstLevelCache _firstLevel;
        private readonly SingleFlight<TcbTokenKey, TcbAccessToken?> _loads = new SingleFlight<TcbTokenKey, TcbAccessToken?>();
        private readonly Func<TcbTokenKey, Task<TcbAccessToken?>> _load;

        public TcbRedisAccessTokenCache(TcbRedisContext context)
        {
            _context = context;
            _firstLevel = context.FirstLevel;
            _load = LoadAsync;
        }

        public ValueTask<TcbAccessToken?> GetAsync(TcbTokenKey key, CancellationToken cancellationToken)
        {
            if (_firstLevel.TryGetFresh(key, out FirstLevelCache.Entry? entry))
            {
                return new ValueTask<TcbAccessToken?>(entry!.Token);
            }

            // One read per key in flight, however many callers missed at once (a storm costs Redis one GET per process).
            return new ValueTask<TcbAccessToken?>(_loads.RunAsync(key, _load));
        }

        public bool TryGetFresh(TcbTokenKey key, TimeSpan refreshMargin, out TcbAccessToken? token) => _firstLevel.TryGetFresh(key, refreshMargin, out token);

        public async ValueTask SetAsync(TcbTokenKey key, TcbAccessToken token, CancellationToken cancellationToken)
        {
            DateTimeOffset now = _context.Time.GetUtcNow();
            _context.FirstLevel.Put(key, token);
            TimeSpan? timeToLive = token.ExpiresAt is null ? null : token.ExpiresAt.Value - now;
            if (timeToLive <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await _context.Database.StringSetAsync(_context.Keys.Token(key), TokenCodec.Encode(token), timeToLive, When.Always).ConfigureAwait(false);
            }
            catch (RedisException exception) when (_context.Options.LocalFallback)
            {
                RedisLog.FallingBackToLocal(_context.Logger, "storing a token", RedisFailure.Describe(exception));
            }
            catch (RedisException exception)
            {
                throw _context.Unavailable(key, exception);
            }
        }

        public async ValueTask<bool> RemoveIfMatchesAsync(TcbTokenKey key, TcbAccessToken expected, CancellationToken cancellationToken)
        {
            _context.FirstLevel.RemoveIfHolds(key, expected);
            try
            {
                RedisResult dropped = await _context.Database.ScriptEvaluateAsync(
                    RedisScripts.DropTokenIfSame,
                    new RedisKey[] { _context.Keys.Token(key) },
                    new RedisValue[] { TokenCodec.Suffix(expected), _context.Keys.Events.ToString(), RedisKeys.Event(TcbRedisContext.DropVerb, key) }).ConfigureAwait(false);
                return (long)dropped == 1;
            }
            catch (RedisException exception) when (_context.Options.LocalFallback)
            {
                RedisLog.FallingBackToLocal(_context.Logger, "dropping a rejected token", RedisFailure.Describe(exception));
                return true;
            }
            catch (RedisException exception)
            {
                throw _context.Unavailable(key, exception);
            }
        }

        private async Task<TcbAccessToken?> LoadAsync(TcbTokenKey key)
        {
            await _context.EnsureSubscribedAsync().ConfigureAwait(false);
            RedisValue stored;
            try
            {
                stored = await _context.Database.StringGetAsync(_context.Keys.Token(key)).ConfigureAwait(false);
            }
            catch (RedisException exception)
            {
                // Serve what this process holds while WeChat accepts it; the token source decides whether it is fresh.
                TcbAccessToken? unexpired = _context.FirstLevel.Unexpired(key, _context.Time.GetUtcNow());
                if (unexpired != null)
                {
                    RedisLog.ServingCachedToken(_context.Logger, "reading a token", RedisFailure.Describe(exception));
                    return unexpired;
                }

                if (_context.Options.LocalFallback)
                {
                    RedisLog.FallingBackToLocal(_context.Logger, "reading a token", RedisFailure.Describe(exception));
                    return null;
                }

                throw _context.Unavailable(key, exception);
            }

            TcbAccessToken? token = TokenCodec.Decode(stored);
            if (token is null)
            {
                _context.FirstLevel.Remove(key);
                return null;
            }

            _context.FirstLevel.Put(key, token);
            return token;
        }
    }
}
