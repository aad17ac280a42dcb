using System;
using Microsoft.Extensions.Logging;
using TcbGen.Runtime;

namespace TcbGen.AspNetCore
{
    /// <summary>What the endpoint logs: the check that failed and the InfoType, never a body, ticket or code.</summary>
    internal static partial class ComponentEventLog
    {
        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Refused a push to the authorization-event URL: {Reason}")]
        public static partial void Refused(ILogger logger, TcbMessageRejection reason);

        [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Handled a {InfoType} push")]
        public static partial void Handled(ILogger logger, string infoType);

        [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Ignored a repeated {InfoType} push")]
        public static partial void Duplicate(ILogger logger, string infoType);

        [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Acknowledged a push with an InfoType TcbGen does not handle: {InfoType}")]
        public static partial void UnknownInfoType(ILogger logger, string infoType);

        [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "Handling a {InfoType} push failed; WeChat will push it again")]
        public static partial void HandlingFailed(ILogger logger, Exception exception, string infoType);

        [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "The authorization code of {AppId} was already exchanged elsewhere; its refresh token is stored")]
        public static partial void ExchangedElsewhere(ILogger logger, string appId);

        [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "The authorization redirect failed: {Reason}")]
        public static partial void RedirectFailed(ILogger logger, string reason);
    }
}
