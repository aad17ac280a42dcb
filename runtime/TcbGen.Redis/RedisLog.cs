using Microsoft.Extensions.Logging;

namespace TcbGen.Redis
{
    /// <summary>
    /// Log messages. They name the operation and the failure type, never a connection string, password or token. The
    /// warnings an outage repeats for every caller (101, 102) pass through a <see cref="WarningThrottle"/> in
    /// <see cref="TcbRedisContext"/>, and say how many they stand for.
    /// </summary>
    internal static partial class RedisLog
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Redis unreachable during {Operation} ({Cause}); renewing and keeping tokens in this process only (LocalFallback); {Suppressed} more such warnings since the last one")]
        public static partial void FallingBackToLocal(ILogger logger, string operation, string cause, int suppressed);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Redis unreachable during {Operation} ({Cause}); serving the token cached in this process while it is valid; {Suppressed} more such warnings since the last one")]
        public static partial void ServingCachedToken(ILogger logger, string operation, string cause, int suppressed);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Could not release the renewal lease of {TokenKey} ({Cause}); retrying in the background until Redis answers or the lease expires")]
        public static partial void LeaseNotReleased(ILogger logger, string tokenKey, string cause);

        [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Could not subscribe to token events ({Cause}); will retry, and the first level's staleness bound applies meanwhile")]
        public static partial void NotSubscribed(ILogger logger, string cause);

        [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Took over the renewal lease of {TokenKey} after waiting {WaitedMs} ms")]
        public static partial void LeaseAcquiredAfterWait(ILogger logger, string tokenKey, double waitedMs);

        [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Could not store the renewed {TokenKey} in Redis ({Cause}); using it in this process and storing it in the background")]
        public static partial void TokenNotStored(ILogger logger, string tokenKey, string cause);

        [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "The renewal lease of {TokenKey} was lost while renewing ({Cause}); another instance may renew it too")]
        public static partial void LeaseLost(ILogger logger, string tokenKey, string cause);

        [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "Refresh-token compare-and-set for {AuthorizerAppId}: nothing is stored under its key, so the rotated refresh token was not saved (store a new authorization's refresh token with TcbRedisRefreshTokenStore.SetRefreshTokenAsync)")]
        public static partial void NoRefreshTokenStored(ILogger logger, string authorizerAppId);

        [LoggerMessage(EventId = 109, Level = LogLevel.Error, Message = "Instances sharing this Redis keep refresh tokens in {Others}, this one in {This}: renewals will fail with 61023 or TcbAuthorizerNotFoundException. Configure every instance the same (TcbRedisOptions.StoreRefreshTokens)")]
        public static partial void RefreshTokenStoreMismatch(ILogger logger, string others, string @this);
    }
}
