using System;
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
    /// <para>
    /// A call walks a fixed chain of small policies, built once per transport, each one concern and testable alone:
    /// telemetry (<see cref="TcbTelemetryPolicy"/>), time limits (<see cref="TcbAttemptTimeoutPolicy"/>), token
    /// injection (<see cref="TcbTokenInjectionPolicy"/>), the send, body limits (<see cref="TcbBodyLimitPolicy"/>),
    /// error mapping (<see cref="TcbErrorMappingPolicy"/>) and WeChat's retry rules (<see cref="TcbRetryPolicy"/>).
    /// Their hooks are synchronous or hand back the one thing that waits, so the walk is this one async method: a call
    /// boxes one state machine when it really waits, however many policies it passes.
    /// </para>
    /// </remarks>
    public sealed class TcbHttpTransport : ITcbTransport
    {
        private readonly HttpClient _httpClient;
        private readonly TimeProvider _timeProvider;
        private readonly TcbTelemetryPolicy _telemetry;
        private readonly TcbAttemptTimeoutPolicy _timeouts;
        private readonly TcbTokenInjectionPolicy _tokens;
        private readonly TcbBodyLimitPolicy _bodies;
        private readonly TcbRetryPolicy _retries;

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
            if (tokenSource is null)
            {
                throw new ArgumentNullException(nameof(tokenSource));
            }

            options ??= new TcbGenOptions();
            TcbGenOptionsValidator.ThrowIfInvalid(options, nameof(options));
            _timeProvider = timeProvider ?? TimeProvider.System;
            _telemetry = new TcbTelemetryPolicy((ILogger?)logger ?? NullLogger.Instance, _timeProvider);
            _timeouts = new TcbAttemptTimeoutPolicy(options.TotalTimeout, options.AttemptTimeout, _timeProvider, _httpClient);
            _tokens = new TcbTokenInjectionPolicy(tokenSource, options.BaseAddress);
            _bodies = new TcbBodyLimitPolicy(options.MaxResponseBytes);
            _retries = new TcbRetryPolicy(options.Retry, _timeProvider);
        }

        /// <summary>
        /// Set by <c>AddTcbGen</c> when its HttpClient has <see cref="TcbHttpAttemptHandler"/> innermost (the application
        /// added handlers): each attempt then carries a <see cref="TcbHttpAttemptState"/> for it (one small object per
        /// attempt, only then).
        /// </summary>
        internal bool AnnotatesAttempts { get; set; }

        /// <summary>
        /// Set by <c>AddTcbGen</c> when the transport, not its HttpClient's primary handler, decodes gzip and deflate
        /// answers (<see cref="TcbContentDecodingPolicy"/>).
        /// </summary>
        internal bool DecodesContent { get; set; }

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
            using Activity? activity = _telemetry.StartCall(endpoint.ActivityName, endpoint.Name, token);

            TcbEndpointAddress address = _tokens.AddressOf(endpoint, token);
            TcbCallRecord record = default;
            ArraySegment<byte> payload = default;
            TimeoutScope? scope = null;
            try
            {
                payload = endpoint.HasBody ? JsonRequestBody.Write(endpoint.WriteRequest, request) : default;
                string? query = endpoint.WriteQuery is null ? null : TcbQueryWriter.Build(endpoint.WriteQuery, request);
                scope = _timeouts.StartCall(cancellationToken);
                try
                {
                    int attempt = 0;
                    bool tokenRenewed = false;
                    while (true)
                    {
                        attempt++;
                        TcbHttpAttemptState? attemptState = AnnotatesAttempts ? new TcbHttpAttemptState(endpoint.Name, endpoint.IsRetrySafe) : null;
                        TcbAttemptOutcome<TResponse> outcome;

                        // The attempt, inline (no state machine of its own): every failure becomes its outcome, so it is
                        // counted either way and the retry rules decide what follows.
                        TcbAccessToken? accessToken = null;
                        TcbTimeoutKind armed = TcbTimeoutKind.Total;
                        CancellationToken callToken = scope?.Token ?? cancellationToken;
                        try
                        {
                            accessToken = await _tokens.GetTokenAsync(token, callToken).ConfigureAwait(false);
                            TcbEndpointAddress attemptAddress = _tokens.AddressFor(address, accessToken);
                            bool logged = _telemetry.AttemptStarting(endpoint.Name, attempt, attemptAddress.Redacted, out long attemptStarted);
                            armed = _timeouts.ArmAttempt(scope, started);
                            HttpRequestMessage? httpRequest = null;
                            HttpResponseMessage? response = null;
                            ResponseBodyReader reader = default;
                            try
                            {
                                httpRequest = TcbHttpExchange.CreateRequest(endpoint.Method, TcbTokenInjectionPolicy.UriFor(attemptAddress, accessToken, query), payload);
                                attemptState?.AttachTo(httpRequest);
                                if (DecodesContent)
                                {
                                    TcbContentDecodingPolicy.Advertise(httpRequest);
                                }

                                response = await _httpClient.SendAsync(httpRequest, HttpCompletionOption.ResponseHeadersRead, callToken).ConfigureAwait(false);

                                // The status as it came over the wire: the innermost handler may show an outer resilience handler a 2xx
                                // answer's errcode -1/45011 as 503/429, which must not reach the caller, the span or the metrics.
                                int status = attemptState?.LastStatus ?? (int)response.StatusCode;
                                HttpContent? content = response.Content;
                                bool gzip = false;
                                bool encoded = DecodesContent && content != null && TcbContentDecodingPolicy.IsEncoded(content, out gzip);
                                reader = _bodies.StartReading(content, encoded);
                                if (TcbBodyLimitPolicy.ShouldRead(content, encoded, ref reader))
                                {
#if NET5_0_OR_GREATER
                                    using Stream received = await content!.ReadAsStreamAsync(callToken).ConfigureAwait(false);
                                    using Stream stream = encoded ? TcbContentDecodingPolicy.Decode(received, gzip) : received;
                                    while (reader.Advance(await stream.ReadAsync(reader.GetFree().AsMemory(), callToken).ConfigureAwait(false)))
                                    {
                                    }
#else
                                    using Stream received = await content!.ReadAsStreamAsync().ConfigureAwait(false);
                                    using Stream stream = encoded ? TcbContentDecodingPolicy.Decode(received, gzip) : received;
                                    while (true)
                                    {
                                        ArraySegment<byte> free = reader.GetFree();
                                        if (!reader.Advance(await stream.ReadAsync(free.Array!, free.Offset, free.Count, callToken).ConfigureAwait(false)))
                                        {
                                            break;
                                        }
                                    }
#endif
                                }

                                Exception? error = TcbBodyLimitPolicy.Interpret(endpoint, status, ref reader, accessToken.Value, out TResponse? parsed);
                                outcome = TcbAttemptOutcome<TResponse>.Answered(parsed, error, status, error is null ? null : RetryAfterHeader.Read(response, _timeProvider), accessToken, armed);
                                if (logged)
                                {
                                    _telemetry.AttemptAnswered(endpoint.Name, status, error, attemptStarted);
                                }
                            }
                            catch (Exception refusal) when (TcbErrorMappingPolicy.RefusalOf(refusal) is TcbHttpAttemptState refused)
                            {
                                // A handler further out wanted to send again and was refused: what it was retrying is the outcome.
                                Exception failure = TcbErrorMappingPolicy.Refused(endpoint, refused, refusal.Message, accessToken.Value, out int? refusedStatus);
                                outcome = TcbAttemptOutcome<TResponse>.Refused(failure, accessToken, refusedStatus, armed);
                            }
                            catch (Exception handlerTimeout) when (ResilienceTimeout.Is(handlerTimeout))
                            {
                                throw ResilienceTimeout.ToTcbTimeout(endpoint.Name, handlerTimeout, attemptState);
                            }
                            catch (OperationCanceledException canceled) when (TcbAttemptTimeoutPolicy.IsAttemptTimeout(scope, armed, cancellationToken))
                            {
                                throw _timeouts.AttemptTimedOut(endpoint.Name, scope, canceled);
                            }
                            finally
                            {
                                reader.Dispose();
                                response?.Dispose();
                                httpRequest?.Dispose();
                            }
                        }
                        catch (Exception exception)
                        {
                            // A failure before the token was obtained means the request was never sent.
                            bool mayHaveReachedServer = accessToken is not null && !TcbRetryPolicy.IsConnectFailure(exception);
                            outcome = TcbAttemptOutcome<TResponse>.Failed(exception, accessToken, mayHaveReachedServer, armed);
                        }

                        // What went out on the wire: the sends the innermost handler saw (a resilience handler's
                        // retries included, refused re-sends not), or one per attempt that got its token.
                        record.Attempts += attemptState?.Sends ?? (outcome.AccessToken is not null ? 1 : 0);
                        record.StatusCode = outcome.StatusCode ?? record.StatusCode;
                        if (outcome.Failure is null)
                        {
                            record.ErrorCode = 0;
                            return outcome.Response!;
                        }

                        if (!outcome.IsActionable)
                        {
                            ExceptionDispatchInfo.Capture(outcome.Failure).Throw();
                        }

                        if (TcbTokenInjectionPolicy.IsRejection(outcome.Failure, outcome.AccessToken, out int rejectedCode))
                        {
                            if (tokenRenewed)
                            {
                                ExceptionDispatchInfo.Capture(outcome.Failure).Throw();
                            }

                            // Rejected at authentication, so the request did nothing: renew and send once more, outside the retry budget.
                            tokenRenewed = true;
                            attempt--;
                            scope = _timeouts.EndAttempt(scope, outcome.Armed, started, cancellationToken);
                            _telemetry.TokenRejected(endpoint.Name, token, rejectedCode);
                            await _tokens.RenewAsync(token, outcome.AccessToken!, scope?.Token ?? cancellationToken).ConfigureAwait(false);
                            continue;
                        }

                        TimeSpan? delay = _retries.DelayAfter(outcome, attempt, endpoint.IsRetrySafe);
                        if (delay is null || !_timeouts.Fits(delay.Value, started))
                        {
                            ExceptionDispatchInfo.Capture(outcome.Failure).Throw();
                        }

                        scope = _timeouts.EndAttempt(scope, outcome.Armed, started, cancellationToken);
                        _telemetry.Retrying(endpoint.Name, attempt, outcome.Failure, delay!.Value);
                        await _retries.WaitAsync(delay.Value, scope?.Token ?? cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(endpoint.Name + " was canceled by the caller.", canceled, cancellationToken);
                }
                catch (OperationCanceledException canceled) when (scope?.IsCancellationRequested == true)
                {
                    throw _timeouts.TotalTimedOut(endpoint.Name, canceled);
                }
            }
            catch (Exception exception)
            {
                record.Failure = exception;
                if (exception is TcbApiException api)
                {
                    record.ErrorCode = api.ErrorCode;
                }

                _telemetry.CallFailed(exception, endpoint.Name, record.Attempts, address.Redacted);
                throw;
            }
            finally
            {
                scope?.Dispose();
                JsonRequestBody.Return(payload);
                _telemetry.CallEnded(activity, endpoint.Name, token, record, started);
            }
        }
    }
}
