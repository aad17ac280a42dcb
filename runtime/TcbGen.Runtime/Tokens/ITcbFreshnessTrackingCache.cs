using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Optionally implemented by an <see cref="ITcbAccessTokenCache"/> that tracks itself (e.g. with a timer) whether the token
    /// it holds in process is still usable, so a token source serves a hit with one lookup and no clock read. The
    /// <c>TcbGen.Redis</c> first level implements it.
    /// </summary>
    public interface ITcbFreshnessTrackingCache
    {
        /// <summary>
        /// Gets the token held in process for <paramref name="key"/> if it is known to be usable for at least
        /// <paramref name="refreshMargin"/> more (timers may fire a few milliseconds late). Never blocks or does I/O; returns
        /// <see langword="false"/> when unsure, and the caller then takes the usual path.
        /// </summary>
        /// <param name="key">Which token.</param>
        /// <param name="refreshMargin">How long before its expiry the caller stops using a token.</param>
        /// <param name="token">The token, when the method returns <see langword="true"/>.</param>
        /// <returns>Whether a fresh token was found.</returns>
        bool TryGetFresh(TcbTokenKey key, TimeSpan refreshMargin, out TcbAccessToken? token);
    }
}
