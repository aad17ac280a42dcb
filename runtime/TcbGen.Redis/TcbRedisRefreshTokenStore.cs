using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// Authorizer refresh tokens in Redis, rotated with compare-and-set (Lua), so a response to an older refresh token never
    /// overwrites a newer one. Keys never expire. Durability is Redis's: run it with AOF (<c>appendonly yes</c>,
    /// <c>appendfsync everysec</c> or <c>always</c>) or keep a database copy, or a Redis restart loses every authorization.
    /// Put the refresh token of a new authorization here with <see cref="SetRefreshTokenAsync"/>; as an
    /// <see cref="IAuthorizerRefreshTokenWriter"/> it also takes the authorization pushes of <c>TcbGen.AspNetCore</c>
    /// (authorized, updateauthorized, unauthorized) for every instance at once. With an <see cref="ITcbTokenProtector"/>
    /// registered, tokens are stored protected; tokens stored in clear before still read.
    /// </summary>
    public sealed class TcbRedisRefreshTokenStore : IAuthorizerRefreshTokenStore, IAuthorizerRefreshTokenWriter
    {
        private readonly TcbRedisContext _context;

        internal TcbRedisRefreshTokenStore(TcbRedisContext context)
        {
            _context = context;
        }

        /// <inheritdoc />
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached.</exception>
        public async ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken)
        {
            try
            {
                RedisValue stored = await _context.Command(db => db.StringGetAsync(_context.Keys.RefreshToken(authorizerAppId))).ConfigureAwait(false);
                return stored.IsNull ? null : _context.Secrets.Unprotect(stored!);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                throw Unavailable(authorizerAppId, exception);
            }
            catch (UnreadableSecretException unreadable)
            {
                throw Unreadable(authorizerAppId, unreadable);
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// Also <see langword="true"/> when the store already holds <paramref name="newRefreshToken"/> (a retried save whose
        /// first answer was lost). When nothing is stored under the account, nothing is created (see
        /// <see cref="SetRefreshTokenAsync"/>): <see langword="false"/>, logged as a warning that says so (event 108).
        /// </remarks>
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached.</exception>
        public async ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken)
        {
            try
            {
                string expectedStored = usedRefreshToken;
                if (_context.Secrets.IsProtecting)
                {
                    // Each write of a token differs when protected, so Redis cannot compare tokens: read and compare here,
                    // then let the script replace only the exact value read (a value changed meanwhile is kept).
                    RedisValue stored = await _context.Command(db => db.StringGetAsync(_context.Keys.RefreshToken(authorizerAppId))).ConfigureAwait(false);
                    string? held = stored.IsNull ? null : _context.Secrets.Unprotect(stored!);
                    if (string.Equals(held, newRefreshToken, StringComparison.Ordinal))
                    {
                        return true;
                    }

                    expectedStored = string.Equals(held, usedRefreshToken, StringComparison.Ordinal) ? (string)stored! : usedRefreshToken;
                }

                RedisResult replaced = await _context.Command(db => db.ScriptEvaluateAsync(
                    RedisScripts.ReplaceIfSame,
                    new RedisKey[] { _context.Keys.RefreshToken(authorizerAppId) },
                    new RedisValue[] { expectedStored, _context.Secrets.Protect(newRefreshToken) })).ConfigureAwait(false);
                switch ((RedisScripts.ReplaceOutcome)(long)replaced)
                {
                    case RedisScripts.ReplaceOutcome.Missing:
                        RedisLog.NoRefreshTokenStored(_context.Logger, authorizerAppId);
                        return false;
                    case RedisScripts.ReplaceOutcome.Replaced:
                    case RedisScripts.ReplaceOutcome.AlreadySaved:
                        return true;
                    case RedisScripts.ReplaceOutcome.Kept:
                        return false;
                    default:
                        throw new InvalidOperationException("Unexpected compare-and-set outcome " + (long)replaced + ".");
                }
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                throw Unavailable(authorizerAppId, exception);
            }
            catch (UnreadableSecretException unreadable)
            {
                throw Unreadable(authorizerAppId, unreadable);
            }
        }

        /// <summary>Keeps the refresh token of a new authorization (what <c>api_query_auth</c> returned), replacing any other.</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="refreshToken">Its <c>authorizer_refresh_token</c>.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>A task that completes when stored.</returns>
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached.</exception>
        public async Task SetRefreshTokenAsync(string authorizerAppId, string refreshToken, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(authorizerAppId) || string.IsNullOrEmpty(refreshToken))
            {
                throw new ArgumentException("An authorizer appid and a refresh token are required.");
            }

            try
            {
                await _context.Command(db => db.StringSetAsync(_context.Keys.RefreshToken(authorizerAppId), _context.Secrets.Protect(refreshToken))).ConfigureAwait(false);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                throw Unavailable(authorizerAppId, exception);
            }
        }

        /// <inheritdoc />
        ValueTask IAuthorizerRefreshTokenWriter.SetRefreshTokenAsync(string authorizerAppId, string refreshToken, CancellationToken cancellationToken)
            => new ValueTask(SetRefreshTokenAsync(authorizerAppId, refreshToken, cancellationToken));

        /// <summary>Removes an authorizer's refresh token (the account revoked the authorization), for every instance.</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>Whether one was stored.</returns>
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached.</exception>
        public async ValueTask<bool> RemoveRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken)
        {
            try
            {
                return await _context.Command(db => db.KeyDeleteAsync(_context.Keys.RefreshToken(authorizerAppId))).ConfigureAwait(false);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                throw Unavailable(authorizerAppId, exception);
            }
        }

        private static TcbTokenUnavailableException Unreadable(string authorizerAppId, UnreadableSecretException unreadable)
            => new TcbTokenUnavailableException(TcbTokenKey.ForAuthorizer(authorizerAppId), unreadable.Message + " while reading the authorizer_refresh_token", unreadable);

        private static TcbTokenUnavailableException Unavailable(string authorizerAppId, Exception exception)
            => new TcbTokenUnavailableException(TcbTokenKey.ForAuthorizer(authorizerAppId), RedisFailure.Describe(exception) + " while reading or saving the authorizer_refresh_token", exception);
    }
}
