using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The in-process token store. Reads take no lock (a lock-free dictionary lookup of an immutable
    /// <see cref="TcbAccessToken"/>); removal compares the stored token before removing it.
    /// </summary>
    public sealed class TcbInMemoryAccessTokenCache : ITcbAccessTokenCache
    {
        private readonly ConcurrentDictionary<TcbTokenKey, TcbAccessToken> _tokens = new ConcurrentDictionary<TcbTokenKey, TcbAccessToken>();

        /// <inheritdoc />
        public ValueTask<TcbAccessToken?> GetAsync(TcbTokenKey key, CancellationToken cancellationToken)
            => new ValueTask<TcbAccessToken?>(_tokens.TryGetValue(key, out TcbAccessToken? token) ? token : null);

        /// <inheritdoc />
        public ValueTask SetAsync(TcbTokenKey key, TcbAccessToken token, CancellationToken cancellationToken)
        {
            _tokens[key] = token;
            return default;
        }

        /// <inheritdoc />
        public ValueTask<bool> RemoveIfMatchesAsync(TcbTokenKey key, TcbAccessToken expected, CancellationToken cancellationToken)
        {
            // ICollection<KeyValuePair>.Remove on ConcurrentDictionary is an atomic compare (by value equality) and remove.
            bool removed = ((ICollection<KeyValuePair<TcbTokenKey, TcbAccessToken>>)_tokens).Remove(new KeyValuePair<TcbTokenKey, TcbAccessToken>(key, expected));
            return new ValueTask<bool>(removed);
        }
    }
}
