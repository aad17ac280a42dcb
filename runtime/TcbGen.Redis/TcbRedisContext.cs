using System;
using System.Collections.Concurrent;
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

        private readonly bool _ownsConnection;
        private readonly ConcurrentDictionary<TcbTokenKey, TaskCompletionSource<bool>> _renewalWaiters = new ConcurrentDictionary<TcbTokenKey, TaskCompletionSource<bool>>();
        private int _subscribed;

        public TcbRedisContext(IConnectionMultiplexer connection, bool ownsConnection, TcbRedisOptions options, TcbGenOptions runtimeOptions, TimeProvider? time, ILogger? logger)
        {
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
        }

        public IConnectionMultiplexer Connection { get; }

        public IDatabase Database => Connection.GetDatabase();

        public TcbRedisOptions Options { get; }

        public RedisKeys Keys { get; }

        public TimeProvider Time { get; }

        public ILogger Logger { get; }

        public FirstLevelCache FirstLevel { get; }

        public TimeSpan LeaseDuration { get; }

        public TimeSpan RenewalWaitLimit { get; }

        /// <summary>Subscribes to the events channel once (again after a failure). Never throws.</summary>
        public async ValueTask EnsureSubscribedAsync()
        {
            if (Volatile.Read(ref _subscribed) == 1 || Interlocked.CompareExchange(ref _subscribed, 1, 0) != 0)
            {
                return;
            }

            try
            {
                await Connection.GetSubscriber().SubscribeAsync(Keys.Events, (_, message) => OnEvent(message)).ConfigureAwait(false);
            }
            catch (RedisException exception)
            {
                Volatile.Write(ref _subscribed, 0);
                RedisLog.NotSubscribed(Logger, RedisFailure.Describe(exception));
            }
        }

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
