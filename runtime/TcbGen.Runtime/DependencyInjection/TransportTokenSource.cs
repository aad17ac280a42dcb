using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The source the transport asks, built once: the registered <see cref="ITcbAccessTokenSource"/> alone, or, when sources
    /// are registered per kind, a <see cref="TcbTokenSourcesByKind"/> with it as the fallback.
    /// </summary>
    internal sealed class TransportTokenSource
    {
        public TransportTokenSource(IServiceProvider services)
        {
            ITcbAccessTokenSource? fallback = services.GetService<ITcbAccessTokenSource>();
            List<TokenSourceForKind> byKind = services.GetServices<TokenSourceForKind>().ToList();
            if (byKind.Count == 0)
            {
                Source = fallback ?? throw new InvalidOperationException(
                    "No ITcbAccessTokenSource is registered: call UseThirdPartyPlatform(), UseAccessTokens(...), UseAccessTokenSource(...) or UseCloudbaseAccessToken(...) on the builder AddTcbGen returns.");
                return;
            }

            Source = new TcbTokenSourcesByKind(byKind.Select(r => new KeyValuePair<TcbTokenKind, ITcbAccessTokenSource>(r.Kind, r.Factory(services))), fallback);
        }

        public ITcbAccessTokenSource Source { get; }
    }
}
