using System;
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
    internal sealed class ScopedTokenStores : IComponentVerifyTicketStore, IAuthorizerRefreshTokenStore, IComponentVerifyTicketWriter, IAuthorizerRefreshTokenWriter
    {
        private readonly IServiceScopeFactory _scopes;

        public ScopedTokenStores(IServiceScopeFactory scopes) => _scopes = scopes;

        public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) =>
            InScopeAsync<IComponentVerifyTicketStore, string?>(store => store.GetVerifyTicketAsync(componentAppId, cancellationToken));

        public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken) =>
            InScopeAsync<IAuthorizerRefreshTokenStore, string?>(store => store.GetRefreshTokenAsync(authorizerAppId, cancellationToken));

        public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken) =>
            InScopeAsync<IAuthorizerRefreshTokenStore, bool>(store => store.TryReplaceRefreshTokenAsync(authorizerAppId, usedRefreshToken, newRefreshToken, cancellationToken));

        public ValueTask<bool> SaveVerifyTicketAsync(string componentAppId, string ticket, TimeSpan validity, CancellationToken cancellationToken) =>
            InScopeAsync<IComponentVerifyTicketStore, bool>(store => TicketWriter(store).SaveVerifyTicketAsync(componentAppId, ticket, validity, cancellationToken));

        public ValueTask<string?> GetPreviousVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken) =>
            InScopeAsync<IComponentVerifyTicketStore, string?>(store => store is IComponentVerifyTicketWriter writer
                ? writer.GetPreviousVerifyTicketAsync(componentAppId, cancellationToken)
                : new ValueTask<string?>((string?)null));

        public ValueTask ConfirmVerifyTicketAsync(string componentAppId, string ticket, CancellationToken cancellationToken) =>
            new ValueTask(InScopeAsync<IComponentVerifyTicketStore, bool>(async store =>
            {
                if (store is IComponentVerifyTicketWriter writer)
                {
                    await writer.ConfirmVerifyTicketAsync(componentAppId, ticket, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }).AsTask());

        public ValueTask SetRefreshTokenAsync(string authorizerAppId, string refreshToken, CancellationToken cancellationToken) =>
            new ValueTask(InScopeAsync<IAuthorizerRefreshTokenStore, bool>(async store =>
            {
                await RefreshTokenWriter(store).SetRefreshTokenAsync(authorizerAppId, refreshToken, cancellationToken).ConfigureAwait(false);
                return true;
            }).AsTask());

        public ValueTask<bool> RemoveRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken) =>
            InScopeAsync<IAuthorizerRefreshTokenStore, bool>(store => RefreshTokenWriter(store).RemoveRefreshTokenAsync(authorizerAppId, cancellationToken));

        private static IComponentVerifyTicketWriter TicketWriter(IComponentVerifyTicketStore store) => store as IComponentVerifyTicketWriter
            ?? throw new InvalidOperationException("The registered IComponentVerifyTicketStore (" + store.GetType().Name + ") does not implement IComponentVerifyTicketWriter, so pushed tickets cannot be stored.");

        private static IAuthorizerRefreshTokenWriter RefreshTokenWriter(IAuthorizerRefreshTokenStore store) => store as IAuthorizerRefreshTokenWriter
            ?? throw new InvalidOperationException("The registered IAuthorizerRefreshTokenStore (" + store.GetType().Name + ") does not implement IAuthorizerRefreshTokenWriter, so authorizations cannot be stored or dropped.");

        private async ValueTask<T> InScopeAsync<TStore, T>(Func<TStore, ValueTask<T>> operation)
            where TStore : notnull
        {
#if NET
            // Disposed asynchronously: a scoped store may be only IAsyncDisposable.
            AsyncServiceScope scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                return await operation(scope.ServiceProvider.GetRequiredService<TStore>()).ConfigureAwait(false);
            }
#else
            // netstandard2.0 has no IAsyncDisposable of its own; a store there must be IDisposable if it is disposable at all.
            using IServiceScope scope = _scopes.CreateScope();
            return await operation(scope.ServiceProvider.GetRequiredService<TStore>()).ConfigureAwait(false);
#endif
        }
    }
}
