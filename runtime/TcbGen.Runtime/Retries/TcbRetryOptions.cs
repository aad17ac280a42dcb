using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The runtime's own retries: bounded exponential backoff with jitter for transport failures, HTTP 5xx/408/429
    /// and errcode -1, and a wait-then-retry for errcode 45011. Never for business errors or -601026.
    /// </summary>
    /// <remarks>
    /// To let a Microsoft.Extensions.Http.Resilience pipeline retry instead (e.g. <c>AddStandardResilienceHandler()</c>
    /// on the builder <c>AddTcbGen</c> returns), set <see cref="Enabled"/> to <see langword="false"/>: the runtime then
    /// shows errcode -1 and 45011 to the pipeline as HTTP 503 and 429 + Retry-After (<see cref="TcbHttpResilience"/>)
    /// and refuses re-sends of endpoints that are not retry-safe. While these retries are active, a handler's re-sends
    /// are refused with a warning, so attempts never multiply. The renewal of a rejected access token (errcode
    /// 40001/40014/42001, one extra attempt at most) is not a retry and stays on: a resilience handler cannot renew tokens.
    /// </remarks>
    public sealed class TcbRetryOptions
    {
        /// <summary>Whether the runtime retries at all. Default <see langword="true"/>.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>The number of attempts including the first. Default 3; 1 means no retry.</summary>
        public int MaxAttempts { get; set; } = 3;

        /// <summary>The backoff before the first retry; doubled for each later one, then jittered. Default 200 ms.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>The largest backoff. Default 5 s.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Whether errcode 45011 (per-minute API limit) is retried after a wait. Default <see langword="true"/>.</summary>
        public bool RetryOnRateLimit { get; set; } = true;

        /// <summary>The wait after errcode 45011 when the response carries no Retry-After. Default 10 s.</summary>
        public TimeSpan RateLimitDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>The longest Retry-After honoured; a longer one ends the call with the error instead. Default 60 s.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        internal bool IsActive => Enabled && MaxAttempts > 1;
    }
}
