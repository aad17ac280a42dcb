using System;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Specs;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Responses;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// <c>POST /cgi-bin/component/api_component_token</c> (token-less, checked by its spec through <see cref="ComponentTokenCall"/>): checks the platform's appid (40013), appsecret (40125) and
    /// verify ticket (61006: neither the newest pushed ticket nor an older one within its 12 hours), then issues a
    /// <c>component_access_token</c>.
    /// </summary>
    internal static class ComponentTokenHandler
    {
        private static readonly string[] Fields = { "component_appid", "component_appsecret", "component_verify_ticket" };

        public static async Task<Answer> HandleAsync(EmulatorState state, Exchange exchange, CancellationToken aborted)
        {
            (Answer? rejection, string[] values) = await ComponentTokenCall.ReadAsync(state, exchange, WeChatEmulator.ComponentTokenEndpointName, Fields, aborted).ConfigureAwait(false);
            if (rejection != null)
            {
                return rejection;
            }

            ErrorMessages messages = ErrorMessages.Standard;
            WeChatEmulatorOptions options = state.Options;
            if (!string.Equals(values[0], options.ComponentAppId, StringComparison.Ordinal))
            {
                return Answer.Error(StandardErrors.InvalidAppId, messages.For(StandardErrors.InvalidAppId));
            }

            if (!string.Equals(values[1], options.ComponentAppSecret, StringComparison.Ordinal))
            {
                return Answer.Error(StandardErrors.InvalidAppSecret, messages.For(StandardErrors.InvalidAppSecret));
            }

            if (!state.Tickets.Accepts(values[2]))
            {
                return Answer.Error(StandardErrors.InvalidVerifyTicket, messages.For(StandardErrors.InvalidVerifyTicket));
            }

            IssuedToken token = state.Tokens.Issue(TokenKinds.Component, state.Options.ComponentAppId, state.TokenLifetime);
            state.Tokens.CountFetch(TokenKinds.Component);
            return Answer.Json(Answer.Object(writer =>
            {
                writer.WriteString("component_access_token", token.Value);
                writer.WriteNumber("expires_in", (long)state.TokenLifetime.TotalSeconds);
            }));
        }
    }
}
