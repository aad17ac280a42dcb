using System;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Specs;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Recording;
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
        private static readonly string[] ComponentKind = { TokenKinds.Component };
        private static readonly string[] Fields = { "component_appid", "authorization_code" };

        public static async Task<Answer> HandleAsync(EmulatorState state, Exchange exchange, CancellationToken aborted)
        {
            exchange.EndpointName = WeChatEmulator.QueryAuthEndpointName;
            exchange.RecordedBody = Redaction.TokenBody(exchange.BodyText);
            ErrorMessages messages = ErrorMessages.Standard;
            JsonDocument? document = null;
            Answer? rejection = CommonChecks.RequirePost(exchange, messages)
                ?? CommonChecks.CheckToken(exchange, state.Tokens, "component_access_token", ComponentKind, messages)
                ?? await CommonChecks.ApplyFaultAsync(state.Faults, WeChatEmulator.QueryAuthEndpointName, messages, aborted).ConfigureAwait(false)
                ?? CommonChecks.ParseBody(exchange, messages, out document);
            if (rejection != null)
            {
                return rejection;
            }

            string[] values;
            using (document)
            {
                rejection = TokenRequestBody.ReadStrings(document!.RootElement, Fields, out values);
                if (rejection != null)
                {
                    return rejection;
                }
            }

            if (!string.Equals(values[0], state.Options.ComponentAppId, StringComparison.Ordinal))
            {
                return Answer.Error(StandardErrors.InvalidAppId, messages.For(StandardErrors.InvalidAppId));
            }

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
