using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace TcbGen.Runtime.Tests.Infrastructure
{
    /// <summary>Captures measurements of every instrument (or those of the chosen meters) while it lives.</summary>
    public sealed class MetricCapture : IDisposable
    {
        private readonly MeterListener _listener = new();

        public MetricCapture(Func<Meter, bool>? meters = null)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (meters?.Invoke(instrument.Meter) ?? true)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
            _listener.Start();
        }

        public ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

        public IEnumerable<string> AllTagText() => Measurements.SelectMany(m => m.Tags.Select(t => m.Instrument + " " + t.Key + "=" + t.Value));

        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            => Measurements.Enqueue((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
    }
}
