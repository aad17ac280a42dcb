using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The transport's telemetry policy: the call's span, its metrics and its log lines. Synchronous hooks only (nothing
    /// here waits), called by <see cref="TcbHttpTransport"/> at each step of a call; costs nothing per call when no
    /// listener, meter or log level asks for it.
    /// </summary>
    internal sealed class TcbTelemetryPolicy
    {
        /// <summary>errcode 0, boxed once for metric and span tags.</summary>
        private static readonly object BoxedZero = 0;

        private readonly ILogger _logger;
        private readonly TimeProvider _timeProvider;

        public TcbTelemetryPolicy(ILogger logger, TimeProvider timeProvider)
        {
            _logger = logger;
            _timeProvider = timeProvider;
        }

        /// <summary>The call's span, when something listens.</summary>
        public Activity? StartCall(string activityName, string endpointName, TcbTokenKey token)
            => TcbInstrumentation.ActivitySource.HasListeners() ? TcbInstrumentation.StartCall(activityName, endpointName, token) : null;

        /// <summary>Logs an attempt going out (at Debug); <paramref name="attemptStarted"/> is then when, for <see cref="AttemptAnswered"/>.</summary>
        /// <returns>Whether the attempt is being logged.</returns>
        public bool AttemptStarting(string endpointName, int attempt, string redactedUrl, out long attemptStarted)
        {
            attemptStarted = 0;
            if (!_logger.IsEnabled(LogLevel.Debug))
            {
                return false;
            }

            TcbLog.Sending(_logger, endpointName, attempt, redactedUrl);
            attemptStarted = _timeProvider.GetTimestamp();
            return true;
        }

        /// <summary>Logs what a logged attempt's answer said.</summary>
        public void AttemptAnswered(string endpointName, int statusCode, Exception? error, long attemptStarted)
            => TcbLog.Received(_logger, endpointName, statusCode, (error as TcbApiException)?.ErrorCode ?? (error is null ? 0 : null), _timeProvider.GetElapsedTime(attemptStarted).TotalMilliseconds);

        /// <summary>Logs and counts a retry about to wait <paramref name="delay"/>.</summary>
        public void Retrying(string endpointName, int attempt, Exception failure, TimeSpan delay)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                TcbLog.Retrying(_logger, endpointName, attempt, Describe(failure), delay.TotalMilliseconds);
            }

            if (TcbInstrumentation.Retries.Enabled)
            {
                TcbInstrumentation.Retries.Add(1, new KeyValuePair<string, object?>(TcbGenTelemetry.EndpointTag, endpointName));
            }
        }

        /// <summary>Logs a rejected token about to be renewed.</summary>
        public void TokenRejected(string endpointName, TcbTokenKey token, int errorCode)
            => TcbLog.TokenRejected(_logger, endpointName, token.Kind.Name, token.AppId, errorCode);

        /// <summary>Logs a failed call (cancellations are not failures of the call).</summary>
        public void CallFailed(Exception exception, string endpointName, int attempts, string redactedUrl)
        {
            if (exception is not OperationCanceledException && _logger.IsEnabled(LogLevel.Warning))
            {
                TcbLog.CallFailed(_logger, exception, endpointName, attempts, redactedUrl);
            }
        }

        /// <summary>Records the call's metrics and completes its span's tags.</summary>
        public void CallEnded(Activity? activity, string endpointName, TcbTokenKey token, in TcbCallRecord record, long started)
        {
            bool metrics = TcbInstrumentation.Calls.Enabled || TcbInstrumentation.CallDuration.Enabled;
            if (!metrics && activity is null)
            {
                return;
            }

            Exception? failure = record.Failure;
            string outcome = TcbInstrumentation.OutcomeOf(failure);
            if (metrics)
            {
                var tags = new TagList
                {
                    { TcbGenTelemetry.EndpointTag, endpointName },
                    { TcbGenTelemetry.TokenKindTag, token.Kind.Name },
                    { TcbGenTelemetry.OutcomeTag, outcome },
                };
                if (record.ErrorCode is int code)
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
            activity.SetTag(TcbGenTelemetry.AttemptsTag, Math.Max(record.Attempts, TcbInstrumentation.HttpAttemptsOf(activity)));
            if (record.ErrorCode is int activityErrorCode)
            {
                activity.SetTag(TcbGenTelemetry.ErrorCodeTag, activityErrorCode == 0 ? BoxedZero : activityErrorCode);
            }

            if (record.StatusCode is int status)
            {
                activity.SetTag("http.response.status_code", status);
            }

            if (failure != null)
            {
                TcbInstrumentation.RecordFailure(activity, failure);
            }
        }

        private static string Describe(Exception failure) => failure switch
        {
            TcbApiException api => "errcode " + api.ErrorCode,
            TcbProtocolException protocol => "HTTP " + protocol.StatusCode,
            _ => failure.GetType().Name,
        };
    }
}
