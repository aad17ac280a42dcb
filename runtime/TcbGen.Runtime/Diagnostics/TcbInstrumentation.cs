using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>The runtime's ActivitySource and Meter with its instruments, and the span conventions they follow.</summary>
    internal static class TcbInstrumentation
    {
        /// <summary>The custom property of a call span that counts its HTTP attempts (see <see cref="CountHttpAttempt"/>).</summary>
        private const string HttpAttemptsProperty = "tcb.http_attempts";

        private static readonly string Version = typeof(TcbInstrumentation).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        public static readonly ActivitySource ActivitySource = new ActivitySource(TcbGenTelemetry.ActivitySourceName, Version);

        public static readonly Meter Meter = new Meter(TcbGenTelemetry.MeterName, Version);

        public static readonly Counter<long> Calls = Meter.CreateCounter<long>(TcbGenTelemetry.CallsInstrument, "{call}", "TcbGen client calls.");

        public static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
            TcbGenTelemetry.CallDurationInstrument,
            "s",
            "Duration of TcbGen client calls, retries included.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TcbGenTelemetry.CallDurationBucketBoundaries });

        public static readonly Counter<long> Retries = Meter.CreateCounter<long>(TcbGenTelemetry.RetriesInstrument, "{retry}", "Retries by the TcbGen runtime.");

        public static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>(TcbGenTelemetry.TokenRefreshesInstrument, "{refresh}", "Access token renewals by the third-party flow.");

        public static string OutcomeOf(Exception? failure) => failure switch
        {
            null => "success",
            TcbApiException => "api_error",
            TcbProtocolException => "protocol_error",
            TimeoutException => "timeout",
            OperationCanceledException => "cancelled",
            _ => "transport_error",
        };

        /// <summary>
        /// The <c>error.type</c> of a failure, low-cardinality as OpenTelemetry asks: the errcode for an API error
        /// (<c>"-1"</c>, <c>"45011"</c>), otherwise the exception's short type name (<c>TcbTimeoutException</c>,
        /// <c>HttpRequestException</c>), never a generic or assembly-qualified name.
        /// </summary>
        public static string ErrorTypeOf(Exception failure)
        {
            if (failure is TcbApiException api)
            {
                return api.ErrorCode.ToString(CultureInfo.InvariantCulture);
            }

            string name = failure.GetType().Name;
            int arity = name.IndexOf('`');
            return arity < 0 ? name : name.Substring(0, arity);
        }

        /// <summary>Starts the span of a logical call: INTERNAL, so the HTTP spans of its attempts are CLIENT children.</summary>
        public static Activity? StartCall(string activityName, string endpointName, TcbTokenKey token)
        {
            Activity? activity = ActivitySource.StartActivity(activityName, ActivityKind.Internal);
            if (activity is null)
            {
                return null;
            }

            activity.SetTag(TcbGenTelemetry.EndpointTag, endpointName);
            activity.SetTag(TcbGenTelemetry.TokenKindTag, token.Kind.Name);
            if (activity.IsAllDataRequested)
            {
                activity.SetCustomProperty(HttpAttemptsProperty, new HttpAttemptCount());
            }

            return activity;
        }

        /// <summary>Counts one HTTP attempt on the call span the current activity belongs to (whoever sends it: the runtime or a resilience handler).</summary>
        public static void CountHttpAttempt()
        {
            for (Activity? current = Activity.Current; current != null; current = current.Parent)
            {
                if (ReferenceEquals(current.Source, ActivitySource) && current.GetCustomProperty(HttpAttemptsProperty) is HttpAttemptCount count)
                {
                    Interlocked.Increment(ref count.Value);
                    return;
                }
            }
        }

        /// <summary>The HTTP attempts counted on a call span; 0 when no counting handler saw any.</summary>
        public static int HttpAttemptsOf(Activity activity)
            => activity.GetCustomProperty(HttpAttemptsProperty) is HttpAttemptCount count ? Volatile.Read(ref count.Value) : 0;

        /// <summary>Starts the span of a token renewal (a child of the call that needed the token, if any).</summary>
        public static Activity? StartTokenRefresh(TcbTokenKey key)
        {
            if (!ActivitySource.HasListeners())
            {
                return null;
            }

            Activity? activity = ActivitySource.StartActivity("tcb refresh " + key.Kind.Name, ActivityKind.Internal);
            activity?.SetTag(TcbGenTelemetry.TokenKindTag, key.Kind.Name);
            return activity;
        }

        /// <summary>Marks a span failed with <c>error.type</c> and the outcome as its status description.</summary>
        public static void RecordFailure(Activity? activity, Exception failure)
        {
            if (activity is null)
            {
                return;
            }

            activity.SetTag(TcbGenTelemetry.ErrorTypeTag, ErrorTypeOf(failure));
            activity.SetStatus(ActivityStatusCode.Error, OutcomeOf(failure));
        }

        private sealed class HttpAttemptCount
        {
            public int Value;
        }
    }
}
