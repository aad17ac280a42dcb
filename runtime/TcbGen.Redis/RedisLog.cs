using System;
using Microsoft.Extensions.Logging;

namespace TcbGen.Redis
{
    /// <summary>Log messages. They name the operation and the failure type, never a connection string, password or token.</summary>
    internal static partial class RedisLog
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Redis unreachable during {Operation} ({Cause}); renewing and keeping tokens in this process only (LocalFallback)")]
        public static partial void FallingBackToLocal(ILogger logger, string operation, string cause);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Redis unreachable during {Operation} ({Cause}); serving the token cached in this process while it is valid")]
        public static partial void ServingCachedToken(ILogger logger, string operation, string cause);

        [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Could not release the renewal lease of {TokenKey} ({Cause}); it expires by itself")]
        public static partial void LeaseNotReleased(ILogger logger, string tokenKey, string cause);

        [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Could not subscribe to token events ({Cause}); will retry, and the first level's staleness bound applies meanwhile")]
        public static partial void NotSubscribed(ILogger logger, string cause);

        [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Took over the renewal lease of {TokenKey} after waiting {WaitedMs} ms")]
        public static partial void LeaseAcquiredAfterWait(ILogger logger, string tokenKey, double waitedMs);
    }

    /// <summary>Describes a Redis failure by its type, without its message (which may name endpoints or settings).</summary>
    internal static class RedisFailure
    {
        public static string Describe(Exception exception)
            => exception is StackExchange.Redis.RedisConnectionException connection
                ? "Redis connection failed: " + connection.FailureType
                : exception is StackExchange.Redis.RedisTimeoutException
                    ? "Redis timed out"
                    : "Redis failed: " + exception.GetType().Name;
    }
}
