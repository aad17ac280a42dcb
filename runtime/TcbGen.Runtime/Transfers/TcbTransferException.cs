using System;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// A follow-up request (an upload to object storage, a signed PUT, a download, a call to Tencent Cloud's API) failed,
    /// or the ticket for it lacked a field. Never carries the ticket's signature, token or signed URL query.
    /// </summary>
    public class TcbTransferException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="operation">What was being done, e.g. "upload to object storage".</param>
        /// <param name="statusCode">The HTTP status code, or 0 when no request was made.</param>
        /// <param name="errorCode">The storage's or API's own error code (COS's <c>Code</c>, e.g. <c>AccessDenied</c>), if any.</param>
        /// <param name="reason">What went wrong, for humans (no secrets).</param>
        /// <param name="innerException">The underlying failure, if any.</param>
        public TcbTransferException(string operation, int statusCode, string? errorCode, string reason, Exception? innerException = null)
            : base(operation + " failed" + (statusCode != 0 ? " (HTTP " + statusCode + (errorCode != null ? ", " + errorCode : string.Empty) + ")" : string.Empty) + ": " + reason, innerException)
        {
            Operation = operation;
            StatusCode = statusCode;
            ErrorCode = errorCode;
        }

        /// <summary>What was being done, e.g. "upload to object storage".</summary>
        public string Operation { get; }

        /// <summary>The HTTP status code, or 0 when no request was made.</summary>
        public int StatusCode { get; }

        /// <summary>The storage's or API's own error code (e.g. <c>AccessDenied</c>, <c>AuthFailure.SignatureFailure</c>), if any.</summary>
        public string? ErrorCode { get; }
    }
}
