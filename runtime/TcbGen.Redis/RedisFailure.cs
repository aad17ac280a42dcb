using System;
using StackExchange.Redis;

namespace TcbGen.Redis
{
    /// <summary>
    /// What a Redis command really throws, and how it is described. StackExchange.Redis throws <see cref="RedisException"/>
    /// (and its subtypes) for failures it sees, but its timeout, <see cref="RedisTimeoutException"/>, is a
    /// <see cref="TimeoutException"/>, as is the one thrown when a command outlives <see cref="TcbRedisOptions.CommandTimeout"/>.
    /// </summary>
    internal static class RedisFailure
    {
        /// <summary>Whether a command failed because of Redis (unreachable, hung, refusing), not because of a bug.</summary>
        public static bool IsRedisFailure(Exception exception) => exception is RedisException || exception is TimeoutException;

        /// <summary>Describes a failure by its kind, without its message (which may name endpoints or settings).</summary>
        public static string Describe(Exception exception)
        {
            if (IsAuthenticationFailure(exception))
            {
                return "Redis refused the credentials (NOAUTH/WRONGPASS): check the password or user in the connection string";
            }

            return exception switch
            {
                RedisConnectionException connection => "Redis connection failed: " + connection.FailureType,
                RedisTimeoutException => "Redis timed out (a hung or overloaded server, a long fork, a network partition)",
                CommandTimeoutException timeout => "Redis did not answer within " + timeout.Limit.TotalMilliseconds + " ms (TcbRedisOptions.CommandTimeout)",
                TimeoutException => "Redis timed out",
                _ => "Redis failed: " + exception.GetType().Name,
            };
        }

        /// <summary>
        /// Whether Redis refused the password or user. The server's reply names it (<c>NOAUTH</c>, <c>WRONGPASS</c>) and
        /// never repeats the password, but StackExchange.Redis often wraps it in a generic "no connection" failure.
        /// </summary>
        private static bool IsAuthenticationFailure(Exception? exception)
        {
            for (; exception != null; exception = exception.InnerException)
            {
                if (exception is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure }
                    || exception.Message.IndexOf("NOAUTH", StringComparison.Ordinal) >= 0
                    || exception.Message.IndexOf("WRONGPASS", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A command that got no answer within <see cref="TcbRedisOptions.CommandTimeout"/>.</summary>
    internal sealed class CommandTimeoutException : TimeoutException
    {
        public CommandTimeoutException(TimeSpan limit)
            : base("Redis did not answer within " + limit.TotalMilliseconds + " ms.")
        {
            Limit = limit;
        }

        public TimeSpan Limit { get; }
    }
}
