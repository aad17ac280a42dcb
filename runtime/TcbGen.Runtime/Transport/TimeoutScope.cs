using System;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A cancellation token that fires when a linked token is cancelled or a time limit passes, and remembers
    /// which: a timeout must surface as <see cref="TcbTimeoutException"/>, a caller's cancellation as itself.
    /// The timer is created on the <see cref="TimeProvider"/> so a fake provider drives timeouts in tests.
    /// </summary>
    internal sealed class TimeoutScope : IDisposable
    {
        private readonly CancellationTokenSource _source;
        private readonly ITimer? _timer;
        private int _timedOut;

        public TimeoutScope(TimeProvider timeProvider, TimeSpan timeout, CancellationToken linked)
        {
            Timeout = timeout;
            _source = CancellationTokenSource.CreateLinkedTokenSource(linked);
            if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                _timer = timeProvider.CreateTimer(static state => ((TimeoutScope)state!).Fire(), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
            }
        }

        public TimeSpan Timeout { get; }

        public CancellationToken Token => _source.Token;

        public bool IsTimedOut => Volatile.Read(ref _timedOut) == 1;

        public void Dispose()
        {
            _timer?.Dispose();
            _source.Dispose();
        }

        private void Fire()
        {
            Volatile.Write(ref _timedOut, 1);
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The scope ended just as the timer fired; nothing is waiting any more.
            }
        }
    }
}
