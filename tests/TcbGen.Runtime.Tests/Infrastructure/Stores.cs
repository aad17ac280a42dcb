using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime.Tests.Infrastructure
{
    public sealed class InMemoryTicketStore : IComponentVerifyTicketStore
    {
        public string? Ticket { get; set; } = "ticket@initial";

        public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) => new(Ticket);
    }

    public sealed class InMemoryRefreshTokenStore : IAuthorizerRefreshTokenStore
    {
        public ConcurrentDictionary<string, string> Tokens { get; } = new();

        public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken)
            => new(Tokens.TryGetValue(authorizerAppId, out string? token) ? token : null);

        public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken)
            => new(Tokens.TryUpdate(authorizerAppId, newRefreshToken, usedRefreshToken));
    }
}
