using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime;

namespace TcbGen.Sample
{
    /// <summary>
    /// Where a real platform keeps the component verify ticket WeChat pushes every ten minutes, and each
    /// authorizer's refresh token. A production app stores these durably (database, Redis); this sample keeps them in memory.
    /// </summary>
    internal sealed class InMemoryTokenStores : IComponentVerifyTicketStore, IAuthorizerRefreshTokenStore
    {
        private readonly ConcurrentDictionary<string, string> _tickets = new();
        private readonly ConcurrentDictionary<string, string> _refreshTokens = new();

        public void SetVerifyTicket(string componentAppId, string ticket) => _tickets[componentAppId] = ticket;

        public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) =>
            new(_tickets.TryGetValue(componentAppId, out string? ticket) ? ticket : null);

        public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken) =>
            new(_refreshTokens.TryGetValue(authorizerAppId, out string? token) ? token : null);

        /// <summary>Keeps the refresh token of a new authorization (what <c>api_query_auth</c> returned).</summary>
        public void SetRefreshToken(string authorizerAppId, string refreshToken) => _refreshTokens[authorizerAppId] = refreshToken;

        // Compare-and-set: a renewal replaces only the refresh token it used, so rotation never goes backwards.
        public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken) =>
            new(_refreshTokens.TryUpdate(authorizerAppId, newRefreshToken, usedRefreshToken));
    }
}
