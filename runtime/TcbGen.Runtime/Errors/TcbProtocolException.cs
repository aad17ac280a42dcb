using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The server answered with something that is not the JSON the endpoint expects (not JSON, not an object,
    /// missing fields, too large). Never thrown for an errcode other than 0; see <see cref="TcbApiException"/>.
    /// </summary>
    public class TcbProtocolException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="endpointName">The interface name.</param>
        /// <param name="statusCode">The HTTP status code of the response.</param>
        /// <param name="bodyExcerpt">The start of the body (bounded, with token-like fields redacted), if any.</param>
        /// <param name="reason">What was wrong, for humans.</param>
        /// <param name="innerException">The parse failure, if any.</param>
        public TcbProtocolException(string endpointName, int statusCode, string? bodyExcerpt, string reason, Exception? innerException = null)
            : this(endpointName, statusCode, null, bodyExcerpt, reason, innerException)
        {
        }

        /// <summary>Creates the exception for a body whose errcode could be read.</summary>
        /// <param name="endpointName">The interface name.</param>
        /// <param name="statusCode">The HTTP status code of the response.</param>
        /// <param name="errorCode">The body's errcode (0 when the call itself succeeded), or <see langword="null"/> when unreadable.</param>
        /// <param name="bodyExcerpt">The start of the body (bounded, with token-like fields redacted), if any.</param>
        /// <param name="reason">What was wrong, for humans.</param>
        /// <param name="innerException">The parse failure, if any.</param>
        public TcbProtocolException(string endpointName, int statusCode, int? errorCode, string? bodyExcerpt, string reason, Exception? innerException = null)
            : base(FormatMessage(endpointName, statusCode, errorCode, TcbSecretRedactor.Redact(bodyExcerpt), reason), innerException)
        {
            EndpointName = endpointName;
            StatusCode = statusCode;
            ErrorCode = errorCode;
            BodyExcerpt = TcbSecretRedactor.Redact(bodyExcerpt);
        }

        /// <summary>The interface name.</summary>
        public string EndpointName { get; }

        /// <summary>The HTTP status code of the response.</summary>
        public int StatusCode { get; }

        /// <summary>
        /// The errcode the body carried, when it could be read: <c>0</c> means WeChat reports the call itself succeeded and
        /// only the rest of the response could not be read; <see langword="null"/> when the body has no readable errcode.
        /// </summary>
        public int? ErrorCode { get; }

        /// <summary>The start of the body (at most 512 characters, token-, ticket- and secret-named values redacted in every text form), if any.</summary>
        public string? BodyExcerpt { get; }

        private static string FormatMessage(string endpointName, int statusCode, int? errorCode, string? bodyExcerpt, string reason)
        {
            string message = endpointName + " returned an unexpected response (HTTP " + statusCode
                + (errorCode is int code ? ", errcode " + code + (code == 0 ? ": the call itself succeeded" : string.Empty) : string.Empty) + "): " + reason;
            return string.IsNullOrEmpty(bodyExcerpt) ? message : message + ". Body starts with: " + bodyExcerpt;
        }
    }
}
