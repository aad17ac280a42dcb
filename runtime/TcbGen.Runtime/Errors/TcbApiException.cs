using System;
using System.Text;

namespace TcbGen.Runtime
{
    /// <summary>
    /// WeChat answered with an <c>errcode</c> other than 0. Catch <see cref="TcbApiException{TCode}"/>
    /// to read the code as the endpoint's error enum.
    /// </summary>
    public class TcbApiException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="endpointName">The interface name, e.g. <c>setCloudAccessToken</c>.</param>
        /// <param name="errorCode">The raw errcode.</param>
        /// <param name="errorMessage">The errmsg WeChat returned, if any.</param>
        /// <param name="solution">The spec's solution text for this code, if it documents one.</param>
        public TcbApiException(string endpointName, int errorCode, string? errorMessage, string? solution)
            : this(endpointName, errorCode, errorMessage, solution, codeName: null)
        {
        }

        private protected TcbApiException(string endpointName, int errorCode, string? errorMessage, string? solution, string? codeName)
            : base(FormatMessage(endpointName, errorCode, codeName, TcbSecretRedactor.Redact(errorMessage), solution))
        {
            EndpointName = endpointName;
            ErrorCode = errorCode;
            ErrorMessage = TcbSecretRedactor.Redact(errorMessage);
            Solution = solution;
            RequestId = ParseRequestId(errorMessage);
        }

        /// <summary>The interface name, e.g. <c>setCloudAccessToken</c>.</summary>
        public string EndpointName { get; }

        /// <summary>The raw errcode.</summary>
        public int ErrorCode { get; }

        /// <summary>The errmsg WeChat returned, if any, with secrets (token-, ticket- and secret-named values) replaced by <c>***</c>.</summary>
        public string? ErrorMessage { get; }

        /// <summary>The <c>rid</c> WeChat appends to errmsg (quote it to WeChat support), if present.</summary>
        public string? RequestId { get; }

        /// <summary>The spec's solution text for this code, if it documents one.</summary>
        public string? Solution { get; }

        /// <summary>Reads the <c>rid</c> WeChat appends to an errmsg, as in <c>"invalid credential rid: 6543-21ab"</c>.</summary>
        /// <param name="errorMessage">The errmsg.</param>
        /// <returns>The request id, or <see langword="null"/> when there is none.</returns>
        public static string? ParseRequestId(string? errorMessage)
        {
            if (errorMessage is null)
            {
                return null;
            }

            const string marker = "rid:";
            int index = errorMessage.LastIndexOf(marker, StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            int start = index + marker.Length;
            while (start < errorMessage.Length && errorMessage[start] == ' ')
            {
                start++;
            }

            int end = start;
            while (end < errorMessage.Length && !char.IsWhiteSpace(errorMessage[end]) && errorMessage[end] != ',')
            {
                end++;
            }

            return end > start ? errorMessage.Substring(start, end - start) : null;
        }

        private static string FormatMessage(string endpointName, int errorCode, string? codeName, string? errorMessage, string? solution)
        {
            var text = new StringBuilder();
            text.Append(endpointName).Append(" failed with errcode ").Append(errorCode);
            if (codeName != null)
            {
                text.Append(" (").Append(codeName).Append(')');
            }

            if (!string.IsNullOrEmpty(errorMessage))
            {
                text.Append(": ").Append(errorMessage);
            }

            if (!string.IsNullOrEmpty(solution))
            {
                text.Append(". Solution: ").Append(solution);
            }

            return text.ToString();
        }
    }
}
