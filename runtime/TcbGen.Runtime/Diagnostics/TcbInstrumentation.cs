using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TcbGen.Runtime
{
    /// <summary>The runtime's ActivitySource and Meter with its instruments.</summary>
    internal static class TcbInstrumentation
    {
        private static readonly string Version = typeof(TcbInstrumentation).Assembly.GetName().Version?.ToString() ?? "0.0.0";

        public static readonly ActivitySource ActivitySource = new ActivitySource(TcbGenTelemetry.ActivitySourceName, Version);

        public static readonly Meter Meter = new Meter(TcbGenTelemetry.MeterName, Version);

        public static readonly Counter<long> Calls = Meter.CreateCounter<long>(TcbGenTelemetry.CallsInstrument, "{call}", "TcbGen client calls.");

        public static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(TcbGenTelemetry.CallDurationInstrument, "s", "Duration of TcbGen client calls, retries included.");

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
    }
}
