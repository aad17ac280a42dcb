using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TcbGen.Runtime.Tests.Infrastructure
{
    /// <summary>
    /// A <see cref="FakeTimeProvider"/> that reports each wait (a Task.Delay timer) the code under test starts, so
    /// <see cref="DriveAsync{T}"/> can advance time exactly by it (no sleeps). Timeout timers (the runtime's
    /// TimeoutScope) are not reported: they only fire when a test advances time explicitly or waits add up to them.
    /// A TimeoutScope is a CancellationTokenSource; on net8.0 its timer is the source's own, created here with the
    /// scope as the timer's state (the callback is CancellationTokenSource's), so a timer counts as a timeout timer when
    /// its callback is declared by TimeoutScope or its state is a TimeoutScope.
    /// </summary>
    public sealed class ManualTime : FakeTimeProvider
    {
        private readonly SemaphoreSlim _created = new(0);
        private readonly ConcurrentQueue<TimeSpan> _pending = new();
        private Task? _nextTimer;

        public ManualTime()
            : base(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
        }

        public List<TimeSpan> Waits { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            ITimer timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan && !IsTimeoutTimer(callback, state))
            {
                _pending.Enqueue(dueTime);
                _created.Release();
            }

            return timer;
        }

        private static bool IsTimeoutTimer(TimerCallback callback, object? state)
            => callback.Method.DeclaringType?.FullName?.StartsWith("TcbGen.Runtime.TimeoutScope", StringComparison.Ordinal) == true
               || state?.GetType().FullName?.StartsWith("TcbGen.Runtime.TimeoutScope", StringComparison.Ordinal) == true;

        /// <summary>Runs <paramref name="call"/> to completion, advancing time by each timer's due time as it is created.</summary>
        public async Task<T> DriveAsync<T>(Task<T> call)
        {
            while (!call.IsCompleted)
            {
                // One outstanding wait, kept across calls: an abandoned one would swallow the next timer's signal.
                Task timerCreated = _nextTimer ??= _created.WaitAsync();
                Task first = await Task.WhenAny(call, timerCreated, Task.Delay(TimeSpan.FromSeconds(20)));
                if (first == timerCreated)
                {
                    _nextTimer = null;
                    if (_pending.TryDequeue(out TimeSpan due))
                    {
                        Waits.Add(due);
                        Advance(due);
                    }
                }
                else if (first != call)
                {
                    throw new TimeoutException("The call neither completed nor started waiting (safety net, not a timing assertion).");
                }
            }

            return await call;
        }
    }
}
