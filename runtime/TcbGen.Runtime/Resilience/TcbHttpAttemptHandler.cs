using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The innermost handler of the transport's HttpClient (see <see cref="TcbHttpAttemptHandlerFilter"/>), so it sees
    /// every HTTP attempt, including those of a resilience handler further out. It
    /// <list type="bullet">
    /// <item>counts each attempt that goes out on the call's span (a refused re-send is not one);</item>
    /// <item>refuses a re-send by an outer handler when the endpoint is not retry-safe and the last attempt may have
    /// reached the server, or when the runtime retries itself (two retrying layers would multiply attempts);</item>
    /// <item>when the runtime's retries are off, shows errcode -1 and 45011 of a retry-safe endpoint's 2xx answer to the
    /// outer handlers as 503 and 429 + Retry-After (see <see cref="TcbHttpResilience"/>).</item>
    /// </list>
    /// Requests that do not come from <see cref="TcbHttpTransport"/> pass through, only counted.
    /// </summary>
    internal sealed class TcbHttpAttemptHandler : DelegatingHandler
    {
        private readonly bool _runtimeRetries;
        private readonly bool _surfaceRateLimit;
        private readonly TimeSpan _rateLimitDelay;
        private readonly ILogger? _logger;

        public TcbHttpAttemptHandler(TcbRetryOptions retry, ILogger? logger)
        {
            _runtimeRetries = retry.IsActive;
            _surfaceRateLimit = retry.RetryOnRateLimit;
            _rateLimitDelay = retry.RateLimitDelay;
            _logger = logger;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            TcbHttpAttemptState? state = TcbHttpAttemptState.Of(request);
            if (state is null)
            {
                TcbInstrumentation.CountHttpAttempt();
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            string? refusal = state.Sends > 0 ? RefusalOf(state) : null;
            if (refusal != null)
            {
                // A refused re-send never goes out, so it is not an attempt (counted only below). A concurrent (hedged)
                // one fails as a failed attempt, so the hedging handler keeps waiting for the send in flight.
                throw state.HasSendInFlight ? new TcbConcurrentSendRefusedException(state, refusal) : new TcbResendRefusedException(state, refusal);
            }

            TcbInstrumentation.CountHttpAttempt();
            state.SendStarting();

            // A send in flight counts as having reached the server, so a concurrent (hedged) send is judged like a retry.
            bool reachedBefore = state.MayHaveReachedServer;
            state.MayHaveReachedServer = true;
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                state.SendEnded();
                state.LastFailure = exception;
                state.LastStatus = null;
                state.LastErrorCode = null;
                state.MayHaveReachedServer = reachedBefore || !TcbRetryPolicy.IsConnectFailure(exception);
                throw;
            }

            state.SendEnded();
            state.MayHaveReachedServer = true;
            state.LastFailure = null;
            state.LastStatus = (int)response.StatusCode;
            state.LastErrorCode = null;
            if (!_runtimeRetries && state.IsRetrySafe && response.IsSuccessStatusCode)
            {
                await SurfaceErrorCodeAsync(response, state, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        /// <summary>Why a re-send must be refused (logged), or <see langword="null"/> when it may go out.</summary>
        private string? RefusalOf(TcbHttpAttemptState state)
        {
            string? reason = null;
            if (_runtimeRetries)
            {
                reason = "the runtime retries itself (TcbGenOptions.Retry): two retrying layers would multiply attempts; set Retry.Enabled = false to let the resilience handler retry, or remove its retry strategy";
            }
            else if (!state.IsRetrySafe && state.MayHaveReachedServer)
            {
                reason = "the endpoint is not retry-safe and the last attempt may have reached the server";
            }

            if (reason != null && _logger != null)
            {
                TcbLog.ResendRefused(_logger, state.EndpointName, reason);
            }

            return reason;
        }

        private async Task SurfaceErrorCodeAsync(HttpResponseMessage response, TcbHttpAttemptState state, CancellationToken cancellationToken)
        {
            (int? errorCode, string? errorMessage) = await ErrorCodePeek.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (errorCode == TcbErrorCodes.SystemBusy)
            {
                response.StatusCode = HttpStatusCode.ServiceUnavailable;
            }
            else if (errorCode == TcbErrorCodes.ApiMinuteQuotaReached && _surfaceRateLimit)
            {
                response.StatusCode = (HttpStatusCode)429;
                response.Headers.RetryAfter = new RetryConditionHeaderValue(_rateLimitDelay);
            }
            else
            {
                return;
            }

            response.Headers.TryAddWithoutValidation(TcbHttpResilience.ErrorCodeHeader, errorCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            state.LastErrorCode = errorCode;
            state.LastErrorMessage = errorMessage;
        }
    }
}
