using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Thrown by <see cref="TcbHttpAttemptHandler"/> to stop a handler further out from sending an attempt again (the
    /// endpoint is not retry-safe, or the runtime retries itself). Not an <see cref="System.Net.Http.HttpRequestException"/>,
    /// so a resilience pipeline does not retry it; the transport replaces it with the failure that was being retried.
    /// </summary>
    internal sealed class TcbResendRefusedException : Exception
    {
        public TcbResendRefusedException(TcbHttpAttemptState state, string reason)
            : base(state.EndpointName + ": a handler tried to send the request again; refused because " + reason + ".", state.LastFailure)
        {
            State = state;
        }

        public TcbHttpAttemptState State { get; }
    }
}
