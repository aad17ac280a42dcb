namespace TcbGen.Runtime.Transfers
{
    /// <summary>Tencent Cloud's function API answered an <c>Error</c> (e.g. <c>AuthFailure.SignatureFailure</c>).</summary>
    public sealed class TcbFunctionApiException : TcbTransferException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="statusCode">The HTTP status code.</param>
        /// <param name="code">The answer's <c>Error.Code</c>.</param>
        /// <param name="message">The answer's <c>Error.Message</c>.</param>
        /// <param name="requestId">The answer's <c>RequestId</c>, if any.</param>
        public TcbFunctionApiException(int statusCode, string code, string message, string? requestId)
            : base("function code upload", statusCode, code, message + (requestId != null ? " (RequestId " + requestId + ")" : string.Empty))
        {
            Code = code;
            RequestId = requestId;
        }

        /// <summary>The answer's <c>Error.Code</c>.</summary>
        public string Code { get; }

        /// <summary>The answer's <c>RequestId</c>, to quote to Tencent Cloud's support.</summary>
        public string? RequestId { get; }
    }
}
