using System;

namespace TcbGen.Runtime
{
    /// <summary>WeChat answered with an <c>errcode</c> other than 0; <see cref="Code"/> is that code as the endpoint's error enum.</summary>
    /// <typeparam name="TCode">The endpoint's generated error enum.</typeparam>
    public sealed class TcbApiException<TCode> : TcbApiException
        where TCode : struct, Enum
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="endpointName">The interface name, e.g. <c>setCloudAccessToken</c>.</param>
        /// <param name="code">The errcode as the endpoint's enum (possibly a value the spec does not list).</param>
        /// <param name="errorCode">The raw errcode.</param>
        /// <param name="errorMessage">The errmsg WeChat returned, if any.</param>
        /// <param name="solution">The spec's solution text for this code, if it documents one.</param>
        /// <param name="isDocumented">Whether the endpoint's spec lists this code.</param>
        public TcbApiException(string endpointName, TCode code, int errorCode, string? errorMessage, string? solution, bool isDocumented)
            : base(endpointName, errorCode, errorMessage, solution, isDocumented ? code.ToString() : null)
        {
            Code = code;
            IsDocumented = isDocumented;
        }

        /// <summary>The errcode as the endpoint's error enum. Check <see cref="IsDocumented"/> before relying on its name.</summary>
        public TCode Code { get; }

        /// <summary>Whether the endpoint's spec lists this errcode.</summary>
        public bool IsDocumented { get; }
    }
}
