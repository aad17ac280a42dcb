using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The transport's retry policy, WeChat's retry rules: decides whether a failed attempt is retried and after how
    /// long, and waits that long on the transport's clock.
    /// </summary>
    internal sealed class TcbRetryPolicy
    {
        [ThreadStatic]
        private static Random? s_random;

        private readonly TcbRetryOptions _options;
        private readonly TimeProvider _timeProvider;

        public TcbRetryPolicy(TcbRetryOptions options, TimeProvider? timeProvider = null)
        {
            _options = options;
            _timeProvider = timeProvider ?? TimeProvider.System;
        }

        /// <summary>The wait before the next attempt after <paramref name="outcome"/>, or <see langword="null"/> when its failure must surface.</summary>
        public TimeSpan? DelayAfter<TResponse>(in TcbAttemptOutcome<TResponse> outcome, int attempt, bool endpointIsRetrySafe)
            where TResponse : TcbResponse
            => GetDelay(attempt, outcome.Failure!, outcome.MayHaveReachedServer, endpointIsRetrySafe, outcome.RetryAfter);

        /// <summary>Waits <paramref name="delay"/> before a retry.</summary>
        public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => TimeProviderCompat.Delay(_timeProvider, delay, cancellationToken);

        /// <summary>The wait before the next attempt, or <see langword="null"/> when the failure must surface.</summary>
        /// <param name="attempt">The 1-based attempt that just failed.</param>
        /// <param name="failure">Why it failed.</param>
        /// <param name="mayHaveReachedServer">Whether the request may have reached the server (false for connect and token failures).</param>
        /// <param name="endpointIsRetrySafe">Whether the endpoint may be sent again after reaching the server.</param>
        /// <param name="retryAfter">The response's Retry-After, if any.</param>
        public TimeSpan? GetDelay(int attempt, Exception failure, bool mayHaveReachedServer, bool endpointIsRetrySafe, TimeSpan? retryAfter)
        {
            if (!_options.IsActive || attempt >= _options.MaxAttempts)
            {
                return null;
            }

            bool mayResend = endpointIsRetrySafe || !mayHaveReachedServer;
            switch (failure)
            {
                case TcbApiException api when api.ErrorCode == TcbErrorCodes.ApiMinuteQuotaReached:
                    return mayResend && _options.RetryOnRateLimit ? HonourRetryAfter(retryAfter, _options.RateLimitDelay) : null;
                case TcbApiException api when api.ErrorCode == TcbErrorCodes.SystemBusy:
                    return mayResend ? HonourRetryAfter(retryAfter, Backoff(attempt)) : null;
                case TcbApiException:
                    // Business errors, -601026 (createCloudUser's hourly limit) and everything else: retrying cannot help.
                    return null;
                case TcbHttpStatusException status when IsTransientStatus(status.StatusCode):
                    return mayResend ? HonourRetryAfter(retryAfter, Backoff(attempt)) : null;
                case TcbTimeoutException timeout when timeout.Kind == TcbTimeoutKind.Attempt:
                case HttpRequestException:
                case IOException:
                    return mayResend ? Backoff(attempt) : null;
                default:
                    return null;
            }
        }

        /// <summary>The backoff before attempt <paramref name="attempt"/> + 1: base × 2^(attempt−1), capped, then jittered into [d/2, d].</summary>
        public TimeSpan Backoff(int attempt)
        {
            double exponential = _options.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
            double capped = Math.Min(exponential, _options.MaxDelay.Ticks);
            Random random = s_random ??= new Random(Guid.NewGuid().GetHashCode());
            return TimeSpan.FromTicks((long)(capped * (0.5 + (0.5 * random.NextDouble()))));
        }

        /// <summary>Whether the failure proves the request never reached the server (a refused or unresolvable connection).</summary>
        public static bool IsConnectFailure(Exception failure)
        {
            for (Exception? current = failure; current != null; current = current.InnerException)
            {
                if (current is SocketException socket)
                {
                    return socket.SocketErrorCode == SocketError.ConnectionRefused
                        || socket.SocketErrorCode == SocketError.HostNotFound
                        || socket.SocketErrorCode == SocketError.HostUnreachable
                        || socket.SocketErrorCode == SocketError.NetworkUnreachable;
                }
            }

            return false;
        }

        private static bool IsTransientStatus(int statusCode) => statusCode >= 500 || statusCode == 408 || statusCode == 429;

        private TimeSpan? HonourRetryAfter(TimeSpan? retryAfter, TimeSpan fallback)
        {
            if (retryAfter is null)
            {
                return fallback;
            }

            return retryAfter.Value > _options.MaxRetryAfter ? null : retryAfter.Value;
        }
    }
}
