using System;
using System.Collections.Generic;

namespace TcbGen.Testing.Faults
{
    /// <summary>
    /// Scripted faults, a FIFO queue per endpoint name. Each call to an endpoint takes at most one fault from the front
    /// of its queue. Thread-safe.
    /// </summary>
    internal sealed class FaultScript
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, Queue<ScriptedFault>> _queues = new Dictionary<string, Queue<ScriptedFault>>(StringComparer.Ordinal);

        public void Enqueue(string endpointName, ScriptedFault fault, int times)
        {
            lock (_gate)
            {
                if (!_queues.TryGetValue(endpointName, out Queue<ScriptedFault>? queue))
                {
                    queue = new Queue<ScriptedFault>();
                    _queues.Add(endpointName, queue);
                }

                for (int i = 0; i < times; i++)
                {
                    queue.Enqueue(fault);
                }
            }
        }

        public ScriptedFault? TryDequeue(string endpointName)
        {
            lock (_gate)
            {
                return _queues.TryGetValue(endpointName, out Queue<ScriptedFault>? queue) && queue.Count > 0 ? queue.Dequeue() : null;
            }
        }

        public int Pending(string endpointName)
        {
            lock (_gate)
            {
                return _queues.TryGetValue(endpointName, out Queue<ScriptedFault>? queue) ? queue.Count : 0;
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _queues.Clear();
            }
        }
    }
}
