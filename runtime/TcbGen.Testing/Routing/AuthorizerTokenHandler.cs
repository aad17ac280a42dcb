using System.Threading;
using System.Threading.Tasks;
using TcbGen.Specs;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Responses;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// <c>POST /cgi-bin/component/api_authorizer_token?component_access_token=X</c>: checks the component token
    /// (41001/40014/42001), the component appid (40013), the authorizer (61003) and its refresh token (61023), then issues
    /// an <c>authorizer_access_token</c> and rotates the refresh token.
    /// </summary>
    internal static class AuthorizerTokenHandler
    {
        private static readonly string[] Fields = { "component_appid", "authorizer_appid", "authorizer_refresh_token" };

        public static async Task<Answer> HandleAsync(EmulatorState state, Exchange exchange, CancellationToken aborted)
        {
            (Answer? rejection, string[] values) = await ComponentTokenCall.ReadAsync(state, exchange, WeChatEmulator.AuthorizerTokenEndpointName, Fields, aborted).ConfigureAwait(false);
            if (rejection != null)
            {
                return rejection;
            }

            string authorizerAppId = values[1];
            exchange.AuthorizerAppId = authorizerAppId;
            rejection = ComponentTokenCall.RequireComponentAppId(state, values[0]);
            if (rejection != null)
            {
                return rejection;
            }

            ErrorMessages messages = ErrorMessages.Standard;
            switch (state.Authorizers.TryRotate(authorizerAppId, values[2], out string rotated))
            {
                case RefreshOutcome.UnknownAuthorizer:
                    return Answer.Error(StandardErrors.ComponentNotAuthorized, messages.For(StandardErrors.ComponentNotAuthorized), "register the authorizer with RegisterAuthorizer first");
                case RefreshOutcome.WrongRefreshToken:
                    return Answer.Error(StandardErrors.InvalidRefreshToken, messages.For(StandardErrors.InvalidRefreshToken));
            }

            IssuedToken token = state.Tokens.Issue(TokenKinds.Authorizer, authorizerAppId, state.TokenLifetime);
            state.Tokens.CountFetch(TokenKinds.Authorizer);
            return Answer.Json(Answer.Object(writer =>
            {
                writer.WriteString("authorizer_access_token", token.Value);
                writer.WriteNumber("expires_in", (long)state.TokenLifetime.TotalSeconds);
                writer.WriteString("authorizer_refresh_token", rotated);
            }));
        }
    }
}
