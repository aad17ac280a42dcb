using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The <see cref="ITcbTransport"/> over <see cref="HttpClient"/>: sends the endpoint's request (its method, its JSON
    /// body unless it has none) to <c>{BaseAddress}{Path}?access_token=…</c> (the token kind's own parameter, then the
    /// request's query fields) with a token from an <see cref="ITcbAccessTokenSource"/>, reads the
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
        /// <summary>errcode 0, boxed once for metric and span tags.</summary>
        private static readonly object BoxedZero = 0;

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
            using Activity? activity = TcbInstrumentation.ActivitySource.HasListeners() ? TcbInstrumentation.StartCall(endpoint.ActivityName, endpoint.Name, token) : null;

            TcbEndpointAddress address = _uris.For(ref endpoint.Address, endpoint.Path, endpoint.TokenParameter ?? token.Kind.UrlParameter);
            int attempts = 0;
            int? errorCode = null;
            int? statusCode = null;
            Exception? failure = null;
            JsonRequestBody body = JsonRequestBody.Rent();
            TimeoutScope? scope = null;
            try
            {
                ArraySegment<byte> payload = endpoint.HasBody ? body.Write(endpoint.WriteRequest, request) : default;
                string? query = endpoint.WriteQuery is null ? null : TcbQueryWriter.Build(endpoint.WriteQuery, request);

                // One cancellation source and one timer for the whole call (none when there is no limit): it fires at
                // the total limit, and each attempt moves it to the attempt's limit when that comes first.
                scope = CreateScope(_options.TotalTimeout, cancellationToken);
                try
                {
                    int attempt = 0;
                    bool tokenRenewed = false;
                    while (true)
                    {
                        attempt++;
                        TcbHttpAttemptState? attemptState = AnnotatesAttempts ? new TcbHttpAttemptState(endpoint.Name, endpoint.IsRetrySafe) : null;
                        TcbAttemptOutcome<TResponse> outcome = await AttemptAsync(endpoint, token, address, payload, query, attempt, scope, started, attemptState, cancellationToken).ConfigureAwait(false);

                        // What went out on the wire: the sends the innermost handler saw (a resilience handler's
                        // retries included, refused re-sends not), or one per attempt that got its token.
                        attempts += attemptState?.Sends ?? (outcome.AccessToken is not null ? 1 : 0);

                        statusCode = outcome.StatusCode ?? statusCode;
                        if (outcome.Failure is null)
                        {
                            errorCode = 0;
                            return outcome.Response!;
                        }

                        TcbTimeoutKind armed = outcome.Armed;
                        switch (Classify(endpoint, outcome, attempt, tokenRenewed, started, out TimeSpan delay))
                        {
                            case NextStep.RenewToken:
                                // Rejected at authentication, so the request did nothing: renew and send once more, outside the retry budget.
                                tokenRenewed = true;
                                attempt--;
                                scope = EndAttempt(scope, ref armed, started, cancellationToken);
                                await RenewTokenAsync(endpoint.Name, token, outcome.AccessToken!, ((TcbApiException)outcome.Failure).ErrorCode, scope?.Token ?? cancellationToken).ConfigureAwait(false);
                                break;
                            case NextStep.Retry:
                                scope = EndAttempt(scope, ref armed, started, cancellationToken);
                                await WaitBeforeRetryAsync(endpoint.Name, attempt, outcome.Failure, delay, scope?.Token ?? cancellationToken).ConfigureAwait(false);
                                break;
                            default:
                                ExceptionDispatchInfo.Capture(outcome.Failure).Throw();
                                break;
                        }
                    }
                }
                catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(endpoint.Name + " was canceled by the caller.", canceled, cancellationToken);
                }
                catch (OperationCanceledException canceled) when (scope?.IsCancellationRequested == true)
                {
                    throw new TcbTimeoutException(endpoint.Name, TcbTimeoutKind.Total, _options.TotalTimeout, canceled);
                }
            }
            catch (Exception exception)
            {
                failure = exception;
                if (exception is TcbApiException api)
                {
                    errorCode = api.ErrorCode;
                }

                if (exception is not OperationCanceledException && _logger.IsEnabled(LogLevel.Warning))
                {
                    TcbLog.CallFailed(_logger, exception, endpoint.Name, attempts, address.Redacted);
                }

                throw;
            }
            finally
            {
                scope?.Dispose();
                body.Return();
                Record(activity, endpoint.Name, token, attempts, errorCode, statusCode, failure, started);
            }
        }

        /// <summary>
        /// One attempt: gets a token, arms the attempt's time limit and sends. Never throws; every failure is returned
        /// in the outcome (rethrown by the caller where the attempt must end the call), so the caller can count the
        /// attempt either way.
        /// </summary>
        private async ValueTask<TcbAttemptOutcome<TResponse>> AttemptAsync<TRequest, TResponse>(
            TcbEndpoint<TRequest, TResponse> endpoint,
            TcbTokenKey token,
            TcbEndpointAddress address,
            ArraySegment<byte> payload,
            string? query,
            int attempt,
            TimeoutScope? scope,
            long started,
            TcbHttpAttemptState? attemptState,
            CancellationToken cancellationToken)
            where TResponse : TcbResponse
        {
            TcbAccessToken? accessToken = null;
            TcbTimeoutKind armed = TcbTimeoutKind.Total;
            CancellationToken callToken = scope?.Token ?? cancellationToken;
            try
            {
                accessToken = await _tokenSource.GetTokenAsync(token, callToken).ConfigureAwait(false);
                if (accessToken.UrlParameter != null && !string.Equals(accessToken.UrlParameter, address.TokenParameter, StringComparison.Ordinal))
                {
                    // A token standing in for another kind (the cloud-call token for component_access_token) goes under its own parameter.
                    address = _uris.WithParameter(address, accessToken.UrlParameter);
                }

                bool debug = _logger.IsEnabled(LogLevel.Debug);
                if (debug)
                {
                    TcbLog.Sending(_logger, endpoint.Name, attempt, address.Redacted);
                }

                long attemptStarted = debug ? _timeProvider.GetTimestamp() : 0;
                armed = ArmAttempt(scope, started);
                TcbExchangeResult<TResponse> result;
                try
                {
                    result = await TcbHttpExchange.SendAsync(
                        _httpClient, query is null ? address.WithToken(accessToken.Value) : address.WithToken(accessToken.Value, query), payload, endpoint, _options.MaxResponseBytes, _timeProvider, callToken, accessToken.Value, attemptState).ConfigureAwait(false);
                }
                catch (TcbResendRefusedException refused)
                {
                    // A handler further out wanted to send again and was refused: what it was retrying is the outcome.
                    return RefusedOutcome(endpoint, refused.State, refused.Message, accessToken, armed);
                }
                catch (TcbConcurrentSendRefusedException refused)
                {
                    return RefusedOutcome(endpoint, refused.State, refused.Message, accessToken, armed);
                }
                catch (Exception handlerTimeout) when (ResilienceTimeout.Is(handlerTimeout))
                {
                    throw ResilienceTimeout.ToTcbTimeout(endpoint.Name, handlerTimeout, attemptState);
                }
                catch (OperationCanceledException canceled) when (!cancellationToken.IsCancellationRequested && !(armed == TcbTimeoutKind.Total && scope?.IsCancellationRequested == true))
                {
                    // Our attempt limit, or HttpClient.Timeout when the caller configured one shorter than ours.
                    TimeSpan limit = scope?.IsCancellationRequested == true ? _options.AttemptTimeout : _httpClient.Timeout;
                    throw new TcbTimeoutException(endpoint.Name, TcbTimeoutKind.Attempt, limit, canceled);
                }

                if (debug)
                {
                    TcbLog.Received(_logger, endpoint.Name, result.StatusCode, (result.Error as TcbApiException)?.ErrorCode ?? (result.Error is null ? 0 : null), _timeProvider.GetElapsedTime(attemptStarted).TotalMilliseconds);
                }

                return TcbAttemptOutcome<TResponse>.Answered(result, accessToken, armed);
            }
            catch (Exception exception)
            {
                // A failure before the token was obtained means the request was never sent.
                bool mayHaveReachedServer = accessToken is not null && !TcbRetryPolicy.IsConnectFailure(exception);
                return TcbAttemptOutcome<TResponse>.Failed(exception, accessToken, mayHaveReachedServer, armed);
            }
        }

        /// <summary>
        /// Set by <c>AddTcbGen</c>, whose HttpClient has <see cref="TcbHttpAttemptHandler"/> innermost: each attempt then
        /// carries a <see cref="TcbHttpAttemptState"/> for it (one small object per attempt, only then).
        /// </summary>
        internal bool AnnotatesAttempts { get; set; }

        private static TcbAttemptOutcome<TResponse> RefusedOutcome<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TcbHttpAttemptState state, string refusal, TcbAccessToken accessToken, TcbTimeoutKind armed)
            where TResponse : TcbResponse
        {
            if (state.LastErrorCode is int errorCode)
            {
                Exception api = endpoint.CreateException(errorCode, TcbSecretRedactor.Redact(state.LastErrorMessage, accessToken.Value));
                return TcbAttemptOutcome<TResponse>.Refused(api, accessToken, state.LastStatus, armed);
            }

            if (state.LastStatus is int status)
            {
                return TcbAttemptOutcome<TResponse>.Refused(new TcbHttpStatusException(endpoint.Name, status, null), accessToken, status, armed);
            }

            Exception failure = state.LastFailure switch
            {
                // The handler's attempt timeout cancelled the send it then wanted to repeat.
                OperationCanceledException canceled => new TcbTimeoutException(endpoint.Name, TcbTimeoutKind.Attempt, Timeout.InfiniteTimeSpan, canceled),
                Exception other => other,

                // A concurrent (hedged) send while the first was still in flight: nothing to report but the refusal.
                null => new InvalidOperationException(refusal),
            };
            return TcbAttemptOutcome<TResponse>.Refused(failure, accessToken, null, armed);
        }

        /// <summary>What to do after a failed attempt.</summary>
        private enum NextStep
        {
            /// <summary>Surface the failure.</summary>
            Throw,

            /// <summary>The token was rejected: renew it and send once more.</summary>
            RenewToken,

            /// <summary>Wait the given delay and try again.</summary>
            Retry,
        }

        /// <summary>Decides what follows a failed attempt; <paramref name="delay"/> is set for <see cref="NextStep.Retry"/>.</summary>
        private NextStep Classify<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, in TcbAttemptOutcome<TResponse> outcome, int attempt, bool tokenRenewed, long started, out TimeSpan delay)
            where TResponse : TcbResponse
        {
            delay = default;
            Exception failure = outcome.Failure!;
            if (!outcome.IsAnswer && !IsTransportFailure(failure, outcome.AccessToken))
            {
                // Cancellation, or a failure the runtime does not understand (e.g. thrown by a handler): not an attempt's outcome to act on.
                return NextStep.Throw;
            }

            if (failure is TcbApiException api && outcome.AccessToken is not null && TcbErrorCodes.IsTokenRejected(api.ErrorCode))
            {
                return tokenRenewed ? NextStep.Throw : NextStep.RenewToken;
            }

            TimeSpan? retryDelay = _retryPolicy.GetDelay(attempt, failure, outcome.MayHaveReachedServer, endpoint.IsRetrySafe, outcome.RetryAfter);
            if (retryDelay is null || !FitsInTotalTimeout(retryDelay.Value, started))
            {
                return NextStep.Throw;
            }

            delay = retryDelay.Value;
            return NextStep.Retry;
        }

        /// <summary>Whether a thrown <paramref name="failure"/> is one the retry rules apply to (any failure to get the token is: nothing was sent).</summary>
        private static bool IsTransportFailure(Exception failure, TcbAccessToken? accessToken)
            => failure is HttpRequestException || failure is IOException || failure is TcbTimeoutException
               || (accessToken is null && failure is not OperationCanceledException);

        /// <summary>Tells the token source its token was rejected, so the next attempt gets a new one.</summary>
        private ValueTask RenewTokenAsync(string endpointName, TcbTokenKey token, TcbAccessToken rejected, int errorCode, CancellationToken cancellationToken)
        {
            TcbLog.TokenRejected(_logger, endpointName, token.Kind.Name, token.AppId, errorCode);
            return _tokenSource.InvalidateAsync(token, rejected, cancellationToken);
        }

        /// <summary>Reports the retry and waits <paramref name="delay"/>.</summary>
        private Task WaitBeforeRetryAsync(string endpointName, int attempt, Exception failure, TimeSpan delay, CancellationToken cancellationToken)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                TcbLog.Retrying(_logger, endpointName, attempt, Describe(failure), delay.TotalMilliseconds);
            }

            if (TcbInstrumentation.Retries.Enabled)
            {
                TcbInstrumentation.Retries.Add(1, new KeyValuePair<string, object?>(TcbGenTelemetry.EndpointTag, endpointName));
            }

            return TimeProviderCompat.Delay(_timeProvider, delay, cancellationToken);
        }

        /// <summary>The call's cancellation source, or <see langword="null"/> when there is no limit (the caller's token is used as is).</summary>
        private TimeoutScope? CreateScope(TimeSpan totalLimit, CancellationToken cancellationToken)
        {
            if (totalLimit == Timeout.InfiniteTimeSpan && _options.AttemptTimeout == Timeout.InfiniteTimeSpan)
            {
                return null;
            }

            return new TimeoutScope(_timeProvider, totalLimit, cancellationToken);
        }

        /// <summary>
        /// Before an attempt: moves the timer to the attempt's limit if that comes before the total one, and says which
        /// limit a firing of the scope then means.
        /// </summary>
        private TcbTimeoutKind ArmAttempt(TimeoutScope? scope, long started)
        {
            TimeSpan attemptLimit = _options.AttemptTimeout;
            if (scope is null || attemptLimit == Timeout.InfiniteTimeSpan || scope.IsCancellationRequested)
            {
                return TcbTimeoutKind.Total;
            }

            if (_options.TotalTimeout != Timeout.InfiniteTimeSpan && attemptLimit >= _options.TotalTimeout - _timeProvider.GetElapsedTime(started))
            {
                // The total limit comes first (or at the same time): the timer already fires then.
                return TcbTimeoutKind.Total;
            }

            scope.Reschedule(attemptLimit);
            return TcbTimeoutKind.Attempt;
        }

        /// <summary>
        /// After an attempt that is followed by more work (a renewal or a retry): if the scope was moved to the attempt's
        /// limit, a new scope takes over for what remains of the total limit, so a late attempt timer cannot cancel it.
        /// </summary>
        private TimeoutScope? EndAttempt(TimeoutScope? scope, ref TcbTimeoutKind armed, long started, CancellationToken cancellationToken)
        {
            if (scope is null || armed != TcbTimeoutKind.Attempt)
            {
                return scope;
            }

            armed = TcbTimeoutKind.Total;
            scope.Dispose();
            TimeSpan remaining = _options.TotalTimeout == Timeout.InfiniteTimeSpan
                ? Timeout.InfiniteTimeSpan
                : _options.TotalTimeout - _timeProvider.GetElapsedTime(started);
            return new TimeoutScope(_timeProvider, remaining, cancellationToken);
        }

        private bool FitsInTotalTimeout(TimeSpan delay, long started)
        {
            // Waiting past the total limit would only turn the real error into a timeout.
            return _options.TotalTimeout == Timeout.InfiniteTimeSpan
                || _timeProvider.GetElapsedTime(started) + delay < _options.TotalTimeout;
        }

        private static string Describe(Exception failure) => failure switch
        {
            TcbApiException api => "errcode " + api.ErrorCode,
            TcbProtocolException protocol => "HTTP " + protocol.StatusCode,
            _ => failure.GetType().Name,
        };

        private void Record(Activity? activity, string endpointName, TcbTokenKey token, int attempts, int? errorCode, int? statusCode, Exception? failure, long started)
        {
            bool metrics = TcbInstrumentation.Calls.Enabled || TcbInstrumentation.CallDuration.Enabled;
            if (!metrics && activity is null)
            {
                return;
            }

            string outcome = TcbInstrumentation.OutcomeOf(failure);
            if (metrics)
            {
                var tags = new TagList
                {
                    { TcbGenTelemetry.EndpointTag, endpointName },
                    { TcbGenTelemetry.TokenKindTag, token.Kind.Name },
                    { TcbGenTelemetry.OutcomeTag, outcome },
                };
                if (errorCode is int code)
                {
                    tags.Add(TcbGenTelemetry.ErrorCodeTag, code == 0 ? BoxedZero : code);
                }

                if (failure != null)
                {
                    tags.Add(TcbGenTelemetry.ErrorTypeTag, TcbInstrumentation.ErrorTypeOf(failure));
                }

                TcbInstrumentation.Calls.Add(1, tags);
                TcbInstrumentation.CallDuration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, tags);
            }

            if (activity is null)
            {
                return;
            }

            // A handler on the HttpClient (a resilience handler's retries) may have sent more attempts than the runtime made.
            activity.SetTag(TcbGenTelemetry.AttemptsTag, Math.Max(attempts, TcbInstrumentation.HttpAttemptsOf(activity)));
            if (errorCode is int activityErrorCode)
            {
                activity.SetTag(TcbGenTelemetry.ErrorCodeTag, activityErrorCode == 0 ? BoxedZero : activityErrorCode);
            }

            if (statusCode is int status)
            {
                activity.SetTag("http.response.status_code", status);
            }

            if (failure != null)
            {
                TcbInstrumentation.RecordFailure(activity, failure);
            }
        }
    }
}
