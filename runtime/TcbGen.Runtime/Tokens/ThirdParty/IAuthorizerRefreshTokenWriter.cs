using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A refresh token store that also takes new authorizations and revocations (what the authorization-event endpoint
    /// and the authorization redirect write through).
    /// </summary>
    public interface IAuthorizerRefreshTokenWriter
    {
        /// <summary>
        /// Stores the refresh token of a new authorization (from <c>api_query_auth</c>). A new authorization retires the
        /// account's earlier refresh token at WeChat, so it replaces whatever is stored.
        /// </summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="refreshToken">The new refresh token.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>A task.</returns>
        ValueTask SetRefreshTokenAsync(string authorizerAppId, string refreshToken, CancellationToken cancellationToken);

        /// <summary>Removes an authorizer's refresh token (the account revoked the authorization).</summary>
        /// <param name="authorizerAppId">The authorizer's appid.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>Whether there was one.</returns>
        ValueTask<bool> RemoveRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken);
    }
}
