using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>
    /// What the transport tells the handlers of its HttpClient about one attempt, and what
    /// <see cref="TcbHttpAttemptHandler"/> learns from sending it. Attached to the request before the first send, so
    /// clones a resilience handler makes of the request carry the same object.
    /// </summary>
    internal sealed class TcbHttpAttemptState
    {
#if NET5_0_OR_GREATER
        private static readonly HttpRequestOptionsKey<TcbHttpAttemptState> Key = new HttpRequestOptionsKey<TcbHttpAttemptState>(PropertyName);
#endif
        private const string PropertyName = "TcbGen.Attempt";

        private int _inFlight;

        public TcbHttpAttemptState(string endpointName, bool isRetrySafe)
        {
            EndpointName = endpointName;
            IsRetrySafe = isRetrySafe;
        }

        public string EndpointName { get; }

        /// <summary>Whether the endpoint may be sent again after it may have reached the server.</summary>
        public bool IsRetrySafe { get; }

        /// <summary>How many times the innermost handler sent the request.</summary>
        public int Sends { get; private set; }

        /// <summary>Whether a send may have reached the server (anything but a refused connection).</summary>
        public bool MayHaveReachedServer { get; set; }

        /// <summary>The HTTP status of the last answer (as the server sent it), if any.</summary>
        public int? LastStatus { get; set; }

        /// <summary>The errcode -1 or 45011 the last 2xx answer held (surfaced to outer handlers as 503/429), if any.</summary>
        public int? LastErrorCode { get; set; }

        /// <summary>The errmsg that came with <see cref="LastErrorCode"/>.</summary>
        public string? LastErrorMessage { get; set; }

        /// <summary>The exception the last send failed with, if it failed without an answer.</summary>
        public Exception? LastFailure { get; set; }

        /// <summary>When (<see cref="Stopwatch.GetTimestamp"/>) the first send started; 0 before it.</summary>
        public long FirstSendStarted { get; private set; }

        /// <summary>When the last send ended (answered or failed).</summary>
        public long LastSendEnded { get; private set; }

        /// <summary>From the start of the first send to the end of the last.</summary>
        public TimeSpan SendsSpan => FirstSendStarted == 0 || LastSendEnded < FirstSendStarted
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds((LastSendEnded - FirstSendStarted) / (double)Stopwatch.Frequency);

        /// <summary>Whether a send of this request is in flight now (a hedged send is made beside it).</summary>
        public bool HasSendInFlight => Volatile.Read(ref _inFlight) > 0;

        /// <summary>Records that a send goes out now.</summary>
        public void SendStarting()
        {
            Interlocked.Increment(ref _inFlight);
            Sends++;
            if (FirstSendStarted == 0)
            {
                FirstSendStarted = Stopwatch.GetTimestamp();
            }
        }

        /// <summary>Records that a send ended now.</summary>
        public void SendEnded()
        {
            LastSendEnded = Stopwatch.GetTimestamp();
            Interlocked.Decrement(ref _inFlight);
        }

        public void AttachTo(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(Key, this);
#else
            request.Properties[PropertyName] = this;
#endif
        }

        public static TcbHttpAttemptState? Of(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            return request.Options.TryGetValue(Key, out TcbHttpAttemptState? state) ? state : null;
#else
            return request.Properties.TryGetValue(PropertyName, out object? state) ? state as TcbHttpAttemptState : null;
#endif
        }
    }
}
