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
    /// One renewal per token key across every instance: a lease taken with <c>SET NX PX</c> under a random owner id and
    /// released by compare-and-delete. Instances that lose wait for the holder's renewal notice (or a bounded backoff, in case
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
                    acquired = await _context.Database.StringSetAsync(_context.Keys.Lease(key), owner, _context.LeaseDuration, When.NotExists).ConfigureAwait(false);
                }
                catch (RedisException exception) when (_context.Options.LocalFallback)
                {
                    RedisLog.FallingBackToLocal(_context.Logger, "taking the renewal lease", RedisFailure.Describe(exception));
                    return await renew(cancellationToken).ConfigureAwait(false);
                }
                catch (RedisException exception)
                {
                    // No renewal is possible now; a token within its refresh margin is still one WeChat accepts.
                    TcbAccessToken? unexpired = _context.FirstLevel.Unexpired(key, _context.Time.GetUtcNow());
                    if (unexpired != null)
                    {
                        RedisLog.ServingCachedToken(_context.Logger, "taking the renewal lease", RedisFailure.Describe(exception));
                        return unexpired;
                    }

                    throw _context.Unavailable(key, exception);
                }

                if (acquired)
                {
                    if (backoff > FirstBackoff)
                    {
                        RedisLog.LeaseAcquiredAfterWait(_context.Logger, key.ToString(), Elapsed(started).TotalMilliseconds);
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

                if (Elapsed(started) >= _context.RenewalWaitLimit)
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
            try
            {
                // The previous holder may have stored its token just before releasing the lease this instance took.
                return await readFresh(cancellationToken).ConfigureAwait(false) ?? await renew(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await ReleaseAsync(key, owner).ConfigureAwait(false);
            }
        }

        private async Task ReleaseAsync(TcbTokenKey key, string owner)
        {
            try
            {
                await _context.Database.ScriptEvaluateAsync(
                    RedisScripts.ReleaseLease,
                    new RedisKey[] { _context.Keys.Lease(key) },
                    new RedisValue[] { owner, _context.Keys.Events.ToString(), RedisKeys.Event(TcbRedisContext.RenewedVerb, key) }).ConfigureAwait(false);
            }
            catch (RedisException exception)
            {
                RedisLog.LeaseNotReleased(_context.Logger, key.ToString(), RedisFailure.Describe(exception));
            }
        }

        private static string NewOwnerId()
        {
            byte[] bytes = new byte[16];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return Convert.ToBase64String(bytes);
        }

        private static TimeSpan Elapsed(long started) => TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);
    }
}
