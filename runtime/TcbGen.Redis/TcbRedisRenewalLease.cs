using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// One renewal per token key across every instance: a lease taken with <c>SET NX PX</c> under a random owner id, extended
    /// by its holder every lease-renewal interval while it works (for at most the call's total timeout), and released by
    /// compare-and-delete, retried in the background when Redis fails (so a lease that a restarted Redis replays from its AOF
    /// does not outlive its holder). Instances that lose wait for the holder's renewal notice (or a bounded backoff, in case
    /// the notice is lost or the holder died and its lease must expire first) and then read the token it stored.
    /// </summary>
    internal sealed class TcbRedisRenewalLease : ITcbTokenRenewalCoordinator
    {
        private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(50);
        private static readonly TimeSpan LastBackoff = TimeSpan.FromSeconds(1);
        private readonly TcbRedisContext _context;

        public TcbRedisRenewalLease(TcbRedisContext context)
        {
            _context = context;
        }

        public async Task<TcbAccessToken> RenewAsync(
            TcbTokenKey key,
            Func<CancellationToken, ValueTask<TcbAccessToken?>> readFresh,
            Func<CancellationToken, Task<TcbAccessToken>> renew,
            CancellationToken cancellationToken)
        {
            await _context.EnsureSubscribedAsync().ConfigureAwait(false);
            long started = Stopwatch.GetTimestamp();
            TimeSpan backoff = FirstBackoff;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Task renewedElsewhere = _context.WhenRenewed(key);
                string owner = NewOwnerId();
                bool acquired;
                try
                {
                    acquired = await _context.Command(db => db.StringSetAsync(_context.Keys.Lease(key), owner, _context.LeaseDuration, When.NotExists)).ConfigureAwait(false);
                }
                catch (Exception exception) when (RedisFailure.IsRedisFailure(exception) && _context.Options.LocalFallback)
                {
                    _context.WarnFallingBackToLocal("taking the renewal lease", exception);
                    return await renew(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
                {
                    // No renewal is possible now; a token within its refresh margin is still one WeChat accepts.
                    TcbAccessToken? unexpired = _context.FirstLevel.Unexpired(key, _context.Time.GetUtcNow());
                    if (unexpired != null)
                    {
                        _context.FirstLevel.ServeWhileUnreachable(key, unexpired, TcbRedisContext.UnreachableRecheck);
                        _context.WarnServingCachedToken("taking the renewal lease", exception);
                        return unexpired;
                    }

                    throw _context.Unavailable(key, exception);
                }

                if (acquired)
                {
                    if (backoff > FirstBackoff)
                    {
                        RedisLog.LeaseAcquiredAfterWait(_context.Logger, key.ToString(), TcbRedisContext.Elapsed(started).TotalMilliseconds);
                    }

                    return await RenewHoldingLeaseAsync(key, owner, readFresh, renew, cancellationToken).ConfigureAwait(false);
                }

                await Task.WhenAny(renewedElsewhere, Task.Delay(backoff, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LastBackoff.Ticks));
                TcbAccessToken? token = await readFresh(cancellationToken).ConfigureAwait(false);
                if (token != null)
                {
                    return token;
                }

                if (TcbRedisContext.Elapsed(started) >= _context.RenewalWaitLimit)
                {
                    throw new TcbTokenUnavailableException(key, "no instance renewed it within " + _context.RenewalWaitLimit.TotalSeconds + " s (TcbRedisOptions.RenewalWaitLimit)");
                }
            }
        }

        private async Task<TcbAccessToken> RenewHoldingLeaseAsync(
            TcbTokenKey key,
            string owner,
            Func<CancellationToken, ValueTask<TcbAccessToken?>> readFresh,
            Func<CancellationToken, Task<TcbAccessToken>> renew,
            CancellationToken cancellationToken)
        {
            using var holding = new CancellationTokenSource();
            Task extending = KeepExtendingAsync(key, owner, holding.Token);
            try
            {
                // The previous holder may have stored its token just before releasing the lease this instance took.
                return await readFresh(cancellationToken).ConfigureAwait(false) ?? await renew(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                holding.Cancel();
                await extending.ConfigureAwait(false);
                await ReleaseAsync(key, owner).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Extends the lease every lease-renewal interval while its holder works (e.g. waits for the component token, or for a
        /// slow WeChat), for at most <see cref="TcbRedisContext.LeaseHoldLimit"/>. A failed extension is tried again at the next
        /// interval; a lease found taken is not (another instance holds it now). Never throws.
        /// </summary>
        private async Task KeepExtendingAsync(TcbTokenKey key, string owner, CancellationToken holding)
        {
            long started = Stopwatch.GetTimestamp();
            while (TcbRedisContext.Elapsed(started) + _context.LeaseRenewalInterval < _context.LeaseHoldLimit)
            {
                try
                {
                    await Task.Delay(_context.LeaseRenewalInterval, holding).ConfigureAwait(false);
                    RedisResult extended = await _context.Command(db => db.ScriptEvaluateAsync(
                        RedisScripts.ExtendLease,
                        new RedisKey[] { _context.Keys.Lease(key) },
                        new RedisValue[] { owner, (long)_context.LeaseDuration.TotalMilliseconds })).ConfigureAwait(false);
                    if ((long)extended == 0)
                    {
                        RedisLog.LeaseLost(_context.Logger, key.ToString(), "it expired or was taken");
                        return;
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
                {
                }
            }
        }

        private async Task ReleaseAsync(TcbTokenKey key, string owner)
        {
            try
            {
                await ReleaseOnceAsync(key, owner).ConfigureAwait(false);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                RedisLog.LeaseNotReleased(_context.Logger, key.ToString(), RedisFailure.Describe(exception));
                _ = ReleaseLaterAsync(key, owner);
            }
        }

        /// <summary>
        /// Retries a release until Redis takes it or the lease has expired anyway (after a token stored in the background,
        /// so waiters find it rather than renew again). Without this, a lease replayed by a restarted Redis stalls every
        /// instance until it expires.
        /// </summary>
        private async Task ReleaseLaterAsync(TcbTokenKey key, string owner)
        {
            long started = Stopwatch.GetTimestamp();
            TimeSpan backoff = TimeSpan.FromMilliseconds(100);
            while (TcbRedisContext.Elapsed(started) < _context.LeaseDuration)
            {
                await Task.Delay(backoff).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _context.LeaseRenewalInterval.Ticks));
                await _context.PendingStore(key).ConfigureAwait(false);
                try
                {
                    await ReleaseOnceAsync(key, owner).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
                {
                }
            }
        }

        private Task<RedisResult> ReleaseOnceAsync(TcbTokenKey key, string owner)
            => _context.Command(db => db.ScriptEvaluateAsync(
                RedisScripts.ReleaseLease,
                new RedisKey[] { _context.Keys.Lease(key) },
                new RedisValue[] { owner, _context.Keys.Events.ToString(), RedisKeys.Event(TcbRedisContext.RenewedVerb, key) }));

        private static string NewOwnerId()
        {
            byte[] bytes = new byte[16];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return Convert.ToBase64String(bytes);
        }
    }
}
