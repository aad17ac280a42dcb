using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <content>
    /// <c>authorizer_access_token</c> renewal and refresh-token rotation: the rotated refresh token replaces only the one
    /// used (compare-and-set), and a 61023 caused by another instance's rotation is recovered from the store.
    /// </content>
    public sealed partial class TcbThirdPartyTokenSource
    {
        private async Task<TcbAccessToken> RenewAuthorizerTokenAsync(TcbTokenKey key, string authorizerAppId)
        {
            string refreshToken = await _refreshTokenStore.GetRefreshTokenAsync(authorizerAppId, CancellationToken.None).ConfigureAwait(false)
                ?? throw new InvalidOperationException("No authorizer_refresh_token is stored for authorizer appid " + authorizerAppId + ".");

            TokenResponse response;
            try
            {
                response = await PostAuthorizerTokenAsync(authorizerAppId, refreshToken).ConfigureAwait(false);
            }
            catch (TcbApiException rejected) when (rejected.ErrorCode == TcbErrorCodes.InvalidRefreshToken)
            {
                // Another instance may have used this refresh token first and rotated it: take what it stores, once.
                RotationSeen seen = await AwaitRotationAsync(key, authorizerAppId, refreshToken).ConfigureAwait(false);
                if (seen.Token != null)
                {
                    return seen.Token;
                }

                if (seen.RefreshToken is null)
                {
                    throw;
                }

                TcbLog.RetryingWithRotatedRefreshToken(_logger, authorizerAppId);
                refreshToken = seen.RefreshToken;
                response = await PostAuthorizerTokenAsync(authorizerAppId, refreshToken).ConfigureAwait(false);
            }

            if (!string.IsNullOrEmpty(response.RefreshToken) && !string.Equals(response.RefreshToken, refreshToken, StringComparison.Ordinal))
            {
                await SaveRotatedRefreshTokenAsync(authorizerAppId, refreshToken, response.RefreshToken!).ConfigureAwait(false);
            }

            TcbLog.TokenRenewed(_logger, TcbTokenKind.AuthorizerAccessToken.Name, authorizerAppId, response.ExpiresIn);
            return ToToken(response);
        }

        /// <summary>
        /// Saves the rotated refresh token with compare-and-set. WeChat has retired the used one, so the new one is the only
        /// way back to this account: a store that fails (e.g. Redis restarting) is retried for up to
        /// <see cref="TcbTokenOptions.RotationWait"/> before the failure surfaces, logged as an error.
        /// </summary>
        private async Task SaveRotatedRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string rotatedRefreshToken)
        {
            long started = Stopwatch.GetTimestamp();
            TimeSpan backoff = TimeSpan.FromMilliseconds(10);
            while (true)
            {
                try
                {
                    if (await _refreshTokenStore.TryReplaceRefreshTokenAsync(authorizerAppId, usedRefreshToken, rotatedRefreshToken, CancellationToken.None).ConfigureAwait(false))
                    {
                        TcbLog.RefreshTokenRotated(_logger, authorizerAppId);
                    }
                    else
                    {
                        TcbLog.RefreshTokenChangedMeanwhile(_logger, authorizerAppId);
                    }

                    return;
                }
                catch (Exception exception) when (!(exception is OperationCanceledException))
                {
                    if (Elapsed(started) >= _options.Tokens.RotationWait)
                    {
                        TcbLog.RotatedRefreshTokenNotSaved(_logger, exception, authorizerAppId);
                        throw;
                    }
                }

                await Task.Delay(backoff).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
            }
        }

        private static TimeSpan Elapsed(long started) => TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);

        private async Task<TokenResponse> PostAuthorizerTokenAsync(string authorizerAppId, string refreshToken)
        {
            var request = new AuthorizerTokenRequest(_componentAppId, authorizerAppId, refreshToken);
            TcbAccessToken componentToken = await GetTokenAsync(TcbTokenKey.Component, CancellationToken.None).ConfigureAwait(false);
            try
            {
                return await PostAsync(TokenEndpoints.AuthorizerToken, request, ComponentTokenParameter, componentToken.Value).ConfigureAwait(false);
            }
            catch (TcbApiException rejected) when (TcbErrorCodes.IsTokenRejected(rejected.ErrorCode))
            {
                // The component token was rejected: renew it and ask once more, never looping.
                await InvalidateAsync(TcbTokenKey.Component, componentToken, CancellationToken.None).ConfigureAwait(false);
                componentToken = await GetTokenAsync(TcbTokenKey.Component, CancellationToken.None).ConfigureAwait(false);
                return await PostAsync(TokenEndpoints.AuthorizerToken, request, ComponentTokenParameter, componentToken.Value).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Watches, for at most <see cref="TcbTokenOptions.RotationWait"/>, for the outcome of another instance's renewal
        /// that used <paramref name="usedRefreshToken"/> first: a fresh token in the cache, or a newer refresh token in the store.
        /// </summary>
        private async Task<RotationSeen> AwaitRotationAsync(TcbTokenKey key, string authorizerAppId, string usedRefreshToken)
        {
            TimeSpan wait = _options.Tokens.RotationWait;
            long started = Stopwatch.GetTimestamp();
            TimeSpan backoff = TimeSpan.FromMilliseconds(10);
            while (true)
            {
                TcbAccessToken? cached = await ReadFreshAsync(key, CancellationToken.None).ConfigureAwait(false);
                if (cached != null)
                {
                    return new RotationSeen(cached, null);
                }

                string? stored = await _refreshTokenStore.GetRefreshTokenAsync(authorizerAppId, CancellationToken.None).ConfigureAwait(false);
                if (stored != null && !string.Equals(stored, usedRefreshToken, StringComparison.Ordinal))
                {
                    return new RotationSeen(null, stored);
                }

                TimeSpan left = wait - Elapsed(started);
                if (left <= TimeSpan.Zero)
                {
                    return default;
                }

                // Real time on purpose: the other instance's save is real work, whatever clock expiry is measured by.
                await Task.Delay(backoff < left ? backoff : left).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
            }
        }

        private readonly struct RotationSeen
        {
            public RotationSeen(TcbAccessToken? token, string? refreshToken)
            {
                Token = token;
                RefreshToken = refreshToken;
            }

            public TcbAccessToken? Token { get; }

            public string? RefreshToken { get; }
        }
    }
}
