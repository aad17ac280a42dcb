using System;
using System.Net.Http;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The transport's time limits: one <see cref="TimeoutScope"/> per call (none when there is no limit) that fires at
    /// the total limit and, during an attempt, at the attempt's limit when that comes first; and which
    /// <see cref="TcbTimeoutException"/> a cancellation means. Synchronous hooks only.
    /// </summary>
    internal sealed class TcbAttemptTimeoutPolicy
    {
        private readonly TimeSpan _totalTimeout;
        private readonly TimeSpan _attemptTimeout;
        private readonly TimeProvider _timeProvider;
        private readonly HttpClient? _httpClient;

        /// <param name="totalTimeout">The limit of a whole call, retries and renewals included.</param>
        /// <param name="attemptTimeout">The limit of one attempt.</param>
        /// <param name="timeProvider">The clock of the timers.</param>
        /// <param name="httpClient">The client whose own <see cref="HttpClient.Timeout"/> may end an attempt first; <see langword="null"/> for none.</param>
        public TcbAttemptTimeoutPolicy(TimeSpan totalTimeout, TimeSpan attemptTimeout, TimeProvider timeProvider, HttpClient? httpClient)
        {
            _totalTimeout = totalTimeout;
            _attemptTimeout = attemptTimeout;
            _timeProvider = timeProvider;
            _httpClient = httpClient;
        }

        public TimeSpan TotalTimeout => _totalTimeout;

        /// <summary>The call's cancellation source, or <see langword="null"/> when there is no limit (the caller's token is used as is).</summary>
        public TimeoutScope? StartCall(CancellationToken cancellationToken)
        {
            if (_totalTimeout == Timeout.InfiniteTimeSpan && _attemptTimeout == Timeout.InfiniteTimeSpan)
            {
                return null;
            }

            return new TimeoutScope(_timeProvider, _totalTimeout, cancellationToken);
        }

        /// <summary>
        /// Before an attempt: moves the timer to the attempt's limit if that comes before the total one, and says which
        /// limit a firing of the scope then means.
        /// </summary>
        public TcbTimeoutKind ArmAttempt(TimeoutScope? scope, long started)
        {
            if (scope is null || _attemptTimeout == Timeout.InfiniteTimeSpan || scope.IsCancellationRequested)
            {
                return TcbTimeoutKind.Total;
            }

            if (_totalTimeout != Timeout.InfiniteTimeSpan && _attemptTimeout >= _totalTimeout - _timeProvider.GetElapsedTime(started))
            {
                // The total limit comes first (or at the same time): the timer already fires then.
                return TcbTimeoutKind.Total;
            }

            scope.Reschedule(_attemptTimeout);
            return TcbTimeoutKind.Attempt;
        }

        /// <summary>
        /// After an attempt that is followed by more work (a renewal or a retry): if the scope was moved to the attempt's
        /// limit, a new scope takes over for what remains of the total limit, so a late attempt timer cannot cancel it.
        /// </summary>
        public TimeoutScope? EndAttempt(TimeoutScope? scope, TcbTimeoutKind armed, long started, CancellationToken cancellationToken)
        {
            if (scope is null || armed != TcbTimeoutKind.Attempt)
            {
                return scope;
            }

            scope.Dispose();
            TimeSpan remaining = _totalTimeout == Timeout.InfiniteTimeSpan
                ? Timeout.InfiniteTimeSpan
                : _totalTimeout - _timeProvider.GetElapsedTime(started);
            return new TimeoutScope(_timeProvider, remaining, cancellationToken);
        }

        /// <summary>
        /// Whether a cancellation during an attempt is an attempt's time limit: ours, or <see cref="HttpClient.Timeout"/>
        /// when the caller configured one shorter. Neither the caller's cancellation nor the total limit is.
        /// </summary>
        public static bool IsAttemptTimeout(TimeoutScope? scope, TcbTimeoutKind armed, CancellationToken callerToken)
            => !callerToken.IsCancellationRequested && !(armed == TcbTimeoutKind.Total && scope?.IsCancellationRequested == true);

        /// <summary>The attempt's timeout, for a cancellation <see cref="IsAttemptTimeout"/> accepted.</summary>
        public TcbTimeoutException AttemptTimedOut(string endpointName, TimeoutScope? scope, OperationCanceledException canceled)
        {
            TimeSpan limit = scope?.IsCancellationRequested == true ? _attemptTimeout : _httpClient?.Timeout ?? Timeout.InfiniteTimeSpan;
            return new TcbTimeoutException(endpointName, TcbTimeoutKind.Attempt, limit, canceled);
        }

        /// <summary>The call's total timeout.</summary>
        public TcbTimeoutException TotalTimedOut(string endpointName, OperationCanceledException canceled)
            => new TcbTimeoutException(endpointName, TcbTimeoutKind.Total, _totalTimeout, canceled);

        /// <summary>Whether waiting <paramref name="delay"/> still ends before the total limit (waiting past it would only turn the real error into a timeout).</summary>
        public bool Fits(TimeSpan delay, long started)
            => _totalTimeout == Timeout.InfiniteTimeSpan || _timeProvider.GetElapsedTime(started) + delay < _totalTimeout;
    }
}
