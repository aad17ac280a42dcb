using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Where renewed tokens are kept, keyed by <see cref="TcbTokenKey"/>. The default is in memory
    /// (<see cref="TcbInMemoryAccessTokenCache"/>); a distributed store (e.g. Redis) can implement this so several
    /// processes share tokens. Implementations are thread-safe.
    /// </summary>
    public interface ITcbAccessTokenCache
    {
        /// <summary>Reads the token stored for a key.</summary>
        /// <param name="key">Which token.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The stored token (possibly stale; the caller checks expiry), or <see langword="null"/>.</returns>
        ValueTask<TcbAccessToken?> GetAsync(TcbTokenKey key, CancellationToken cancellationToken);

        /// <summary>Stores a token for a key, replacing any other.</summary>
        /// <param name="key">Which token.</param>
        /// <param name="token">The token.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>A task that completes when stored.</returns>
        ValueTask SetAsync(TcbTokenKey key, TcbAccessToken token, CancellationToken cancellationToken);

        /// <summary>Removes the token stored for a key only if it equals <paramref name="expected"/> (compare-and-remove).</summary>
        /// <param name="key">Which token.</param>
        /// <param name="expected">The token to remove.</param>
        /// <param name="cancellationToken">Cancels the removal.</param>
        /// <returns>Whether it was removed.</returns>
        ValueTask<bool> RemoveIfMatchesAsync(TcbTokenKey key, TcbAccessToken expected, CancellationToken cancellationToken);
    }
}
