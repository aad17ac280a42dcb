using System;

namespace TcbGen.Runtime
{
    /// <summary>Which time limit a call exceeded.</summary>
    public enum TcbTimeoutKind
    {
        /// <summary>One attempt (<see cref="TcbGenOptions.AttemptTimeout"/>) took too long and no retry was allowed or left.</summary>
        Attempt = 1,

        /// <summary>The whole call, retries and backoff included (<see cref="TcbGenOptions.TotalTimeout"/>), took too long.</summary>
        Total = 2,
    }

    /// <summary>
    /// A call exceeded a time limit. Distinct from <see cref="OperationCanceledException"/>, which is thrown
    /// only when the caller's cancellation token is cancelled.
    /// </summary>
    public sealed class TcbTimeoutException : TimeoutException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="endpointName">The interface name.</param>
        /// <param name="kind">Which limit was exceeded.</param>
        /// <param name="limit">The limit.</param>
        /// <param name="innerException">The cancellation the limit caused, if any.</param>
        public TcbTimeoutException(string endpointName, TcbTimeoutKind kind, TimeSpan limit, Exception? innerException = null)
            : base(endpointName + (kind == TcbTimeoutKind.Total ? " exceeded its total timeout of " : " attempt exceeded its timeout of ") + limit.TotalMilliseconds + " ms", innerException)
        {
            EndpointName = endpointName;
            Kind = kind;
            Limit = limit;
        }

        /// <summary>The interface name.</summary>
        public string EndpointName { get; }

        /// <summary>Which limit was exceeded.</summary>
        public TcbTimeoutKind Kind { get; }

        /// <summary>The limit.</summary>
        public TimeSpan Limit { get; }
    }
}
