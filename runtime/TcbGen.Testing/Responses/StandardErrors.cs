using System.Collections.Generic;

namespace TcbGen.Testing.Responses
{
    /// <summary>The errcodes the emulator answers on its own, with WeChat's usual errmsg for each.</summary>
    internal static class StandardErrors
    {
        public const int SystemError = -1;
        public const int InvalidAppId = 40013;
        public const int InvalidAccessToken = 40014;
        public const int InvalidArgs = 40097;
        public const int MissingParameter = 40101;
        public const int InvalidAppSecret = 40125;
        public const int AccessTokenMissing = 41001;
        public const int AccessTokenExpired = 42001;
        public const int RequireGet = 43001;
        public const int RequirePost = 43002;
        public const int EmptyPostData = 44002;
        public const int DataFormatError = 47001;

        /// <summary>A cloud call to an API the env's whitelist does not cover, or with cloud calls turned off (see the README).</summary>
        public const int ApiUnauthorized = 48001;
        public const int ComponentNotAuthorized = 61003;
        public const int InvalidVerifyTicket = 61006;
        public const int InvalidAuthorizationCode = 61009;
        public const int ExpiredAuthorizationCode = 61010;
        public const int InvalidRefreshToken = 61023;

        public static readonly IReadOnlyDictionary<int, string> Messages = new Dictionary<int, string>
        {
            [SystemError] = "system error",
            [InvalidAppId] = "invalid appid",
            [InvalidAccessToken] = "invalid access_token",
            [InvalidArgs] = "invalid args",
            [MissingParameter] = "missing parameter",
            [InvalidAppSecret] = "invalid appsecret",
            [AccessTokenMissing] = "access_token missing",
            [AccessTokenExpired] = "access_token expired",
            [RequireGet] = "require GET method",
            [RequirePost] = "require POST method",
            [EmptyPostData] = "empty post data",
            [DataFormatError] = "data format error",
            [ApiUnauthorized] = "api unauthorized",
            [ComponentNotAuthorized] = "component is not authorized by this account",
            [InvalidVerifyTicket] = "component ticket is invalid",
            [InvalidAuthorizationCode] = "code is invalid",
            [ExpiredAuthorizationCode] = "code is expired",
            [InvalidRefreshToken] = "refresh_token is invalid",
        };
    }
}
