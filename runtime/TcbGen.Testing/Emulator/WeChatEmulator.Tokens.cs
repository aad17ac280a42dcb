using System;

namespace TcbGen.Testing
{
    /// <content>Authorizers and tokens.</content>
    public sealed partial class WeChatEmulator
    {
        /// <summary>
        /// Makes <paramref name="authorizerAppId"/> an authorized account whose current refresh token is
        /// <paramref name="refreshToken"/>, so that <see cref="AuthorizerTokenPath"/> issues tokens for it.
        /// </summary>
        /// <remarks>
        /// <see cref="AuthorizerTokenPath"/> answers 40013 (invalid appid) when <c>component_appid</c> is not
        /// <see cref="ComponentAppId"/>, 61003 (component is not authorized by this account) for an appid never
        /// registered, and 61023 (refresh_token is invalid) for any refresh token but the current one. Each success rotates
        /// the refresh token: the answer's <c>authorizer_refresh_token</c> is the only one accepted next.
        /// </remarks>
        /// <param name="authorizerAppId">The authorized mini program's appid.</param>
        /// <param name="refreshToken">Its <c>authorizer_refresh_token</c>; registering again replaces it, which resets an
        /// authorizer whose rotated token a program lost (over HTTP: <c>POST /__admin/authorizers</c>).</param>
        public void RegisterAuthorizer(string authorizerAppId, string refreshToken)
        {
            ArgumentException.ThrowIfNullOrEmpty(authorizerAppId);
            ArgumentException.ThrowIfNullOrEmpty(refreshToken);
            _state.Authorizers.Register(authorizerAppId, refreshToken);
        }

        /// <summary>
        /// Issues an authorization code as WeChat does when an account authorizes the platform: <see cref="QueryAuthPath"/>
        /// redeems it once within an hour (61009 when unknown or used, 61010 when expired) for a fresh refresh token and
        /// access token, and the account is then registered as by <see cref="RegisterAuthorizer"/>.
        /// </summary>
        /// <param name="authorizerAppId">The authorizing account's appid.</param>
        /// <param name="permissionSetIds">The permission sets it grants (<c>func_info</c>).</param>
        /// <returns>The code (<c>auth_code</c> / <c>AuthorizationCode</c>).</returns>
        public string IssueAuthorizationCode(string authorizerAppId, params int[] permissionSetIds)
        {
            ArgumentException.ThrowIfNullOrEmpty(authorizerAppId);
            return _state.AuthorizationCodes.Issue(authorizerAppId, permissionSetIds ?? Array.Empty<int>(), _state.Options.TimeProvider.GetUtcNow());
        }

        /// <summary>Forgets an authorizer as a revoked authorization does: its refresh token is no longer accepted (61003).</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <returns>Whether it was registered.</returns>
        public bool RemoveAuthorizer(string authorizerAppId) => _state.Authorizers.Remove(authorizerAppId);

        /// <summary>The refresh token <see cref="AuthorizerTokenPath"/> accepts next for this authorizer (after any rotation).</summary>
        /// <param name="authorizerAppId">A registered authorizer appid.</param>
        /// <returns>The current refresh token, or null when the appid was never registered.</returns>
        public string? CurrentRefreshToken(string authorizerAppId) => _state.Authorizers.CurrentRefreshToken(authorizerAppId);

        /// <summary>
        /// Issues a token directly, without a token endpoint (so <see cref="TokenFetchCount"/> does not count it).
        /// </summary>
        /// <param name="tokenKind">Any kind, e.g. <c>authorizer_access_token</c>, <c>component_access_token</c> or <c>cloudbase_access_token</c>.</param>
        /// <param name="appId">The appid the token is for; recorded as <see cref="RecordedRequest.AuthorizerAppId"/> (except for component tokens).</param>
        /// <param name="lifetime">How long it is valid; default <see cref="WeChatEmulatorOptions.TokenLifetime"/>.</param>
        /// <returns>The token value, to send as <c>access_token</c>.</returns>
        public string IssueToken(string tokenKind, string? appId = null, TimeSpan? lifetime = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(tokenKind);
            return _state.Tokens.Issue(tokenKind, appId, lifetime ?? _state.TokenLifetime).Value;
        }

        /// <summary>
        /// Issues a cloud-call token (<c>cloudbase_access_token</c>) of one cloud environment, as WeChat pushes into a container.
        /// Any spec'd endpoint takes it as <c>cloudbase_access_token=</c> while the env's setCloudAccessToken setting is on and its
        /// <c>api_whitelist</c> covers the endpoint's path (before any <c>set</c>: on, <c>/*</c>); otherwise the call answers 48001.
        /// </summary>
        /// <param name="env">The cloud environment id whose whitelist governs the token.</param>
        /// <param name="appId">The account the token is for; recorded as <see cref="RecordedRequest.AuthorizerAppId"/>.</param>
        /// <param name="lifetime">How long it is valid; default <see cref="WeChatEmulatorOptions.TokenLifetime"/>.</param>
        /// <returns>The token value, to send as <c>cloudbase_access_token</c>.</returns>
        public string IssueCloudCallToken(string env, string? appId = null, TimeSpan? lifetime = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(env);
            return _state.Tokens.Issue(TcbGen.Specs.TokenKinds.Cloudbase, appId, lifetime ?? _state.TokenLifetime, env).Value;
        }

        /// <summary>Expires one token now: calls with it answer 42001 from then on.</summary>
        /// <param name="token">A token value the emulator issued.</param>
        /// <exception cref="ArgumentException">The emulator never issued this token.</exception>
        public void ExpireToken(string token)
        {
            if (!_state.Tokens.Expire(token))
            {
                throw new ArgumentException("The emulator never issued this token.", nameof(token));
            }
        }

        /// <summary>Expires every token issued so far (tokens issued later are valid).</summary>
        public void ExpireAllTokens() => _state.Tokens.ExpireAll();

        /// <summary>
        /// How many tokens of this kind the token endpoints issued: <c>component_access_token</c> from
        /// <see cref="ComponentTokenPath"/>, <c>authorizer_access_token</c> from <see cref="AuthorizerTokenPath"/>.
        /// Only successful issues count, not rejected calls nor <see cref="IssueToken"/>; see <see cref="RequestsTo"/> for every call.
        /// </summary>
        /// <param name="tokenKind">The token kind.</param>
        /// <returns>The count so far.</returns>
        public int TokenFetchCount(string tokenKind) => _state.Tokens.FetchCount(tokenKind);
    }
}
