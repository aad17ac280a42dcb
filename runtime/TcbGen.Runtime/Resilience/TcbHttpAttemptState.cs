using System;
using System.Net.Http;

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

        public TcbHttpAttemptState(string endpointName, bool isRetrySafe)
        {
            EndpointName = endpointName;
            IsRetrySafe = isRetrySafe;
        }

        public string EndpointName { get; }

        /// <summary>Whether the endpoint may be sent again after it may have reached the server.</summary>
        public bool IsRetrySafe { get; }

        /// <summary>How many times the innermost handler sent the request.</summary>
        public int Sends { get; set; }

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
