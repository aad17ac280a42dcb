using System;

namespace TcbGen.Runtime
{
    /// <summary>What a call did, as <see cref="TcbTelemetryPolicy.CallEnded"/> reports it: kept up to date by the transport as the call goes.</summary>
    internal struct TcbCallRecord
    {
        /// <summary>The sends that went out on the wire (a resilience handler's retries included, refused re-sends not).</summary>
        public int Attempts;

        /// <summary>The call's errcode: 0 on success, the API error's on one, else none.</summary>
        public int? ErrorCode;

        /// <summary>The HTTP status of the last answer, if any.</summary>
        public int? StatusCode;

        /// <summary>What the call failed with, if it did.</summary>
        public Exception? Failure;
    }
}
