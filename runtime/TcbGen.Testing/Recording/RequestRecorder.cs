using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Testing.Recording
{
    /// <summary>The requests received so far, in the order they were answered, and waiters for more. Thread-safe.</summary>
    internal sealed class RequestRecorder
    {
        private readonly object _gate = new object();
        private readonly List<RecordedRequest> _requests = new List<RecordedRequest>();
        private readonly List<(int Count, TaskCompletionSource<IReadOnlyList<RecordedRequest>> Waiter)> _waiters = new List<(int, TaskCompletionSource<IReadOnlyList<RecordedRequest>>)>();

        public void Add(RecordedRequest request)
        {
            lock (_gate)
            {
                _requests.Add(request);
                foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Waiter.TrySetResult(_requests.ToArray());
                }
            }
        }

        public IReadOnlyList<RecordedRequest> Snapshot()
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }

        public IReadOnlyList<RecordedRequest> To(string endpointName)
        {
            lock (_gate)
            {
                return _requests.Where(r => string.Equals(r.EndpointName, endpointName, StringComparison.Ordinal)).ToArray();
            }
        }

        public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, CancellationToken cancellationToken)
        {
            var waiter = new TaskCompletionSource<IReadOnlyList<RecordedRequest>>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_requests.Count >= count)
                {
                    return _requests.ToArray();
                }

                _waiters.Add((count, waiter));
            }

            using (cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.RemoveAll(w => w.Waiter == waiter);
                }

                waiter.TrySetCanceled(cancellationToken);
            }))
            {
                return await waiter.Task.ConfigureAwait(false);
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _requests.Clear();
            }
        }
    }
}
