using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace TcbGen.Redis.Tests.Infrastructure
{
    /// <summary>Keeps every log entry (event id and formatted message) for a test to look at.</summary>
    public sealed class RecordingLogger : ILogger
    {
        public ConcurrentQueue<(int EventId, LogLevel Level, string Message)> Entries { get; } = new();

        public int Count(int eventId) => Entries.Count(e => e.EventId == eventId);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
    }
}
