using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Where you keep each authorizer's <c>authorizer_refresh_token</c> (obtained when the account authorized your
    /// platform). WeChat may return a new one when a token is renewed; the flow saves it here, so persist it durably.
    /// </summary>
    public interface IAuthorizerRefreshTokenStore
    {
        /// <summary>Reads an authorizer's refresh token.</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The refresh token, or <see langword="null"/> if the account has not authorized the platform.</returns>
        ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken);

        /// <summary>Saves the refresh token WeChat returned with a renewed access token (it may have rotated).</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="refreshToken">The refresh token to keep.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>A task that completes when saved.</returns>
        ValueTask SaveRefreshTokenAsync(string authorizerAppId, string refreshToken, CancellationToken cancellationToken);
    }
}
