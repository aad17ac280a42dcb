using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The stores as the singleton token source sees them: each operation resolves the registered store in a scope of its
    /// own, so a store may be scoped (over a DbContext) or a singleton (the scope then hands back the one instance).
    /// Operations run only on renewals, so a scope each is cheap next to the WeChat call they go with.
    /// </summary>
    internal sealed class ScopedTokenStores : IComponentVerifyTicketStore, IAuthorizerRefreshTokenStore
    {
        private readonly IServiceScopeFactory _scopes;

        public ScopedTokenStores(IServiceScopeFactory scopes) => _scopes = scopes;

        public async ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken)
        {
            // AsyncServiceScope: a scoped store may be only IAsyncDisposable (as a DbContext may be).
            AsyncServiceScope scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                return await scope.ServiceProvider.GetRequiredService<IComponentVerifyTicketStore>()
                    .GetVerifyTicketAsync(componentAppId, cancellationToken).ConfigureAwait(false);
            }
        }

        public async ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken)
        {
            AsyncServiceScope scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                return await scope.ServiceProvider.GetRequiredService<IAuthorizerRefreshTokenStore>()
                    .GetRefreshTokenAsync(authorizerAppId, cancellationToken).ConfigureAwait(false);
            }
        }

        public async ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken)
        {
            AsyncServiceScope scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                return await scope.ServiceProvider.GetRequiredService<IAuthorizerRefreshTokenStore>()
                    .TryReplaceRefreshTokenAsync(authorizerAppId, usedRefreshToken, newRefreshToken, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
