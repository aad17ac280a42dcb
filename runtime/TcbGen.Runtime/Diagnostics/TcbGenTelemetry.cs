using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Names under which the runtime reports telemetry, for OpenTelemetry's <c>AddSource</c>/<c>AddMeter</c>
    /// and for log filters. No telemetry carries a token, secret, ticket or refresh token.
    /// </summary>
    public static class TcbGenTelemetry
    {
        /// <summary>
        /// The <see cref="System.Diagnostics.ActivitySource"/> name: one INTERNAL span per logical call, <c>tcb {endpoint}</c>,
        /// with HttpClient's CLIENT spans of its attempts as children, and one INTERNAL span per token renewal,
        /// <c>tcb refresh {token kind}</c>.
        /// </summary>
        public const string ActivitySourceName = "TcbGen";

        /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
        public const string MeterName = "TcbGen";

        /// <summary>Counter of calls, tagged <c>tcb.endpoint</c>, <c>tcb.errcode</c> and <c>tcb.outcome</c>.</summary>
        public const string CallsInstrument = "tcbgen.client.calls";

        /// <summary>
        /// Histogram of call durations in seconds (retries included), tagged like <see cref="CallsInstrument"/>. It carries
        /// explicit bucket advice (5 ms to 60 s), which OpenTelemetry 1.10+ applies without a View.
        /// </summary>
        public const string CallDurationInstrument = "tcbgen.client.call.duration";

        /// <summary>
        /// The bucket boundaries (seconds) advised for <see cref="CallDurationInstrument"/>: OpenTelemetry's HTTP client
        /// buckets, then up to a minute, since a call includes its retries and waits. For an SDK that ignores advice
        /// (OpenTelemetry before 1.10), pass them to a View.
        /// </summary>
        public static IReadOnlyList<double> CallDurationBucketBoundaries { get; } = new ReadOnlyCollection<double>(new[] { 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60 });

        /// <summary>Counter of retries, tagged <c>tcb.endpoint</c>.</summary>
        public const string RetriesInstrument = "tcbgen.client.retries";

        /// <summary>Counter of token renewals by the third-party flow, tagged <c>tcb.token_kind</c> and <c>tcb.outcome</c>.</summary>
        public const string TokenRefreshesInstrument = "tcbgen.token.refreshes";

        /// <summary>Span/metric tag: the endpoint's interface name.</summary>
        public const string EndpointTag = "tcb.endpoint";

        /// <summary>Span/metric tag: the errcode (0 on success; absent when no body was read).</summary>
        public const string ErrorCodeTag = "tcb.errcode";

        /// <summary>Metric tag: success, api_error, protocol_error, timeout, transport_error or cancelled.</summary>
        public const string OutcomeTag = "tcb.outcome";

        /// <summary>Span/metric tag: the token kind, e.g. <c>authorizer_access_token</c>.</summary>
        public const string TokenKindTag = "tcb.token_kind";

        /// <summary>
        /// Span tag: the number of HTTP attempts made, including those of a resilience handler on the transport's
        /// HttpClient (counted by a handler <c>AddTcbGen</c> places innermost).
        /// </summary>
        public const string AttemptsTag = "tcb.attempts";

        /// <summary>Span/metric tag on failures, low-cardinality: the errcode of an API error, else the exception's short type name.</summary>
        public const string ErrorTypeTag = "error.type";
    }
}
