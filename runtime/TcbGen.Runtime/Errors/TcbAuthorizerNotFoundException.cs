using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// No <c>authorizer_refresh_token</c> is stored for an authorizer appid: the account never authorized this platform,
    /// or its authorization was lost. A web app maps it to a 4xx (404, or 403 asking for authorization), not a 500;
    /// nothing was sent to WeChat. Derives from <see cref="InvalidOperationException"/>, which it was before it had a type.
    /// </summary>
    public sealed class TcbAuthorizerNotFoundException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="authorizerAppId">The appid with no stored refresh token.</param>
        public TcbAuthorizerNotFoundException(string authorizerAppId)
            : base("No authorizer_refresh_token is stored for authorizer appid " + authorizerAppId
                + ": the account has not authorized this platform (or the authorization was lost). Store the refresh token api_query_auth returns in your IAuthorizerRefreshTokenStore.")
        {
            AuthorizerAppId = authorizerAppId;
        }

        /// <summary>The appid with no stored refresh token.</summary>
        public string AuthorizerAppId { get; }
    }
}
