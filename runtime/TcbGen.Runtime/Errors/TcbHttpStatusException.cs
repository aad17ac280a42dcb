using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The server answered with a non-2xx HTTP status and no JSON errcode in the body. A non-2xx response
    /// whose body is a JSON object with an errcode other than 0 throws <see cref="TcbApiException"/> instead.
    /// </summary>
    public sealed class TcbHttpStatusException : TcbProtocolException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="endpointName">The interface name.</param>
        /// <param name="statusCode">The HTTP status code.</param>
        /// <param name="bodyExcerpt">The start of the body (bounded, token-like fields redacted), if any.</param>
        public TcbHttpStatusException(string endpointName, int statusCode, string? bodyExcerpt)
            : base(endpointName, statusCode, bodyExcerpt, "HTTP status " + statusCode + " without a JSON errcode")
        {
        }
    }
}
