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
    /// Put the refresh token of a new authorization here with <see cref="SetRefreshTokenAsync"/>.
    /// </summary>
    public sealed class TcbRedisRefreshTokenStore : IAuthorizerRefreshTokenStore
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
                RedisValue stored = await _context.Database.StringGetAsync(_context.Keys.RefreshToken(authorizerAppId)).ConfigureAwait(false);
                return stored.IsNull ? null : (string?)stored;
            }
            catch (RedisException exception)
            {
                throw Unavailable(authorizerAppId, exception);
            }
        }

        /// <inheritdoc />
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached.</exception>
        public async ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken)
        {
            try
            {
                RedisResult replaced = await _context.Database.ScriptEvaluateAsync(
                    RedisScripts.ReplaceIfSame,
                    new RedisKey[] { _context.Keys.RefreshToken(authorizerAppId) },
                    new RedisValue[] { usedRefreshToken, newRefreshToken }).ConfigureAwait(false);
                return (long)replaced == 1;
            }
            catch (RedisException exception)
            {
                throw Unavailable(authorizerAppId, exception);
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
                await _context.Database.StringSetAsync(_context.Keys.RefreshToken(authorizerAppId), refreshToken).ConfigureAwait(false);
            }
            catch (RedisException exception)
            {
                throw Unavailable(authorizerAppId, exception);
            }
        }

        private static TcbTokenUnavailableException Unavailable(string authorizerAppId, Exception exception)
            => new TcbTokenUnavailableException(TcbTokenKey.ForAuthorizer(authorizerAppId), RedisFailure.Describe(exception) + " while reading or saving the authorizer_refresh_token", exception);
    }
}
