using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>Runs at most one operation per key at a time; callers arriving meanwhile share its task.</summary>
    internal sealed class SingleFlight<TKey, TValue>
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue>>> _inFlight = new ConcurrentDictionary<TKey, Lazy<Task<TValue>>>();

        public Task<TValue> RunAsync(TKey key, Func<TKey, Task<TValue>> operation)
        {
            while (true)
            {
                if (_inFlight.TryGetValue(key, out Lazy<Task<TValue>>? running))
                {
                    return running.Value;
                }

                Lazy<Task<TValue>>? created = null;
                created = new Lazy<Task<TValue>>(() => RunAndForgetAsync(key, operation, created!), LazyThreadSafetyMode.ExecutionAndPublication);
                if (_inFlight.TryAdd(key, created))
                {
                    return created.Value;
                }
            }
        }

        private async Task<TValue> RunAndForgetAsync(TKey key, Func<TKey, Task<TValue>> operation, Lazy<Task<TValue>> self)
        {
            try
            {
                // Yield so the operation never runs on (and never captures the locks of) the caller that started it.
                await Task.Yield();
                return await operation(key).ConfigureAwait(false);
            }
            finally
            {
                ((ICollection<KeyValuePair<TKey, Lazy<Task<TValue>>>>)_inFlight).Remove(new KeyValuePair<TKey, Lazy<Task<TValue>>>(key, self));
            }
        }
    }
}
