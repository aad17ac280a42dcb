using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// What the Redis cache, lease and refresh-token store share: the connection, the key names, the settings, and the
    /// events channel (drops clear other instances' first level; renewals wake instances waiting on a lease).
    /// </summary>
    internal sealed class TcbRedisContext : IDisposable
    {
        public const string DropVerb = "drop";
        public const string RenewedVerb = "renewed";

        /// <summary>The least time between two warnings of one kind during an outage.</summary>
        public static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

        private readonly bool _ownsConnection;
        private readonly ConcurrentDictionary<TcbTokenKey, TaskCompletionSource<bool>> _renewalWaiters = new ConcurrentDictionary<TcbTokenKey, TaskCompletionSource<bool>>();
        private readonly ConcurrentDictionary<TcbTokenKey, Task> _pendingStores = new ConcurrentDictionary<TcbTokenKey, Task>();
        private readonly WarningThrottle _servingCachedWarnings = new WarningThrottle(WarningInterval);
        private readonly WarningThrottle _localFallbackWarnings = new WarningThrottle(WarningInterval);
        private int _subscribed;

        public TcbRedisContext(IConnectionMultiplexer connection, bool ownsConnection, TcbRedisOptions options, TcbGenOptions runtimeOptions, TimeProvider? time, ILogger? logger, ITcbTokenProtector? protector = null)
        {
            Secrets = new StoredSecrets(protector);
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _ownsConnection = ownsConnection;
            Options = options ?? throw new ArgumentNullException(nameof(options));
            string componentAppId = runtimeOptions?.ThirdParty?.ComponentAppId is { Length: > 0 } id
                ? id
                : throw new ArgumentException("UseRedis needs TcbGenOptions.ThirdParty.ComponentAppId: Redis keys are named after it.", nameof(runtimeOptions));
            Keys = new RedisKeys(options.KeyPrefix, componentAppId);
            Time = time ?? TimeProvider.System;
            Logger = logger ?? NullLogger.Instance;
            FirstLevel = new FirstLevelCache(options.FirstLevelStaleness, runtimeOptions.Tokens.RefreshMargin, Time);
            LeaseDuration = options.LeaseDuration
                ?? (runtimeOptions.AttemptTimeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromSeconds(60) : runtimeOptions.AttemptTimeout + TimeSpan.FromSeconds(5));
            RenewalWaitLimit = options.RenewalWaitLimit ?? TimeSpan.FromTicks(LeaseDuration.Ticks * 3);
            LeaseRenewalInterval = TimeSpan.FromTicks(LeaseDuration.Ticks / 3);
            RefreshTokenStoreCheck = CheckRefreshTokenStoreAsync();
            LeaseHoldLimit = runtimeOptions.TotalTimeout == Timeout.InfiniteTimeSpan ? RenewalWaitLimit : runtimeOptions.TotalTimeout;
        }

        public IConnectionMultiplexer Connection { get; }

        public IDatabase Database => Connection.GetDatabase();

        public TcbRedisOptions Options { get; }

        public RedisKeys Keys { get; }

        public TimeProvider Time { get; }

        public ILogger Logger { get; }

        public FirstLevelCache FirstLevel { get; }

        /// <summary>How secrets are written to and read from Redis (protected when an <see cref="ITcbTokenProtector"/> is registered).</summary>
        public StoredSecrets Secrets { get; }

        public TimeSpan LeaseDuration { get; }

        public TimeSpan RenewalWaitLimit { get; }

        /// <summary>The start-up check that every instance keeps refresh tokens in the same kind of store (never throws).</summary>
        public Task RefreshTokenStoreCheck { get; }

        /// <summary>How often a holder extends its lease, and how often a failed release is retried.</summary>
        public TimeSpan LeaseRenewalInterval { get; }

        /// <summary>How long a holder may keep extending its lease: the total timeout of the call that renews.</summary>
        public TimeSpan LeaseHoldLimit { get; }

        /// <summary>How long a token Redis could not confirm is served without asking Redis again.</summary>
        public static TimeSpan UnreachableRecheck => TimeSpan.FromSeconds(1);

        /// <summary>Runs a command bounded by <see cref="TcbRedisOptions.CommandTimeout"/>; a late one throws <see cref="CommandTimeoutException"/>.</summary>
        public async Task<T> Command<T>(Func<IDatabase, Task<T>> command)
        {
            Task<T> running = command(Database);
            await WithinCommandTimeout(running).ConfigureAwait(false);
            return await running.ConfigureAwait(false);
        }

        /// <summary>Like <see cref="Command{T}"/>, for a command without a result (e.g. SUBSCRIBE).</summary>
        public Task Command(Func<IConnectionMultiplexer, Task> command) => WithinCommandTimeout(command(Connection));

        private async Task WithinCommandTimeout(Task running)
        {
            TimeSpan limit = Options.CommandTimeout;
            if (running.IsCompleted || limit == Timeout.InfiniteTimeSpan)
            {
                await running.ConfigureAwait(false);
                return;
            }

            // Real time on purpose: Redis answers in real time whatever clock token expiry is measured by.
            using (var stopDelay = new CancellationTokenSource())
            {
                if (await Task.WhenAny(running, Task.Delay(limit, stopDelay.Token)).ConfigureAwait(false) == running)
                {
                    stopDelay.Cancel();
                    await running.ConfigureAwait(false);
                    return;
                }
            }

            // The abandoned command fails later (StackExchange.Redis's own timeout); observe it so it is not reported unobserved.
            _ = running.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw new CommandTimeoutException(limit);
        }

        /// <summary>Warns that a cached token serves during an outage, at most once per <see cref="WarningInterval"/>.</summary>
        public void WarnServingCachedToken(string operation, Exception exception)
        {
            if (_servingCachedWarnings.TryPass(out int suppressed))
            {
                RedisLog.ServingCachedToken(Logger, operation, RedisFailure.Describe(exception), suppressed);
            }
        }

        /// <summary>Warns that this process renews alone during an outage, at most once per <see cref="WarningInterval"/>.</summary>
        public void WarnFallingBackToLocal(string operation, Exception exception)
        {
            if (_localFallbackWarnings.TryPass(out int suppressed))
            {
                RedisLog.FallingBackToLocal(Logger, operation, RedisFailure.Describe(exception), suppressed);
            }
        }

        /// <summary>Subscribes to the events channel once (again after a failure). Never throws.</summary>
        public async ValueTask EnsureSubscribedAsync()
        {
            if (Volatile.Read(ref _subscribed) == 1 || Interlocked.CompareExchange(ref _subscribed, 1, 0) != 0)
            {
                return;
            }

            try
            {
                await Command(connection => connection.GetSubscriber().SubscribeAsync(Keys.Events, (_, message) => OnEvent(message))).ConfigureAwait(false);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                Volatile.Write(ref _subscribed, 0);
                RedisLog.NotSubscribed(Logger, RedisFailure.Describe(exception));
            }
        }

        /// <summary>
        /// Marks which kind of refresh-token store this platform's instances use (the first one to start sets it) and logs an
        /// error (event 109) when this instance differs: one that keeps refresh tokens in memory beside others that keep them
        /// in Redis renews with tokens the others never see, and every renewal on one side fails.
        /// </summary>
        private async Task CheckRefreshTokenStoreAsync()
        {
            string mine = Options.StoreRefreshTokens ? "redis" : "your own IAuthorizerRefreshTokenStore";
            try
            {
                RedisKey marker = Keys.RefreshTokenStoreMarker;
                await Command(db => db.StringSetAsync(marker, mine, when: When.NotExists)).ConfigureAwait(false);
                RedisValue used = await Command(db => db.StringGetAsync(marker)).ConfigureAwait(false);
                if (!used.IsNull && (string?)used != mine)
                {
                    RedisLog.RefreshTokenStoreMismatch(Logger, (string)used!, mine);
                }
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                // Checked again by the next instance that starts with Redis up; nothing here depends on it.
            }
        }

        /// <summary>Notes a background store of a renewed token, so a release of the lease can wait for it.</summary>
        public void TrackPendingStore(TcbTokenKey key, Task storing)
        {
            _pendingStores[key] = storing;
            _ = storing.ContinueWith(
                done => ((ICollection<KeyValuePair<TcbTokenKey, Task>>)_pendingStores).Remove(new KeyValuePair<TcbTokenKey, Task>(key, done)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        /// <summary>A task that completes when no background store of <paramref name="key"/> runs (stored, or given up).</summary>
        public Task PendingStore(TcbTokenKey key) => _pendingStores.TryGetValue(key, out Task? storing) ? storing : Task.CompletedTask;

        public static TimeSpan Elapsed(long started) => TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);

        /// <summary>A task that completes when any instance announces a renewal of <paramref name="key"/>.</summary>
        public Task WhenRenewed(TcbTokenKey key)
            => _renewalWaiters.GetOrAdd(key, static _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public TcbTokenUnavailableException Unavailable(TcbTokenKey key, Exception exception)
            => new TcbTokenUnavailableException(key, RedisFailure.Describe(exception) + " and no cached token is usable; set TcbRedisOptions.LocalFallback to renew locally instead", exception);

        public void Dispose()
        {
            if (_ownsConnection)
            {
                Connection.Dispose();
            }
        }

        private void OnEvent(RedisValue message)
        {
            if (!RedisKeys.TryParseEvent(message, out string verb, out TcbTokenKey key))
            {
                return;
            }

            if (verb == DropVerb)
            {
                FirstLevel.Remove(key);
            }
            else if (verb == RenewedVerb && _renewalWaiters.TryRemove(key, out TaskCompletionSource<bool>? waiters))
            {
                waiters.TrySetResult(true);
            }
        }
    }
}
