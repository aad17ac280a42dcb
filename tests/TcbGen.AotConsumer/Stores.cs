using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime;

namespace TcbGen.AotConsumer
{
    /// <summary>What the stores read: constructor-injected, so the AOT build must keep the stores' constructors.</summary>
    internal sealed class PlatformState
    {
        public PlatformState(string verifyTicket) => VerifyTicket = verifyTicket;

        public string VerifyTicket { get; }

        public ConcurrentDictionary<string, string> RefreshTokens { get; } = new ConcurrentDictionary<string, string>();
    }

    internal sealed class TicketStore : IComponentVerifyTicketStore
    {
        private readonly PlatformState _state;

        public TicketStore(PlatformState state) => _state = state;

        public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) => new ValueTask<string?>(_state.VerifyTicket);
    }

    internal sealed class RefreshTokenStore : IAuthorizerRefreshTokenStore
    {
        private readonly PlatformState _state;

        public RefreshTokenStore(PlatformState state) => _state = state;

        public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken) =>
            new ValueTask<string?>(_state.RefreshTokens.TryGetValue(authorizerAppId, out string? token) ? token : null);

        public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken) =>
            new ValueTask<bool>(_state.RefreshTokens.TryUpdate(authorizerAppId, newRefreshToken, usedRefreshToken));
    }
}
