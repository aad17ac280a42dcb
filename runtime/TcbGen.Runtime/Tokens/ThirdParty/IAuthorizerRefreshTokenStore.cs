using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Where you keep each authorizer's <c>authorizer_refresh_token</c> (obtained when the account authorized your
    /// platform). WeChat may return a new one when a token is renewed; the flow saves it here with compare-and-set, so
    /// persist it durably: a lost refresh token means the account must authorize your platform again.
    /// </summary>
    /// <remarks>
    /// Several instances (or several token sources in one process) may renew the same authorizer at once. The store is
    /// what keeps rotation from going backwards: <see cref="TryReplaceRefreshTokenAsync"/> replaces only the refresh token
    /// that was used, so a response to an older refresh token never overwrites a newer one. Put the token of a new
    /// authorization (from <c>api_query_auth</c>) into your store yourself; the flow never creates entries.
    /// </remarks>
    public interface IAuthorizerRefreshTokenStore
    {
        /// <summary>Reads an authorizer's refresh token.</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The refresh token, or <see langword="null"/> if the account has not authorized the platform.</returns>
        ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken);

        /// <summary>
        /// Saves the refresh token WeChat returned with a renewed access token, atomically and only if the stored one is
        /// still <paramref name="usedRefreshToken"/> (compare-and-set).
        /// </summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="usedRefreshToken">The refresh token the renewal sent to WeChat.</param>
        /// <param name="newRefreshToken">The refresh token WeChat returned.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>Whether it was replaced; <see langword="false"/> when the store holds another token by now (kept as it is).</returns>
        ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken);
    }
}
