using System;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A cancellation source that fires when a time limit passes or a linked token is cancelled: one object and one
    /// timer, created on the <see cref="TimeProvider"/> so a fake provider drives timeouts in tests. The limit can be
    /// moved with <see cref="Reschedule"/>, which reuses the timer. A timeout must surface as
    /// <see cref="TcbTimeoutException"/>, a caller's cancellation as itself: <see cref="IsTimedOut"/> tells them apart.
    /// </summary>
    /// <remarks>
    /// On net8.0 the timer is the <see cref="CancellationTokenSource"/>'s own (created through the provider, rescheduled by
    /// <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>); on netstandard2.0 it is an <see cref="ITimer"/> of
    /// the provider held here. Either way the timer's state object is this scope.
    /// </remarks>
    internal sealed class TimeoutScope : CancellationTokenSource
    {
        private readonly CancellationToken _linked;
        private readonly CancellationTokenRegistration _link;
#if !NET8_0_OR_GREATER
        private readonly ITimer? _timer;
#endif

        /// <summary>Creates the scope.</summary>
        /// <param name="timeProvider">The clock of the timer.</param>
        /// <param name="timeout">The limit from now; <see cref="Timeout.InfiniteTimeSpan"/> for none (yet), zero or less to start timed out.</param>
        /// <param name="linked">A token that cancels the scope too; linked only when it can be cancelled.</param>
        public TimeoutScope(TimeProvider timeProvider, TimeSpan timeout, CancellationToken linked)
#if NET8_0_OR_GREATER
            : base(Clamp(timeout), timeProvider)
#endif
        {
            Timeout = timeout;
#if !NET8_0_OR_GREATER
            if (Clamp(timeout) == TimeSpan.Zero)
            {
                Cancel();
            }
            else
            {
                _timer = timeProvider.CreateTimer(static state => ((TimeoutScope)state!).CancelQuietly(), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
            }
#endif
            _linked = linked;
            if (linked.CanBeCanceled)
            {
#if NET8_0_OR_GREATER
                _link = linked.UnsafeRegister(static state => ((TimeoutScope)state!).CancelQuietly(), this);
#else
                _link = linked.Register(static state => ((TimeoutScope)state!).CancelQuietly(), this);
#endif
            }
        }

        /// <summary>The limit the scope was created with.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Whether the timer, not the linked token, cancelled the scope.</summary>
        public bool IsTimedOut => IsCancellationRequested && !_linked.IsCancellationRequested;

        /// <summary>Moves the limit to <paramref name="delay"/> from now, reusing the timer (no effect once cancelled).</summary>
        public void Reschedule(TimeSpan delay)
        {
            delay = Clamp(delay);
#if NET8_0_OR_GREATER
            try
            {
                CancelAfter(delay);
            }
            catch (ObjectDisposedException)
            {
                // Only reachable if the scope ended concurrently; nothing waits on it any more.
            }
#else
            if (delay == TimeSpan.Zero)
            {
                CancelQuietly();
            }
            else
            {
                _timer?.Change(delay, System.Threading.Timeout.InfiniteTimeSpan);
            }
#endif
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // First the link, so the caller's cancellation cannot reach a disposed source.
                _link.Dispose();
#if !NET8_0_OR_GREATER
                _timer?.Dispose();
#endif
            }

            base.Dispose(disposing);
        }

        private static TimeSpan Clamp(TimeSpan timeout)
            => timeout == System.Threading.Timeout.InfiniteTimeSpan || timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero;

        private void CancelQuietly()
        {
            try
            {
                Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The scope ended just as the timer fired; nothing is waiting any more.
            }
        }
    }
}
