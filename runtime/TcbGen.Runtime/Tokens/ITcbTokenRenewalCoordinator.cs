using System;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Lets a caching token source renew each key in one instance at a time when several processes share an
    /// <see cref="ITcbAccessTokenCache"/> (e.g. a distributed lease in Redis). Without one, renewals are coordinated within
    /// the process only. Implementations are thread-safe.
    /// </summary>
    public interface ITcbTokenRenewalCoordinator
    {
        /// <summary>
        /// Runs <paramref name="renew"/> if this instance wins the right to renew <paramref name="key"/>; otherwise waits
        /// until the instance that renews it stores its token, and returns that token.
        /// </summary>
        /// <param name="key">Which token.</param>
        /// <param name="readFresh">Reads the shared cache: the token if it is fresh, otherwise <see langword="null"/>.</param>
        /// <param name="renew">Fetches the token from WeChat and stores it in the shared cache.</param>
        /// <param name="cancellationToken">Cancels the wait.</param>
        /// <returns>The renewed token, by this instance or another.</returns>
        /// <exception cref="TcbTokenUnavailableException">The coordination store cannot be reached, or no instance renewed the token in time.</exception>
        Task<TcbAccessToken> RenewAsync(
            TcbTokenKey key,
            Func<CancellationToken, ValueTask<TcbAccessToken?>> readFresh,
            Func<CancellationToken, Task<TcbAccessToken>> renew,
            CancellationToken cancellationToken);
    }
}
