using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// The in-process level in front of Redis. An entry is served without asking Redis until a timer marks it stale (the
    /// staleness bound, never past expiry minus the refresh margin); while Redis is unreachable, it still serves until the
    /// token expires. A hit is one lock-free lookup and one flag read: no clock read, no allocation.
    /// </summary>
    internal sealed class FirstLevelCache
    {
        private readonly ConcurrentDictionary<TcbTokenKey, Entry> _entries = new ConcurrentDictionary<TcbTokenKey, Entry>();
        private readonly TimeSpan _staleness;
        private readonly TimeSpan _refreshMargin;
        private readonly TimeProvider _time;

        public FirstLevelCache(TimeSpan staleness, TimeSpan refreshMargin, TimeProvider time)
        {
            _staleness = staleness;
            _refreshMargin = refreshMargin;
            _time = time;
        }

        /// <summary>Whether a fresh entry is held; <paramref name="entry"/> is whatever is held, fresh or stale.</summary>
        public bool TryGetFresh(TcbTokenKey key, out Entry? entry) => _entries.TryGetValue(key, out entry) && !entry.IsStale;

        /// <summary>
        /// The token held for a key if its entry is fresh, for a caller whose refresh margin is at most the one this level
        /// was built with (an entry goes stale no later than expiry minus that margin).
        /// </summary>
        public bool TryGetFresh(TcbTokenKey key, TimeSpan refreshMargin, out TcbAccessToken? token)
        {
            if (refreshMargin <= _refreshMargin && TryGetFresh(key, out Entry? entry))
            {
                token = entry!.Token;
                return true;
            }

            token = null;
            return false;
        }

        /// <summary>The token held for a key if WeChat still accepts it (before its expiry, margin or not).</summary>
        public TcbAccessToken? Unexpired(TcbTokenKey key, DateTimeOffset now)
            => _entries.TryGetValue(key, out Entry? entry) && (entry.Token.ExpiresAt is null || now < entry.Token.ExpiresAt.Value) ? entry.Token : null;

        public void Put(TcbTokenKey key, TcbAccessToken token) => Put(key, token, _staleness, _refreshMargin);

        /// <summary>
        /// Serves a token that Redis could not confirm from this level for <paramref name="recheckAfter"/> (never past its
        /// expiry, margin or not: while Redis is unreachable no renewal is possible, and WeChat still accepts it), so that
        /// callers during an outage are not each held up by a Redis command that will fail.
        /// </summary>
        public void ServeWhileUnreachable(TcbTokenKey key, TcbAccessToken token, TimeSpan recheckAfter) => Put(key, token, recheckAfter, TimeSpan.Zero);

        private void Put(TcbTokenKey key, TcbAccessToken token, TimeSpan freshFor, TimeSpan margin)
        {
            if (token.ExpiresAt != null)
            {
                TimeSpan usable = token.ExpiresAt.Value - margin - _time.GetUtcNow();
                freshFor = usable < freshFor ? usable : freshFor;
            }

            var entry = new Entry(token, freshFor, _time);
            Entry? replaced = null;
            _entries.AddOrUpdate(key, entry, (_, old) =>
            {
                replaced = old;
                return entry;
            });
            replaced?.Dispose();
        }

        public void Remove(TcbTokenKey key)
        {
            if (_entries.TryRemove(key, out Entry? removed))
            {
                removed.Dispose();
            }
        }

        public void RemoveIfHolds(TcbTokenKey key, TcbAccessToken token)
        {
            if (_entries.TryGetValue(key, out Entry? entry) && entry.Token.Equals(token)
                && ((ICollection<KeyValuePair<TcbTokenKey, Entry>>)_entries).Remove(new KeyValuePair<TcbTokenKey, Entry>(key, entry)))
            {
                entry.Dispose();
            }
        }

        internal sealed class Entry : IDisposable
        {
            private readonly ITimer? _staleTimer;
            private volatile bool _stale;

            public Entry(TcbAccessToken token, TimeSpan freshFor, TimeProvider time)
            {
                Token = token;
                if (freshFor <= TimeSpan.Zero)
                {
                    _stale = true;
                }
                else
                {
                    _staleTimer = time.CreateTimer(static state => ((Entry)state!)._stale = true, this, freshFor, Timeout.InfiniteTimeSpan);
                }
            }

            public TcbAccessToken Token { get; }

            public bool IsStale => _stale;

            public void Dispose() => _staleTimer?.Dispose();
        }
    }
}
