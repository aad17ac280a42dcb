using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The <see cref="ITcbTransport"/> over <see cref="HttpClient"/>: POSTs the endpoint's JSON body to
    /// <c>{BaseAddress}{Path}?access_token=…</c> with a token from an <see cref="ITcbAccessTokenSource"/>, reads the
    /// answer leniently, throws typed errors, renews a rejected token once and retries transient failures
    /// (see <see cref="TcbRetryOptions"/>). Thread-safe; share one instance or let <c>AddTcbGen</c> create it.
    /// </summary>
    /// <remarks>
    /// Errors: errcode other than 0 → <see cref="TcbApiException"/> (also for non-2xx answers with such a body);
    /// non-2xx without one → <see cref="TcbHttpStatusException"/>; any other unreadable body →
    /// <see cref="TcbProtocolException"/>; time limits → <see cref="TcbTimeoutException"/>; the caller's
    /// cancellation → <see cref="OperationCanceledException"/>; transport failures → <see cref="HttpRequestException"/>.
    /// The transport builds absolute URLs from <see cref="TcbGenOptions.BaseAddress"/>; <see cref="HttpClient.BaseAddress"/> is not used.
    /// </remarks>
    public sealed class TcbHttpTransport : ITcbTransport
    {
        private const string AccessTokenParameter = "access_token";

        private readonly HttpClient _httpClient;
        private readonly ITcbAccessTokenSource _tokenSource;
        private readonly TcbGenOptions _options;
        private readonly TimeProvider _timeProvider;
        private readonly ILogger _logger;
        private readonly TcbRequestUri _uris;
        private readonly TcbRetryPolicy _retryPolicy;

        /// <summary>Creates the transport.</summary>
        /// <param name="httpClient">The client to send with (its handlers run for every attempt).</param>
        /// <param name="tokenSource">Where access tokens come from.</param>
        /// <param name="options">Options; <see langword="null"/> for the defaults. Read once, here.</param>
        /// <param name="timeProvider">The clock for timeouts and backoff; <see langword="null"/> for the system clock.</param>
        /// <param name="logger">The logger; <see langword="null"/> for none.</param>
        /// <exception cref="ArgumentException">The options are invalid, e.g. a non-HTTPS, non-loopback base address.</exception>
        public TcbHttpTransport(
            HttpClient httpClient,
            ITcbAccessTokenSource tokenSource,
            TcbGenOptions? options = null,
            TimeProvider? timeProvider = null,
            ILogger<TcbHttpTransport>? logger = null)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _tokenSource = tokenSource ?? throw new ArgumentNullException(nameof(tokenSource));
            _options = options ?? new TcbGenOptions();
            TcbGenOptionsValidator.ThrowIfInvalid(_options, nameof(options));
            _timeProvider = timeProvider ?? TimeProvider.System;
            _logger = (ILogger?)logger ?? NullLogger.Instance;
            _uris = new TcbRequestUri(_options.BaseAddress);
            _retryPolicy = new TcbRetryPolicy(_options.Retry);
        }

        /// <inheritdoc />
        public async Task<TResponse> SendAsync<TRequest, TResponse>(
            TcbEndpoint<TRequest, TResponse> endpoint,
            TcbTokenKey token,
            TRequest request,
            CancellationToken cancellationToken)
            where TResponse : TcbResponse
        {
            if (endpoint is null)
            {
                throw new ArgumentNullException(nameof(endpoint));
            }

            cancellationToken.ThrowIfCancellationRequested();
            long started = _timeProvider.GetTimestamp();
            using Activity? activity = TcbInstrumentation.ActivitySource.StartActivity("tcb " + endpoint.Name, ActivityKind.Client);
            activity?.SetTag(TcbGenTelemetry.EndpointTag, endpoint.Name);
            activity?.SetTag(TcbGenTelemetry.TokenKindTag, token.Kind.Name);

            var state = new CallState(started);
            Exception? failure = null;
            try
            {
                using var body = new PooledBufferWriter();
                using (var writer = new Utf8JsonWriter(body))
                {
                    endpoint.WriteRequest(writer, request);
                }

                using var total = new TimeoutScope(_timeProvider, _options.TotalTimeout, cancellationToken);
                try
                {
                    TResponse response = await SendWithRetriesAsync(endpoint, token, body.WrittenSegment, state, total, cancellationToken).ConfigureAwait(false);
                    state.ErrorCode = 0;
                    return response;
                }
                catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(endpoint.Name + " was canceled by the caller.", canceled, cancellationToken);
                }
                catch (OperationCanceledException canceled) when (total.IsTimedOut)
                {
                    throw new TcbTimeoutException(endpoint.Name, TcbTimeoutKind.Total, total.Timeout, canceled);
                }
            }
            catch (Exception exception)
            {
                failure = exception;
                if (exception is TcbApiException api)
                {
                    state.ErrorCode = api.ErrorCode;
                }

                if (exception is not OperationCanceledException)
                {
                    TcbLog.CallFailed(_logger, exception, endpoint.Name, state.Attempts, _uris.Redacted(endpoint.Path, AccessTokenParameter));
                }

                throw;
            }
            finally
            {
                Record(activity, endpoint.Name, token, state, failure, _timeProvider.GetElapsedTime(started));
            }
        }

        private async Task<TResponse> SendWithRetriesAsync<TRequest, TResponse>(
            TcbEndpoint<TRequest, TResponse> endpoint,
            TcbTokenKey key,
            ArraySegment<byte> body,
            CallState state,
            TimeoutScope total,
            CancellationToken callerToken)
            where TResponse : TcbResponse
        {
            int attempt = 0;
            bool tokenRenewed = false;
            while (true)
            {
                attempt++;
                TcbAccessToken? token = null;
                Exception? failure;
                bool mayHaveReachedServer = false;
                TimeSpan? retryAfter = null;
                try
                {
                    token = await _tokenSource.GetTokenAsync(key, total.Token).ConfigureAwait(false);
                    state.Attempts++;
                    TcbExchangeResult<TResponse> result = await SendOnceAsync(endpoint, token, body, attempt, total, callerToken).ConfigureAwait(false);
                    state.StatusCode = result.StatusCode;
                    if (result.Error is null)
                    {
                        return result.Response!;
                    }

                    failure = result.Error;
                    mayHaveReachedServer = true;
                    retryAfter = result.RetryAfter;
                }
                catch (Exception exception) when (exception is HttpRequestException || exception is IOException || exception is TcbTimeoutException
                                                  || (token is null && exception is not OperationCanceledException))
                {
                    // A failure before the token was obtained means the request was never sent.
                    failure = exception;
                    mayHaveReachedServer = token is not null && !TcbRetryPolicy.IsConnectFailure(exception);
                }

                if (failure is TcbApiException api && token is not null && TcbErrorCodes.IsTokenRejected(api.ErrorCode))
                {
                    state.ErrorCode = api.ErrorCode;
                    if (tokenRenewed)
                    {
                        throw failure;
                    }

                    // Rejected at authentication, so the request did nothing: renew and send once more, outside the retry budget.
                    tokenRenewed = true;
                    TcbLog.TokenRejected(_logger, endpoint.Name, key.Kind.Name, key.AppId, api.ErrorCode);
                    await _tokenSource.InvalidateAsync(key, token, total.Token).ConfigureAwait(false);
                    attempt--;
                    continue;
                }

                TimeSpan? delay = _retryPolicy.GetDelay(attempt, failure, mayHaveReachedServer, endpoint.IsRetrySafe, retryAfter);
                if (delay is null || !FitsInTotalTimeout(delay.Value, state))
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                TcbLog.Retrying(_logger, endpoint.Name, attempt, Describe(failure), delay!.Value.TotalMilliseconds);
                TcbInstrumentation.Retries.Add(1, new KeyValuePair<string, object?>(TcbGenTelemetry.EndpointTag, endpoint.Name));
                await TimeProviderCompat.Delay(_timeProvider, delay.Value, total.Token).ConfigureAwait(false);
            }
        }

        private async Task<TcbExchangeResult<TResponse>> SendOnceAsync<TRequest, TResponse>(
            TcbEndpoint<TRequest, TResponse> endpoint,
            TcbAccessToken token,
            ArraySegment<byte> body,
            int attempt,
            TimeoutScope total,
            CancellationToken callerToken)
            where TResponse : TcbResponse
        {
            TcbLog.Sending(_logger, endpoint.Name, attempt, _uris.Redacted(endpoint.Path, AccessTokenParameter));
            long started = _timeProvider.GetTimestamp();
            using var attemptScope = new TimeoutScope(_timeProvider, _options.AttemptTimeout, total.Token);
            try
            {
                Uri uri = _uris.Build(endpoint.Path, AccessTokenParameter, token.Value);
                TcbExchangeResult<TResponse> result = await TcbHttpExchange.SendAsync(
                    _httpClient, uri, body, endpoint, _options.MaxResponseBytes, _timeProvider, attemptScope.Token).ConfigureAwait(false);
                TcbLog.Received(_logger, endpoint.Name, result.StatusCode, (result.Error as TcbApiException)?.ErrorCode ?? (result.Error is null ? 0 : null), _timeProvider.GetElapsedTime(started).TotalMilliseconds);
                return result;
            }
            catch (OperationCanceledException canceled) when (!callerToken.IsCancellationRequested && !total.IsTimedOut)
            {
                // Our attempt timer, or HttpClient.Timeout when the caller configured one shorter than ours.
                TimeSpan limit = attemptScope.IsTimedOut ? _options.AttemptTimeout : _httpClient.Timeout;
                throw new TcbTimeoutException(endpoint.Name, TcbTimeoutKind.Attempt, limit, canceled);
            }
        }

        private bool FitsInTotalTimeout(TimeSpan delay, CallState state)
        {
            // Waiting past the total limit would only turn the real error into a timeout.
            return _options.TotalTimeout == Timeout.InfiniteTimeSpan
                || _timeProvider.GetElapsedTime(state.Started) + delay < _options.TotalTimeout;
        }

        private static string Describe(Exception failure) => failure switch
        {
            TcbApiException api => "errcode " + api.ErrorCode,
            TcbProtocolException protocol => "HTTP " + protocol.StatusCode,
            _ => failure.GetType().Name,
        };

        private static void Record(Activity? activity, string endpointName, TcbTokenKey token, CallState state, Exception? failure, TimeSpan elapsed)
        {
            string outcome = TcbInstrumentation.OutcomeOf(failure);
            var tags = new TagList
            {
                { TcbGenTelemetry.EndpointTag, endpointName },
                { TcbGenTelemetry.TokenKindTag, token.Kind.Name },
                { TcbGenTelemetry.OutcomeTag, outcome },
            };
            if (state.ErrorCode is int code)
            {
                tags.Add(TcbGenTelemetry.ErrorCodeTag, code);
            }

            TcbInstrumentation.Calls.Add(1, tags);
            TcbInstrumentation.CallDuration.Record(elapsed.TotalSeconds, tags);

            if (activity is null)
            {
                return;
            }

            activity.SetTag(TcbGenTelemetry.AttemptsTag, state.Attempts);
            if (state.ErrorCode is int errorCode)
            {
                activity.SetTag(TcbGenTelemetry.ErrorCodeTag, errorCode);
            }

            if (state.StatusCode is int status)
            {
                activity.SetTag("http.response.status_code", status);
            }

            if (failure != null)
            {
                activity.SetTag("error.type", failure.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        private sealed class CallState
        {
            public CallState(long started)
            {
                Started = started;
            }

            /// <summary>The call's start, as a timestamp of the transport's <see cref="TimeProvider"/>.</summary>
            public long Started { get; }

            public int Attempts { get; set; }

            public int? ErrorCode { get; set; }

            public int? StatusCode { get; set; }
        }
    }
}
