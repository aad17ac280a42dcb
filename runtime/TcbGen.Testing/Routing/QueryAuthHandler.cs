using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Specs;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Responses;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// <c>POST /cgi-bin/component/api_query_auth?component_access_token=X</c>: redeems an authorization code once
    /// (61009 unknown or used, 61010 expired), registers the account with a fresh refresh token and issues its access token.
    /// </summary>
    internal static class QueryAuthHandler
    {
        private static readonly string[] Fields = { "component_appid", "authorization_code" };

        public static async Task<Answer> HandleAsync(EmulatorState state, Exchange exchange, CancellationToken aborted)
        {
            (Answer? rejection, string[] values) = await ComponentTokenCall.ReadAsync(state, exchange, WeChatEmulator.QueryAuthEndpointName, Fields, aborted).ConfigureAwait(false);
            rejection ??= ComponentTokenCall.RequireComponentAppId(state, values[0]);
            if (rejection != null)
            {
                return rejection;
            }

            ErrorMessages messages = ErrorMessages.Standard;
            switch (state.AuthorizationCodes.TryRedeem(values[1], state.Options.TimeProvider.GetUtcNow(), out AuthorizationGrant? grant))
            {
                case CodeOutcome.Unknown:
                    return Answer.Error(StandardErrors.InvalidAuthorizationCode, messages.For(StandardErrors.InvalidAuthorizationCode));
                case CodeOutcome.Expired:
                    return Answer.Error(StandardErrors.ExpiredAuthorizationCode, messages.For(StandardErrors.ExpiredAuthorizationCode));
                case CodeOutcome.Redeemed:
                    break;
            }

            string authorizerAppId = grant!.AuthorizerAppId;
            exchange.AuthorizerAppId = authorizerAppId;
            string refreshToken = "refreshtoken@@@" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
            state.Authorizers.Register(authorizerAppId, refreshToken);
            IssuedToken token = state.Tokens.Issue(TokenKinds.Authorizer, authorizerAppId, state.TokenLifetime);
            return Answer.Json(Answer.Object(writer =>
            {
                writer.WriteStartObject("authorization_info");
                writer.WriteString("authorizer_appid", authorizerAppId);
                writer.WriteString("authorizer_access_token", token.Value);
                writer.WriteNumber("expires_in", (long)state.TokenLifetime.TotalSeconds);
                writer.WriteString("authorizer_refresh_token", refreshToken);
                writer.WriteStartArray("func_info");
                foreach (int id in grant.PermissionSetIds)
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("funcscope_category");
                    writer.WriteNumber("id", id);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }));
        }
    }
}
