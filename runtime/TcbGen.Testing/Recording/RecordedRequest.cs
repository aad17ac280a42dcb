using System;
using System.Globalization;

namespace TcbGen.Testing
{
    /// <summary>
    /// One request the emulator received and what it answered. Holds no credential: token values in the query string
    /// are replaced by <c>***</c>, and so are the secret, ticket and refresh token in token-endpoint bodies.
    /// </summary>
    public sealed class RecordedRequest
    {
        internal RecordedRequest(
            string? endpointName,
            string method,
            string path,
            string query,
            string? tokenKind,
            string? authorizerAppId,
            string body,
            int? errcode,
            int? statusCode,
            DateTimeOffset timestamp)
        {
            EndpointName = endpointName;
            Method = method;
            Path = path;
            Query = query;
            TokenKind = tokenKind;
            AuthorizerAppId = authorizerAppId;
            Body = body;
            Errcode = errcode;
            StatusCode = statusCode;
            Timestamp = timestamp;
        }

        /// <summary>The spec's <c>name</c> (e.g. <c>createCloudUser</c>), <c>api_component_token</c> or <c>api_authorizer_token</c>; null for an unknown path.</summary>
        public string? EndpointName { get; }

        /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
        public string Method { get; }

        /// <summary>The URL path, e.g. <c>/tcb/modifyenv</c>.</summary>
        public string Path { get; }

        /// <summary>The query string with its leading <c>?</c> (or empty), token values replaced by <c>***</c>: <c>?access_token=***</c>.</summary>
        public string Query { get; }

        /// <summary>The kind of the token presented (e.g. <c>authorizer_access_token</c>), when the emulator issued it, even if expired.</summary>
        public string? TokenKind { get; }

        /// <summary>The authorizer appid: the appid the presented token was issued for, or the <c>authorizer_appid</c> asked a token for.</summary>
        public string? AuthorizerAppId { get; }

        /// <summary>The request body as text (empty when there was none).</summary>
        public string Body { get; }

        /// <summary>The errcode answered; null when the answer carried none (dropped connection, scripted status, aborted call).</summary>
        public int? Errcode { get; }

        /// <summary>The HTTP status answered; null when nothing was answered (dropped connection, aborted call).</summary>
        public int? StatusCode { get; }

        /// <summary>When the request arrived, by the emulator's <see cref="WeChatEmulatorOptions.TimeProvider"/>.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>For example <c>POST /tcb/modifyenv?access_token=*** (changeTcbEnv) -> 200 errcode 0</c>.</summary>
        /// <returns>A one-line summary without the body.</returns>
        public override string ToString()
        {
            string status = StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no answer";
            string errcode = Errcode == null ? string.Empty : " errcode " + Errcode.Value.ToString(CultureInfo.InvariantCulture);
            return $"{Method} {Path}{Query} ({EndpointName ?? "unknown endpoint"}) -> {status}{errcode}";
        }
    }
}
