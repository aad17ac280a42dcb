using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace TcbGen.AspNetCore
{
    /// <summary>
    /// Work done recently, by key: a repeated key joins the first run (running or finished) instead of doing it twice;
    /// a run that failed is forgotten so a retry runs again. Entries older than the window are purged as new ones arrive.
    /// </summary>
    internal sealed class RecentWork<T>
    {
        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        private readonly TimeProvider _time;
        private readonly TimeSpan _window;

        public RecentWork(TimeProvider time, TimeSpan window)
        {
            _time = time;
            _window = window;
        }

        /// <summary>Runs <paramref name="work"/> unless a run of <paramref name="key"/> is recent; <c>First</c> says whether this call ran it.</summary>
        public async Task<(T Result, bool First)> RunOnceAsync(string key, Func<Task<T>> work)
        {
            Purge();
            var mine = new Entry(_time.GetUtcNow(), new Lazy<Task<T>>(work));
            Entry entry = _entries.GetOrAdd(key, mine);
            try
            {
                return (await entry.Run.Value.ConfigureAwait(false), ReferenceEquals(entry, mine));
            }
            catch
            {
                _entries.TryRemove(new System.Collections.Generic.KeyValuePair<string, Entry>(key, entry));
                throw;
            }
        }

        private void Purge()
        {
            DateTimeOffset oldest = _time.GetUtcNow() - _window;
            foreach (var pair in _entries)
            {
                if (pair.Value.Started < oldest && pair.Value.Run.IsValueCreated && pair.Value.Run.Value.IsCompleted)
                {
                    _entries.TryRemove(pair);
                }
            }
        }

        private sealed record Entry(DateTimeOffset Started, Lazy<Task<T>> Run);
    }
}
