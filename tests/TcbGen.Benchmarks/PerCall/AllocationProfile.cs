using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace TcbGen.Benchmarks.PerCall
{
    /// <summary>
    /// <c>--profile-allocations</c>: where each per-call client's bytes go, by type. Runs many calls of each client with
    /// the runtime's GC AllocationTick events on (one event per ~100 KB allocated, naming the type that crossed the
    /// threshold), so samples × 100 KB / calls estimates each type's bytes per call. Complements the exact
    /// Allocated column of the benchmarks, which says how much but not what.
    /// </summary>
    internal static class AllocationProfile
    {
        private const int Calls = 200_000;

        public static int Run(TextWriter output)
        {
            using var clients = new PerCallClients();
            Profile(output, "(a) TcbGen generated client", () => clients.Tcb.SetCallBackConfigAsync(clients.TcbRequest));
            Profile(output, "(b) Refit + System.Text.Json", () => clients.Refit.SetCallBackConfigAsync(clients.DtoRequest));
            Profile(output, "(c) HttpClient + STJ source gen", () => clients.HandWritten.SetCallBackConfigAsync(clients.DtoRequest));
            return 0;
        }

        /// <summary>
        /// Runs <paramref name="operation"/> (each <paramref name="callsPerOperation"/> calls) until about <paramref name="calls"/> calls
        /// are sampled and prints bytes per call: exactly (all threads, since calls over a socket finish on pool threads), then by type.
        /// </summary>
        internal static void Profile(TextWriter output, string name, Func<Task> operation, int callsPerOperation = 1, int calls = Calls)
        {
            for (int i = 0; i < Math.Max(2_000 / callsPerOperation, 2); i++)
            {
                operation().GetAwaiter().GetResult();
            }

            int exactOperations = Math.Max(10_000 / callsPerOperation, 10);
            long exactBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (int i = 0; i < exactOperations; i++)
            {
                operation().GetAwaiter().GetResult();
            }

            double exact = (GC.GetTotalAllocatedBytes(precise: true) - exactBefore) / (double)(exactOperations * callsPerOperation);

            int operations = Math.Max(calls / callsPerOperation, 1);
            calls = operations * callsPerOperation;
            using var listener = new AllocationTickListener();
            for (int i = 0; i < operations; i++)
            {
                operation().GetAwaiter().GetResult();
            }

            listener.Stop();
            double sampled = listener.Bytes.Values.Sum() / (double)calls;
            output.WriteLine($"{name}: {exact:F0} B/call exactly (all threads); by type, sampled ({listener.Bytes.Values.Sum() / 1024 / 1024} MB over {calls:N0} calls, ~{sampled:F0} B/call):");
            foreach (KeyValuePair<string, long> entry in listener.Bytes.OrderByDescending(e => e.Value).Where(e => e.Value / (double)calls >= 4))
            {
                output.WriteLine($"  {entry.Value / (double)calls,7:F0} B  {entry.Key}");
            }
        }

        private sealed class AllocationTickListener : EventListener
        {
            private const EventKeywords GcKeyword = (EventKeywords)0x1;
            private volatile bool _stopped;

            public ConcurrentDictionary<string, long> Bytes { get; } = new ConcurrentDictionary<string, long>();

            public void Stop() => _stopped = true;

            protected override void OnEventSourceCreated(EventSource eventSource)
            {
                if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
                {
                    EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
                }
            }

            protected override void OnEventWritten(EventWrittenEventArgs eventData)
            {
                if (_stopped || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
                {
                    return;
                }

                int typeIndex = eventData.PayloadNames!.IndexOf("TypeName");
                int amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
                if (amountIndex < 0)
                {
                    amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount");
                }

                string type = typeIndex >= 0 ? eventData.Payload[typeIndex]?.ToString() ?? "?" : "?";
                long amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 0;
                Bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
            }
        }
    }
}
