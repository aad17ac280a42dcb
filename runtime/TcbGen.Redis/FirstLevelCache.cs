using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// The in-process level in front of Redis. An entry is served without asking Redis until its <c>FreshUntil</c> (the
    /// staleness bound, never past expiry minus the refresh margin); while Redis is unreachable, it still serves until the
    /// token expires. Reads take no lock and allocate nothing.
    /// </summary>
    internal sealed class FirstLevelCache
    {
        private readonly ConcurrentDictionary<TcbTokenKey, Entry> _entries = new ConcurrentDictionary<TcbTokenKey, Entry>();
        private readonly TimeSpan _staleness;
        private readonly TimeSpan _refreshMargin;

        public FirstLevelCache(TimeSpan staleness, TimeSpan refreshMargin)
        {
            _staleness = staleness;
            _refreshMargin = refreshMargin;
        }

        public bool TryGetFresh(TcbTokenKey key, DateTimeOffset now, out Entry? entry)
        {
            if (_entries.TryGetValue(key, out entry))
            {
                return now < entry.FreshUntil;
            }

            return false;
        }

        /// <summary>The token held for a key if WeChat still accepts it (before its expiry, margin or not).</summary>
        public TcbAccessToken? Unexpired(TcbTokenKey key, DateTimeOffset now)
            => _entries.TryGetValue(key, out Entry? entry) && (entry.Token.ExpiresAt is null || now < entry.Token.ExpiresAt.Value) ? entry.Token : null;

        public void Put(TcbTokenKey key, TcbAccessToken token, DateTimeOffset now)
        {
            DateTimeOffset usableUntil = token.ExpiresAt is null ? DateTimeOffset.MaxValue : token.ExpiresAt.Value - _refreshMargin;
            DateTimeOffset freshUntil = now + _staleness;
            _entries[key] = new Entry(token, freshUntil < usableUntil ? freshUntil : usableUntil);
        }

        public void Remove(TcbTokenKey key) => _entries.TryRemove(key, out _);

        public void RemoveIfHolds(TcbTokenKey key, TcbAccessToken token)
        {
            if (_entries.TryGetValue(key, out Entry? entry) && entry.Token.Equals(token))
            {
                ((ICollection<KeyValuePair<TcbTokenKey, Entry>>)_entries).Remove(new KeyValuePair<TcbTokenKey, Entry>(key, entry));
            }
        }

        internal sealed class Entry
        {
            public Entry(TcbAccessToken token, DateTimeOffset freshUntil)
            {
                Token = token;
                FreshUntil = freshUntil;
            }

            public TcbAccessToken Token { get; }

            public DateTimeOffset FreshUntil { get; }
        }
    }
}
