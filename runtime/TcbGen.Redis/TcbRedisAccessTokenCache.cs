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

        /// <summary>
        /// Keeps the token in the first level, then in Redis. If Redis fails, the token still serves this process (its holder
        /// uses what it renewed) and is stored in the background, so a lease waiter elsewhere finds it once Redis is back.
        /// </summary>
        public async ValueTask SetAsync(TcbTokenKey key, TcbAccessToken token, CancellationToken cancellationToken)
        {
            _context.FirstLevel.Put(key, token);
            TimeSpan? timeToLive = TimeToLive(token);
            if (timeToLive <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await _context.Command(db => db.StringSetAsync(_context.Keys.Token(key), TokenCodec.Encode(token, _context.Secrets), timeToLive, When.Always)).ConfigureAwait(false);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception) && _context.Options.LocalFallback)
            {
                _context.WarnFallingBackToLocal("storing a token", exception);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                RedisLog.TokenNotStored(_context.Logger, key.ToString(), RedisFailure.Describe(exception));
                _context.TrackPendingStore(key, StoreLaterAsync(key, token));
            }
        }

        public async ValueTask<bool> RemoveIfMatchesAsync(TcbTokenKey key, TcbAccessToken expected, CancellationToken cancellationToken)
        {
            _context.FirstLevel.RemoveIfHolds(key, expected);
            try
            {
                string match = _context.Secrets.IsProtecting ? await StoredValueToDropAsync(key, expected).ConfigureAwait(false) : TokenCodec.Suffix(expected);
                RedisResult dropped = await _context.Command(db => db.ScriptEvaluateAsync(
                    RedisScripts.DropTokenIfSame,
                    new RedisKey[] { _context.Keys.Token(key) },
                    new RedisValue[] { match, _context.Keys.Events.ToString(), RedisKeys.Event(TcbRedisContext.DropVerb, key) })).ConfigureAwait(false);
                return (long)dropped == 1;
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception) && _context.Options.LocalFallback)
            {
                _context.WarnFallingBackToLocal("dropping a rejected token", exception);
                return true;
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                throw _context.Unavailable(key, exception);
            }
        }

        /// <summary>
        /// What the compare-and-delete compares with when values are protected (each write of a token differs, so Redis
        /// cannot match the token itself): the exact stored value if it holds <paramref name="expected"/>; otherwise the
        /// plain suffix, which matches only a plain value that holds it. The script still compares, so a value replaced
        /// between this read and the script is kept.
        /// </summary>
        private async Task<string> StoredValueToDropAsync(TcbTokenKey key, TcbAccessToken expected)
        {
            RedisValue stored = await _context.Command(db => db.StringGetAsync(_context.Keys.Token(key))).ConfigureAwait(false);
            TcbAccessToken? held = TokenCodec.Decode(stored, _context.Secrets);
            return held != null && string.Equals(held.Value, expected.Value, StringComparison.Ordinal) ? (string)stored! : TokenCodec.Suffix(expected);
        }

        private TimeSpan? TimeToLive(TcbAccessToken token) => token.ExpiresAt is null ? null : token.ExpiresAt.Value - _context.Time.GetUtcNow();

        /// <summary>
        /// Retries storing a renewed token (backing off from 100 ms to the lease-renewal interval) until Redis takes it or
        /// one lease has passed. Only where nothing is stored: a token another instance stored meanwhile is as good.
        /// </summary>
        private async Task StoreLaterAsync(TcbTokenKey key, TcbAccessToken token)
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            TimeSpan backoff = TimeSpan.FromMilliseconds(100);
            while (TcbRedisContext.Elapsed(started) < _context.LeaseDuration)
            {
                await Task.Delay(backoff).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _context.LeaseRenewalInterval.Ticks));
                TimeSpan? timeToLive = TimeToLive(token);
                if (timeToLive <= TimeSpan.Zero)
                {
                    return;
                }

                try
                {
                    await _context.Command(db => db.StringSetAsync(_context.Keys.Token(key), TokenCodec.Encode(token, _context.Secrets), timeToLive, When.NotExists)).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
                {
                }
            }
        }

        private async Task<TcbAccessToken?> LoadAsync(TcbTokenKey key)
        {
            await _context.EnsureSubscribedAsync().ConfigureAwait(false);
            RedisValue stored;
            try
            {
                stored = await _context.Command(db => db.StringGetAsync(_context.Keys.Token(key))).ConfigureAwait(false);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                // Serve what this process holds while WeChat accepts it (without asking Redis again for a moment, so callers
                // are not each held up by a command that fails); the token source decides whether it is fresh.
                TcbAccessToken? unexpired = _context.FirstLevel.Unexpired(key, _context.Time.GetUtcNow());
                if (unexpired != null)
                {
                    _context.FirstLevel.ServeWhileUnreachable(key, unexpired, TcbRedisContext.UnreachableRecheck);
                    _context.WarnServingCachedToken("reading a token", exception);
                    return unexpired;
                }

                if (_context.Options.LocalFallback)
                {
                    _context.WarnFallingBackToLocal("reading a token", exception);
                    return null;
                }

                throw _context.Unavailable(key, exception);
            }

            TcbAccessToken? token = TokenCodec.Decode(stored, _context.Secrets);
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
