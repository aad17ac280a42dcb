using System;

namespace TcbGen.Testing
{
    /// <summary>
    /// One push the emulator made to the platform's authorization-event URL, as WeChat makes them: what it was and how the
    /// platform answered. Holds no ticket, code or token.
    /// </summary>
    public sealed class ComponentPushResult
    {
        internal ComponentPushResult(string infoType, string? authorizerAppId, DateTimeOffset sentAt, int? statusCode, string? reply, string? error)
        {
            InfoType = infoType;
            AuthorizerAppId = authorizerAppId;
            SentAt = sentAt;
            StatusCode = statusCode;
            Reply = reply;
            Error = error;
        }

        /// <summary><c>component_verify_ticket</c>, <c>authorized</c>, <c>updateauthorized</c> or <c>unauthorized</c>.</summary>
        public string InfoType { get; }

        /// <summary>The merchant an authorization push is about; null for a ticket push.</summary>
        public string? AuthorizerAppId { get; }

        /// <summary>When the push was sent (the emulator's clock; also its <c>CreateTime</c> and <c>timestamp</c>).</summary>
        public DateTimeOffset SentAt { get; }

        /// <summary>The HTTP status the platform answered; null when no answer came (see <see cref="Error"/>).</summary>
        public int? StatusCode { get; }

        /// <summary>The platform's reply body (its first 200 characters); WeChat expects <c>success</c>.</summary>
        public string? Reply { get; }

        /// <summary>Why the push did not reach the platform (no URL configured, connection refused, timeout); null when it did.</summary>
        public string? Error { get; }

        /// <summary>Whether the platform answered HTTP 200 with <c>success</c>, as WeChat requires.</summary>
        public bool Succeeded => StatusCode == 200 && string.Equals(Reply?.Trim(), "success", StringComparison.Ordinal);

        /// <inheritdoc />
        public override string ToString()
            => InfoType + (AuthorizerAppId == null ? string.Empty : " for " + AuthorizerAppId) + ": "
                + (Error ?? "HTTP " + StatusCode + " '" + Reply + "'");
    }
}
