using System;

namespace TcbGen.Redis
{
    /// <summary>How tokens are shared through Redis (see <c>UseRedis</c>).</summary>
    public sealed class TcbRedisOptions
    {
        /// <summary>
        /// The start of every key and channel; the component appid follows it, so several platforms can share one Redis.
        /// Default <c>tcbgen</c>: keys look like <c>tcbgen:{componentAppId}:token:authorizer_access_token:{appid}</c>.
        /// </summary>
        public string KeyPrefix { get; set; } = "tcbgen";

        /// <summary>
        /// How long a token read from Redis is served from process memory without asking Redis again: the bound on how long
        /// a token dropped elsewhere could still be served here if the drop notice were lost. Never past the token's expiry
        /// minus <see cref="Runtime.TcbTokenOptions.RefreshMargin"/>. Default 60 seconds.
        /// </summary>
        public TimeSpan FirstLevelStaleness { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// How long one instance holds the right to renew a token before another may take it over (if the holder died or
        /// was paused). A live holder extends it every third of this (the lease-renewal interval) while it works, for at
        /// most <see cref="Runtime.TcbGenOptions.TotalTimeout"/> (or <see cref="RenewalWaitLimit"/> when that is infinite).
        /// <see langword="null"/> (the default): <see cref="Runtime.TcbGenOptions.AttemptTimeout"/> plus 5 seconds, or 60
        /// seconds when that timeout is infinite.
        /// </summary>
        public TimeSpan? LeaseDuration { get; set; }

        /// <summary>
        /// How long any Redis command may take before it counts as failed: a hung Redis (a long fork, a paused VM, a network
        /// partition) keeps connections open and answers nothing, and StackExchange.Redis's own timeout (5 s by default) would
        /// hold every caller that long. On this limit a token held in process serves (and serves without asking Redis for a
        /// second), and a call that needs Redis fails with a <see cref="Runtime.TcbTokenUnavailableException"/> naming the
        /// cause. Default 1 second; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> leaves only StackExchange.Redis's.
        /// </summary>
        public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// How long an instance waits for another one's renewal before failing with a
        /// <see cref="Runtime.TcbTokenUnavailableException"/>. <see langword="null"/> (the default): three lease durations.
        /// </summary>
        public TimeSpan? RenewalWaitLimit { get; set; }

        /// <summary>
        /// When Redis cannot be reached and no cached token is usable: <see langword="false"/> (the default) fails fast with a
        /// <see cref="Runtime.TcbTokenUnavailableException"/>; <see langword="true"/> renews in this process alone and keeps the
        /// token in memory. The risk of <see langword="true"/>: instances renew independently, so WeChat sees several renewals
        /// (each may rotate the refresh token and make the others' calls fail with 61023, recovered only by re-reading the store),
        /// and a refresh token rotated while Redis is down is saved nowhere durable.
        /// </summary>
        public bool LocalFallback { get; set; }

        /// <summary>
        /// Whether authorizer refresh tokens are kept in Redis too (<see cref="TcbRedisRefreshTokenStore"/>, replacing any
        /// <see cref="Runtime.IAuthorizerRefreshTokenStore"/> registered). Default <see langword="true"/>. Set
        /// <see langword="false"/> to keep your own (e.g. database) store. Keep Redis durable (AOF) if it holds them.
        /// </summary>
        public bool StoreRefreshTokens { get; set; } = true;
    }
}
