using StackExchange.Redis;

namespace TcbGen.Redis
{
    /// <summary>How UseRedis connects from a connection string: never blocked by a Redis that is down.</summary>
    internal static class RedisConnectionSettings
    {
        public static ConfigurationOptions FailFast(string connectionString)
        {
            ConfigurationOptions options = ConfigurationOptions.Parse(connectionString);

            // Start even when Redis is down, and fail commands at once while it is (instead of queueing them for the
            // command timeout), so that a caller gets a cached token or a TcbTokenUnavailableException quickly.
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;

            // Reconnect within about a second of Redis coming back, however long it was away (the default first waits half the
            // connect timeout, and then backs off further); a reconnection attempt a second costs nothing worth saving.
            options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 100, maxDeltaBackOffMilliseconds: 1000);
            return options;
        }
    }
}
