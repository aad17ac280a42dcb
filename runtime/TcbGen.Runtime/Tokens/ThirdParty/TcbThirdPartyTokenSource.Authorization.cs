using System;
using System.Threading;
using System.Linq;
using System.Threading.Tasks;
using TcbGen.Runtime.ComponentApi;

namespace TcbGen.Runtime
{
    /// <content>
    /// What authorization events change: a pushed verify ticket, a new authorization (an authorization code exchanged
    /// through <c>api_query_auth</c>) and a revoked one. The stores must also implement
    /// <see cref="IComponentVerifyTicketWriter"/> and <see cref="IAuthorizerRefreshTokenWriter"/>.
    /// </content>
    public sealed partial class TcbThirdPartyTokenSource
    {
        /// <summary>Stores a pushed <c>component_verify_ticket</c> for its 12-hour validity.</summary>
        /// <param name="ticket">The ticket.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>Whether it was new (a retried push returns <see langword="false"/>).</returns>
        /// <exception cref="InvalidOperationException">The ticket store is not an <see cref="IComponentVerifyTicketWriter"/>.</exception>
        public async ValueTask<bool> SaveVerifyTicketAsync(string ticket, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(ticket))
            {
                throw new ArgumentException("The ticket is empty.", nameof(ticket));
            }

            IComponentVerifyTicketWriter writer = _ticketStore as IComponentVerifyTicketWriter
                ?? throw new InvalidOperationException("The IComponentVerifyTicketStore (" + _ticketStore.GetType().Name + ") does not implement IComponentVerifyTicketWriter, so pushed tickets cannot be stored.");
            return await writer.SaveVerifyTicketAsync(_componentAppId, ticket, TcbComponentVerifyTicket.Validity, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Exchanges an authorization code (from the <c>authorized</c> / <c>updateauthorized</c> push or the authorization
        /// redirect's <c>auth_code</c>) through <c>api_query_auth</c>, stores the account's refresh token and caches its
        /// access token.
        /// </summary>
        /// <param name="authorizationCode">The code; valid once, for about an hour.</param>
        /// <param name="cancellationToken">Cancels the wait (the exchange itself is not cancelled once sent).</param>
        /// <returns>The account and the permission sets it granted.</returns>
        /// <exception cref="TcbApiException">WeChat refused the code (e.g. 61009 invalid, 61010 expired or used).</exception>
        /// <exception cref="InvalidOperationException">The refresh token store is not an <see cref="IAuthorizerRefreshTokenWriter"/>.</exception>
        public async Task<TcbAuthorizationInfo> ExchangeAuthorizationCodeAsync(string authorizationCode, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(authorizationCode))
            {
                throw new ArgumentException("The authorization code is empty.", nameof(authorizationCode));
            }

            IAuthorizerRefreshTokenWriter writer = RefreshTokenWriter();
            QueryAuthRequest request = ComponentApiRequests.QueryAuth(_componentAppId, authorizationCode);
            QueryAuthResponse response = await PostWithComponentTokenAsync(QueryAuthEndpoint.Descriptor, request, cancellationToken).ConfigureAwait(false);

            // The spec makes only the appid required (the tokens come with API permission); without a refresh token the
            // account could never be called, so the runtime insists on one.
            QueryAuthAuthorizationInfo? info = response.AuthorizationInfo;
            if (info is null || string.IsNullOrEmpty(info.AuthorizerAppId) || string.IsNullOrEmpty(info.AuthorizerRefreshToken))
            {
                throw new TcbProtocolException(QueryAuthEndpoint.Name, 200, 0, null, "the answer lacks authorization_info.authorizer_appid or authorizer_refresh_token");
            }

            string authorizerAppId = info.AuthorizerAppId!;
            await writer.SetRefreshTokenAsync(authorizerAppId, info.AuthorizerRefreshToken!, CancellationToken.None).ConfigureAwait(false);
            TcbTokenKey key = TcbTokenKey.ForAuthorizer(authorizerAppId);
            await DropCachedAsync(key).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(info.AuthorizerAccessToken) && info.ExpiresIn > 0)
            {
                await _cache.SetAsync(key, new TcbAccessToken(info.AuthorizerAccessToken!, _timeProvider.GetUtcNow().AddSeconds(info.ExpiresIn.GetValueOrDefault())), CancellationToken.None).ConfigureAwait(false);
            }

            TcbLog.AuthorizerAuthorized(_logger, authorizerAppId);
            return new TcbAuthorizationInfo(authorizerAppId, PermissionSetIds(info));
        }

        /// <summary>
        /// Sends a <c>/cgi-bin/component/</c> request with the component token; a rejected token (40001/40014/42001) is
        /// renewed and the request sent once more, since WeChat rejected it before looking at the request.
        /// </summary>
        private async Task<TResponse> PostWithComponentTokenAsync<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TRequest request, CancellationToken cancellationToken)
            where TResponse : TcbResponse
        {
            TcbAccessToken componentToken = await GetTokenAsync(TcbTokenKey.Component, cancellationToken).ConfigureAwait(false);
            try
            {
                return await PostAsync(endpoint, request, componentToken.Value).ConfigureAwait(false);
            }
            catch (TcbApiException rejected) when (TcbErrorCodes.IsTokenRejected(rejected.ErrorCode))
            {
                await InvalidateAsync(TcbTokenKey.Component, componentToken, CancellationToken.None).ConfigureAwait(false);
                componentToken = await GetTokenAsync(TcbTokenKey.Component, CancellationToken.None).ConfigureAwait(false);
                return await PostAsync(endpoint, request, componentToken.Value).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Forgets an account that revoked the authorization (the <c>unauthorized</c> push): removes its refresh token from
        /// the store and its access token from the cache (with a shared cache, for every instance).
        /// </summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="cancellationToken">Cancels the writes.</param>
        /// <returns>Whether a refresh token was stored.</returns>
        public async Task<bool> DropAuthorizerAsync(string authorizerAppId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(authorizerAppId))
            {
                throw new ArgumentException("The authorizer appid is empty.", nameof(authorizerAppId));
            }

            bool removed = await RefreshTokenWriter().RemoveRefreshTokenAsync(authorizerAppId, cancellationToken).ConfigureAwait(false);
            _unsavedRotations.TryRemove(authorizerAppId, out _);
            await DropCachedAsync(TcbTokenKey.ForAuthorizer(authorizerAppId)).ConfigureAwait(false);
            TcbLog.AuthorizerDropped(_logger, authorizerAppId);
            return removed;
        }

        private async Task DropCachedAsync(TcbTokenKey key)
        {
            TcbAccessToken? cached = await _cache.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
            if (cached != null)
            {
                await _cache.RemoveIfMatchesAsync(key, cached, CancellationToken.None).ConfigureAwait(false);
            }
        }

        /// <summary><c>func_info</c>'s <c>[{"funcscope_category":{"id":1}}, …]</c> → the ids.</summary>
        private static int[] PermissionSetIds(QueryAuthAuthorizationInfo info) => info.FuncInfo is null
            ? Array.Empty<int>()
            : info.FuncInfo.Select(f => f.FuncscopeCategory?.Id).Where(id => id.HasValue).Select(id => id.GetValueOrDefault()).ToArray();

        private IAuthorizerRefreshTokenWriter RefreshTokenWriter() => _refreshTokenStore as IAuthorizerRefreshTokenWriter
            ?? throw new InvalidOperationException("The IAuthorizerRefreshTokenStore (" + _refreshTokenStore.GetType().Name + ") does not implement IAuthorizerRefreshTokenWriter, so authorizations cannot be stored or dropped.");
    }
}
