using TcbGen.Runtime.ComponentApi;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Creates the token flow's requests, whose types are generated from <c>specs/component</c>. The generator makes a
    /// required field a C# 11 <c>required</c> member where the target has the attributes for it (net8.0) and a
    /// constructor parameter where it does not (netstandard2.0); this is the one place that knows both shapes.
    /// </summary>
    internal static class ComponentApiRequests
    {
        public static ComponentTokenRequest ComponentToken(string componentAppId, string componentAppSecret, string verifyTicket)
#if NET8_0_OR_GREATER
            => new ComponentTokenRequest { ComponentAppId = componentAppId, ComponentAppsecret = componentAppSecret, ComponentVerifyTicket = verifyTicket };
#else
            => new ComponentTokenRequest(componentAppId, componentAppSecret, verifyTicket);
#endif

        public static AuthorizerTokenRequest AuthorizerToken(string componentAppId, string authorizerAppId, string refreshToken)
#if NET8_0_OR_GREATER
            => new AuthorizerTokenRequest { ComponentAppId = componentAppId, AuthorizerAppId = authorizerAppId, AuthorizerRefreshToken = refreshToken };
#else
            => new AuthorizerTokenRequest(componentAppId, authorizerAppId, refreshToken);
#endif

        public static QueryAuthRequest QueryAuth(string componentAppId, string authorizationCode)
#if NET8_0_OR_GREATER
            => new QueryAuthRequest { ComponentAppId = componentAppId, AuthorizationCode = authorizationCode };
#else
            => new QueryAuthRequest(componentAppId, authorizationCode);
#endif

        public static CreatePreAuthCodeRequest CreatePreAuthCode(string componentAppId)
#if NET8_0_OR_GREATER
            => new CreatePreAuthCodeRequest { ComponentAppId = componentAppId };
#else
            => new CreatePreAuthCodeRequest(componentAppId);
#endif
    }
}
