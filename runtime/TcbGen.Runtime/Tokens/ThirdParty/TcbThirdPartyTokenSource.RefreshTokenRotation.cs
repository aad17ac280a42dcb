using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.ComponentApi;

namespace TcbGen.Runtime
{
    /// <content>
    /// <c>authorizer_access_token</c> renewal and refresh-token rotation: the rotated refresh token replaces only the one
    /// used (compare-and-set), and a 61023 caused by another instance's rotation is recovered from the store.
    /// </content>
    public sealed partial class TcbThirdPartyTokenSource
    {
        private readonly ConcurrentDictionary<string, UnsavedRotation> _unsavedRotations = new ConcurrentDictionary<string, UnsavedRotation>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, SemaphoreSlim> _rotationSaves = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, byte> _saversRunning = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

        private async Task<TcbAccessToken> RenewAuthorizerTokenAsync(TcbTokenKey key, string authorizerAppId)
        {
            // A rotated token this process could not save yet is newer than what the store holds.
            string refreshToken = _unsavedRotations.TryGetValue(authorizerAppId, out UnsavedRotation? unsaved)
                ? unsaved.Rotated
                : await _refreshTokenStore.GetRefreshTokenAsync(authorizerAppId, CancellationToken.None).ConfigureAwait(false)
                    ?? throw new TcbAuthorizerNotFoundException(authorizerAppId);

            AuthorizerTokenResponse response;
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

            TcbAccessToken token = ToToken(AuthorizerTokenEndpoint.Name, response.AuthorizerAccessToken, response.ExpiresIn);
            TcbLog.TokenRenewed(_logger, TcbTokenKind.AuthorizerAccessToken.Name, authorizerAppId, response.ExpiresIn.GetValueOrDefault());
            return token;
        }

        /// <summary>
        /// Saves the rotated refresh token with compare-and-set. WeChat has retired the used one, so the new one is the only
        /// way back to this account: a store that fails (e.g. Redis restarting) is retried for up to
        /// <see cref="TcbTokenOptions.RotationWait"/>. If it still fails, the call goes on (its access token is good), the
        /// rotated token is kept in this process and used for this account's next renewal, and saving it is retried in
        /// the background until the store takes it; each failure is logged as an error. Only this process holds it
        /// meanwhile, so a process that stops before the store recovers loses it.
        /// </summary>
        private async Task SaveRotatedRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string rotatedRefreshToken)
        {
            SemaphoreSlim saving = SaveLockOf(authorizerAppId);
            await saving.WaitAsync().ConfigureAwait(false);
            try
            {
                // What the store still holds: the token used, unless that one was itself a rotation not saved yet.
                string storeHolds = _unsavedRotations.TryGetValue(authorizerAppId, out UnsavedRotation? earlier) && earlier.Rotated == usedRefreshToken
                    ? earlier.StoreHolds
                    : usedRefreshToken;
                try
                {
                    await ReplaceWithRetriesAsync(authorizerAppId, storeHolds, rotatedRefreshToken, _options.Tokens.RotationWait).ConfigureAwait(false);
                    _unsavedRotations.TryRemove(authorizerAppId, out _);
                    return;
                }
                catch (Exception exception) when (!(exception is OperationCanceledException))
                {
                    TcbLog.RotatedRefreshTokenNotSaved(_logger, exception, authorizerAppId);
                    _unsavedRotations[authorizerAppId] = new UnsavedRotation(storeHolds, rotatedRefreshToken);
                }
            }
            finally
            {
                saving.Release();
            }

            StartSaver(authorizerAppId);
        }

        /// <summary>Compare-and-set with short retries while the store throws, for up to <paramref name="wait"/>; the last failure is thrown.</summary>
        private async Task ReplaceWithRetriesAsync(string authorizerAppId, string storeHolds, string rotatedRefreshToken, TimeSpan wait)
        {
            long started = Stopwatch.GetTimestamp();
            TimeSpan backoff = TimeSpan.FromMilliseconds(10);
            while (true)
            {
                try
                {
                    if (await _refreshTokenStore.TryReplaceRefreshTokenAsync(authorizerAppId, storeHolds, rotatedRefreshToken, CancellationToken.None).ConfigureAwait(false))
                    {
                        TcbLog.RefreshTokenRotated(_logger, authorizerAppId);
                    }
                    else
                    {
                        TcbLog.RefreshTokenChangedMeanwhile(_logger, authorizerAppId);
                    }

                    return;
                }
                catch (Exception exception) when (!(exception is OperationCanceledException) && Elapsed(started) < wait)
                {
                }

                await Task.Delay(backoff).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMilliseconds(200).Ticks));
            }
        }

        /// <summary>The lock a renewal's save and the background saver of one account both take.</summary>
        private SemaphoreSlim SaveLockOf(string authorizerAppId) => _rotationSaves.GetOrAdd(authorizerAppId, _ => new SemaphoreSlim(1, 1));

        /// <summary>Starts the one background saver of an account, unless it runs already.</summary>
        private void StartSaver(string authorizerAppId)
        {
            if (_saversRunning.TryAdd(authorizerAppId, 0))
            {
                _ = KeepSavingAsync(authorizerAppId);
            }
        }

        /// <summary>
        /// Retries saving the account's latest unsaved rotation (backing off to 30 s) until the store takes it or a renewal
        /// saves a newer one. Attempts take the account's save lock, so they never interleave with a renewal's save.
        /// </summary>
        private async Task KeepSavingAsync(string authorizerAppId)
        {
            SemaphoreSlim saving = SaveLockOf(authorizerAppId);
            TimeSpan pause = _options.Tokens.RotationWait > TimeSpan.FromMilliseconds(100) ? _options.Tokens.RotationWait : TimeSpan.FromMilliseconds(100);
            while (true)
            {
                await Task.Delay(pause).ConfigureAwait(false);
                await saving.WaitAsync().ConfigureAwait(false);
                try
                {
                    if (!_unsavedRotations.TryGetValue(authorizerAppId, out UnsavedRotation? latest))
                    {
                        break;
                    }

                    await ReplaceWithRetriesAsync(authorizerAppId, latest.StoreHolds, latest.Rotated, TimeSpan.Zero).ConfigureAwait(false);
                    _unsavedRotations.TryRemove(authorizerAppId, out _);
                    break;
                }
                catch (Exception exception) when (!(exception is OperationCanceledException))
                {
                    TcbLog.RotatedRefreshTokenNotSaved(_logger, exception, authorizerAppId);
                }
                finally
                {
                    saving.Release();
                }

                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }

            _saversRunning.TryRemove(authorizerAppId, out _);
            if (_unsavedRotations.ContainsKey(authorizerAppId))
            {
                StartSaver(authorizerAppId); // a rotation failed to save between this saver's last look and its exit
            }
        }

        /// <summary>A rotated refresh token the store has not taken yet, and the token the store still holds in its place.</summary>
        private sealed class UnsavedRotation
        {
            public UnsavedRotation(string storeHolds, string rotated)
            {
                StoreHolds = storeHolds;
                Rotated = rotated;
            }

            public string StoreHolds { get; }

            public string Rotated { get; }
        }

        private static TimeSpan Elapsed(long started) => TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);

        /// <summary>Asks for an authorizer token (renewing the component token once if WeChat rejects it); any rotated refresh token is saved.</summary>
        private async Task<AuthorizerTokenResponse> PostAuthorizerTokenAsync(string authorizerAppId, string refreshToken)
        {
            AuthorizerTokenRequest request = ComponentApiRequests.AuthorizerToken(_componentAppId, authorizerAppId, refreshToken);
            TcbAccessToken componentToken = await GetTokenAsync(TcbTokenKey.Component, CancellationToken.None).ConfigureAwait(false);
            try
            {
                return await PostRotatingAsync(request, componentToken.Value).ConfigureAwait(false);
            }
            catch (TcbApiException rejected) when (TcbErrorCodes.IsTokenRejected(rejected.ErrorCode))
            {
                // The component token was rejected: renew it and ask once more, never looping.
                await InvalidateAsync(TcbTokenKey.Component, componentToken, CancellationToken.None).ConfigureAwait(false);
                componentToken = await GetTokenAsync(TcbTokenKey.Component, CancellationToken.None).ConfigureAwait(false);
                return await PostRotatingAsync(request, componentToken.Value).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Sends <c>api_authorizer_token</c> and saves the refresh token its answer rotates, however late the answer comes. By
        /// the time an answer is on its way WeChat has retired the refresh token that was sent, so the answer is the only copy
        /// of the new one: <see cref="TcbGenOptions.AttemptTimeout"/> ends the caller's wait (a <see cref="TcbTimeoutException"/>),
        /// never the exchange, which runs on for up to the total timeout and saves the rotation (compare-and-set against the
        /// token sent) when it answers. This covers a process paused (SIGSTOP, a VM pause, a long GC) while the answer was on
        /// its way, whose timers all fire on resume. What it cannot cover is a process killed before the answer is saved.
        /// </summary>
        private async Task<AuthorizerTokenResponse> PostRotatingAsync(AuthorizerTokenRequest request, string componentToken)
        {
            TimeSpan answerLimit = _options.TotalTimeout == Timeout.InfiniteTimeSpan || _options.AttemptTimeout == Timeout.InfiniteTimeSpan
                ? Timeout.InfiniteTimeSpan
                : (_options.TotalTimeout > _options.AttemptTimeout ? _options.TotalTimeout : _options.AttemptTimeout);
            Task<AuthorizerTokenResponse> answered = ExchangeAsync(AuthorizerTokenEndpoint.Descriptor, request, componentToken, answerLimit);
            Task<AuthorizerTokenResponse> saved = SaveRotationOfAsync(answered, request);
            using (var timeout = new TimeoutScope(_timeProvider, _options.AttemptTimeout, CancellationToken.None))
            {
                try
                {
                    await TimeProviderCompat.WaitAsync(answered, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException canceled) when (timeout.IsTimedOut)
                {
                    _ = saved.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    throw new TcbTimeoutException(AuthorizerTokenEndpoint.Name, TcbTimeoutKind.Attempt, _options.AttemptTimeout, canceled);
                }
            }

            return await saved.ConfigureAwait(false);
        }

        private async Task<AuthorizerTokenResponse> SaveRotationOfAsync(Task<AuthorizerTokenResponse> answered, AuthorizerTokenRequest request)
        {
            AuthorizerTokenResponse response = await answered.ConfigureAwait(false);
            if (!string.IsNullOrEmpty(response.AuthorizerRefreshToken) && !string.Equals(response.AuthorizerRefreshToken, request.AuthorizerRefreshToken, StringComparison.Ordinal))
            {
                await SaveRotatedRefreshTokenAsync(request.AuthorizerAppId, request.AuthorizerRefreshToken, response.AuthorizerRefreshToken!).ConfigureAwait(false);
            }

            return response;
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
