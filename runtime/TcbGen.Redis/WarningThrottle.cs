using System;
using System.Diagnostics;
using System.Threading;

namespace TcbGen.Redis
{
    /// <summary>
    /// Lets one warning of a kind through per interval and counts the ones held back, so an outage met by hundreds of callers
    /// a second logs a line every few seconds (with how many it stands for) instead of flooding the log.
    /// </summary>
    internal sealed class WarningThrottle
    {
        private readonly long _intervalTicks;
        private long _nextAllowed;
        private int _suppressed;

        public WarningThrottle(TimeSpan interval)
        {
            _intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
            _nextAllowed = long.MinValue;
        }

        /// <summary>Whether this warning may be logged now; if so, <paramref name="suppressed"/> is how many were held back since the last.</summary>
        public bool TryPass(out int suppressed)
        {
            long now = Stopwatch.GetTimestamp();
            long allowed = Volatile.Read(ref _nextAllowed);
            if (now >= allowed && Interlocked.CompareExchange(ref _nextAllowed, now + _intervalTicks, allowed) == allowed)
            {
                suppressed = Interlocked.Exchange(ref _suppressed, 0);
                return true;
            }

            Interlocked.Increment(ref _suppressed);
            suppressed = 0;
            return false;
        }
    }
}
