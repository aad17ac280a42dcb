using System;

namespace TcbGen.Runtime
{
    /// <summary>Access token caching options.</summary>
    public sealed class TcbTokenOptions
    {
        /// <summary>How long before its <c>expires_in</c> a cached token is renewed. Default 5 minutes.</summary>
        public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// After <c>api_authorizer_token</c> answers 61023 (refresh token invalid), how long to watch the refresh-token store
        /// and the cache for what another instance's renewal stores (the newer refresh token, or the token itself) before the
        /// 61023 surfaces. The store is read at once, then with a short backoff. Also how long a failing store is retried to save
        /// a rotated refresh token (WeChat no longer accepts the previous one). Default 2 seconds; zero tries once.
        /// </summary>
        public TimeSpan RotationWait { get; set; } = TimeSpan.FromSeconds(2);
    }
}
