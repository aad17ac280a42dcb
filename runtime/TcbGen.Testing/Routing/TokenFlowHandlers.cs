using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Responses;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// The token-flow endpoints that keep state (tickets, refresh tokens, authorization codes), by endpoint name: routed
    /// by their specs' paths (<c>specs/component/</c>), checked by <see cref="ComponentTokenCall"/> against the spec, then
    /// answered here. Every other token-flow endpoint answers as its spec says.
    /// </summary>
    internal static class TokenFlowHandlers
    {
        private static readonly Dictionary<string, Handler> ByName = new Dictionary<string, Handler>(StringComparer.Ordinal)
        {
            [WeChatEmulator.ComponentTokenEndpointName] = new Handler(ComponentTokenHandler.HandleAsync, "issues component_access_token for the configured appid, appsecret and verify ticket"),
            [WeChatEmulator.AuthorizerTokenEndpointName] = new Handler(AuthorizerTokenHandler.HandleAsync, "issues authorizer_access_token for a registered authorizer and rotates its refresh token"),
            [WeChatEmulator.QueryAuthEndpointName] = new Handler(QueryAuthHandler.HandleAsync, "redeems an authorization code once: registers the authorizer with a new refresh token"),
            [WeChatEmulator.PreAuthCodeEndpointName] = new Handler(PreAuthCodeHandler.HandleAsync, "issues pre-authorization codes (1800 s, one authorization each) that the authorization page accepts"),
        };

        /// <summary>The handler of a token-flow endpoint, or null when its spec's example answers it.</summary>
        public static Func<EmulatorState, Exchange, CancellationToken, Task<Answer>>? For(string endpointName) =>
            ByName.TryGetValue(endpointName, out Handler? handler) ? handler.HandleAsync : null;

        /// <summary>What each stateful token-flow endpoint keeps, for <see cref="WeChatEmulator.StatefulEndpoints"/>.</summary>
        public static IEnumerable<KeyValuePair<string, string>> Roles()
        {
            foreach (KeyValuePair<string, Handler> entry in ByName)
            {
                yield return new KeyValuePair<string, string>(entry.Key, entry.Value.Role);
            }
        }

        private sealed record Handler(Func<EmulatorState, Exchange, CancellationToken, Task<Answer>> HandleAsync, string Role);
    }
}
