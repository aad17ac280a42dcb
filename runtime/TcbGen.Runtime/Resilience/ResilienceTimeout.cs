using System;
using System.Diagnostics;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A resilience handler's timeout (Polly's <c>TimeoutRejectedException</c>, recognised by type name: the runtime does
    /// not depend on Polly), turned into a <see cref="TcbTimeoutException"/> with the handler's real limit and the right
    /// kind. The limit is the exception's public <c>Timeout</c> property (never its message text). The kind comes from
    /// what the innermost handler saw: a limit that covered every send the handler made is its total timeout; a limit
    /// shorter than the span of several sends can only be its attempt timeout (its retries ran out).
    /// </summary>
    internal static class ResilienceTimeout
    {
        private const string TimeoutRejectedTypeName = "Polly.Timeout.TimeoutRejectedException";

        public static bool Is(Exception exception)
            => exception is not OperationCanceledException && exception.GetType().FullName == TimeoutRejectedTypeName;

        public static TcbTimeoutException ToTcbTimeout(string endpointName, Exception handlerTimeout, TcbHttpAttemptState? state)
        {
            TimeSpan limit = LimitOf(handlerTimeout);
            return new TcbTimeoutException(endpointName, KindOf(limit, state), limit, handlerTimeout);
        }

        /// <summary>
        /// Total unless the handler sent more than once and its sends spanned clearly more than the limit (at least one
        /// and a half limits): a total timeout's timer starts before the first send, so the sends it covers span at most
        /// the limit plus the time the cancellation took to arrive; attempt timeouts that exhausted the retries span at
        /// least two limits.
        /// </summary>
        private static TcbTimeoutKind KindOf(TimeSpan limit, TcbHttpAttemptState? state)
        {
            if (state is null || state.Sends < 2 || limit <= TimeSpan.Zero || limit == Timeout.InfiniteTimeSpan)
            {
                return TcbTimeoutKind.Total;
            }

            TimeSpan spanned = state.SendsSpan;
            return spanned.Ticks > limit.Ticks + (limit.Ticks / 2) ? TcbTimeoutKind.Attempt : TcbTimeoutKind.Total;
        }

#if NET5_0_OR_GREATER
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Polly's public Timeout property; if trimmed away the limit is reported as infinite.")]
#endif
        private static TimeSpan LimitOf(Exception handlerTimeout)
        {
            object? value = handlerTimeout.GetType().GetProperty("Timeout")?.GetValue(handlerTimeout);
            return value is TimeSpan limit ? limit : Timeout.InfiniteTimeSpan;
        }
    }
}
