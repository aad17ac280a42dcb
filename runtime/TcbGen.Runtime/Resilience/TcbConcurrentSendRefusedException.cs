using System.Net.Http;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Thrown by <see cref="TcbHttpAttemptHandler"/> to refuse a send made while another send of the same request is still
    /// in flight (a hedging handler's hedged attempt) when a re-send must be refused. An
    /// <see cref="HttpRequestException"/> on purpose, unlike <see cref="TcbResendRefusedException"/>: a hedging handler
    /// treats it as a failed attempt and keeps waiting for the one in flight, whose answer then wins; were the refusal
    /// an outcome it does not handle, it would take it as final and abandon (cancel) the send in flight. If it surfaces,
    /// the transport replaces it with what the last send produced.
    /// </summary>
    internal sealed class TcbConcurrentSendRefusedException : HttpRequestException
    {
        public TcbConcurrentSendRefusedException(TcbHttpAttemptState state, string reason)
            : base(state.EndpointName + ": a handler tried to send the request again while it was in flight; refused because " + reason + ".")
        {
            State = state;
        }

        public TcbHttpAttemptState State { get; }
    }
}
