using System;
using Microsoft.Extensions.Logging;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Every log line the runtime writes. Arguments are endpoint names, redacted URLs, appids, codes and
    /// timings; never a token, secret, verify ticket or refresh token.
    /// </summary>
    internal static partial class TcbLog
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Endpoint} attempt {Attempt} to {Url}")]
        public static partial void Sending(ILogger logger, string endpoint, int attempt, string url);

        [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Endpoint} answered HTTP {StatusCode} with errcode {ErrorCode} after {ElapsedMs} ms")]
        public static partial void Received(ILogger logger, string endpoint, int statusCode, int? errorCode, double elapsedMs);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Endpoint} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, string endpoint, int attempt, string reason, double delayMs);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Endpoint} rejected the {TokenKind} of {AppId} with errcode {ErrorCode}; renewing it and sending once more")]
        public static partial void TokenRejected(ILogger logger, string endpoint, string tokenKind, string? appId, int errorCode);

        [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Endpoint} failed after {Attempts} attempt(s) to {Url}")]
        public static partial void CallFailed(ILogger logger, Exception exception, string endpoint, int attempts, string url);

        [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Endpoint}: a handler on the HttpClient tried to send the request again; refused because {Reason}")]
        public static partial void ResendRefused(ILogger logger, string endpoint, string reason);

        [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Renewed {TokenKind} for {AppId}; it expires in {ExpiresInSeconds} s")]
        public static partial void TokenRenewed(ILogger logger, string tokenKind, string? appId, int expiresInSeconds);

        [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Renewing {TokenKind} for {AppId} failed")]
        public static partial void TokenRenewalFailed(ILogger logger, Exception exception, string tokenKind, string? appId);

        [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Stored the rotated authorizer_refresh_token of {AppId}")]
        public static partial void RefreshTokenRotated(ILogger logger, string appId);

        [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Did not replace the stored authorizer_refresh_token of {AppId}: the store no longer holds the one this renewal used (another renewal rotated it first, or it was removed)")]
        public static partial void RefreshTokenChangedMeanwhile(ILogger logger, string appId);

        [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "api_authorizer_token rejected the refresh token of {AppId} (61023); another instance rotated it, renewing with the newer one")]
        public static partial void RetryingWithRotatedRefreshToken(ILogger logger, string appId);

        [LoggerMessage(EventId = 16, Level = LogLevel.Error, Message = "Could not save the rotated authorizer_refresh_token of {AppId}; WeChat no longer accepts the previous one. This process keeps it, renews with it and retries saving it, but if the process stops before the store takes it, this account must authorize again")]
        public static partial void RotatedRefreshTokenNotSaved(ILogger logger, Exception exception, string appId);

        [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Requesting {TokenKind} for {AppId} from {Url}")]
        public static partial void RequestingToken(ILogger logger, string tokenKind, string? appId, string url);

        [LoggerMessage(EventId = 17, Level = LogLevel.Information, Message = "{AppId} authorized the platform; its authorizer_refresh_token is stored")]
        public static partial void AuthorizerAuthorized(ILogger logger, string appId);

        [LoggerMessage(EventId = 18, Level = LogLevel.Information, Message = "{AppId} revoked the authorization; its tokens are dropped")]
        public static partial void AuthorizerDropped(ILogger logger, string appId);
    }
}
