using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace TcbGen.Runtime.Tests.Infrastructure
{
    /// <summary>Captures every log line (with its exception), at every level.</summary>
    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Trace));

        private sealed class Logger : ILogger
        {
            private readonly CapturingLoggerProvider _owner;
            private readonly string _category;

            public Logger(CapturingLoggerProvider owner, string category)
            {
                _owner = owner;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                _owner.Lines.Enqueue("scope " + _category + ": " + state);
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => p.Key + "=" + p.Value)) : string.Empty;
                _owner.Lines.Enqueue(logLevel + " " + _category + ": " + formatter(state, exception) + " | " + structured + " | " + exception);
            }
        }
    }

    /// <summary>Captures the tags of every activity stopped while it lives, from every source.</summary>
    public sealed class ActivityCapture : IDisposable
    {
        private readonly ActivityListener _listener;

        public ActivityCapture(Func<ActivitySource, bool>? sources = null)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = sources ?? (_ => true),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity => Stopped.Enqueue(activity),
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public ConcurrentQueue<Activity> Stopped { get; } = new();

        public IEnumerable<string> AllTagText()
            => Stopped.SelectMany(a => new[] { a.DisplayName, a.OperationName, a.StatusDescription ?? string.Empty }
                .Concat(a.TagObjects.Select(t => t.Key + "=" + t.Value))
                .Concat(a.Events.SelectMany(e => e.Tags.Select(t => t.Key + "=" + t.Value))));

        public void Dispose() => _listener.Dispose();
    }
}
