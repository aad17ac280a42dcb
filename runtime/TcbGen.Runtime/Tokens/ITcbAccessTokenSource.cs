using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>Supplies the access token for a <see cref="TcbTokenKey"/>. Implementations are thread-safe.</summary>
    public interface ITcbAccessTokenSource
    {
        /// <summary>Gets a token for the key, renewing it if needed.</summary>
        /// <param name="key">Which token.</param>
        /// <param name="cancellationToken">Cancels the wait (not necessarily a renewal other callers share).</param>
        /// <returns>The token.</returns>
        ValueTask<TcbAccessToken> GetTokenAsync(TcbTokenKey key, CancellationToken cancellationToken);

        /// <summary>
        /// Reports that WeChat rejected <paramref name="failedToken"/> (errcode 40001/40014/42001). A caching source drops
        /// it only if it is still the token it holds for the key, so the next <see cref="GetTokenAsync"/> renews it once.
        /// </summary>
        /// <param name="key">Which token.</param>
        /// <param name="failedToken">The token WeChat rejected.</param>
        /// <param name="cancellationToken">Cancels the operation.</param>
        /// <returns>A task that completes when the token is dropped.</returns>
        ValueTask InvalidateAsync(TcbTokenKey key, TcbAccessToken failedToken, CancellationToken cancellationToken);
    }
}
