using System.Net.Http;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>The body of <c>api_component_token</c>.</summary>
    internal sealed class ComponentTokenRequest
    {
        public ComponentTokenRequest(string componentAppId, string componentAppSecret, string verifyTicket)
        {
            ComponentAppId = componentAppId;
            ComponentAppSecret = componentAppSecret;
            VerifyTicket = verifyTicket;
        }

        public string ComponentAppId { get; }

        public string ComponentAppSecret { get; }

        public string VerifyTicket { get; }

        public override string ToString() => nameof(ComponentTokenRequest) + " { ComponentAppId = " + ComponentAppId + " }";
    }

    /// <summary>The body of <c>api_authorizer_token</c>.</summary>
    internal sealed class AuthorizerTokenRequest
    {
        public AuthorizerTokenRequest(string componentAppId, string authorizerAppId, string refreshToken)
        {
            ComponentAppId = componentAppId;
            AuthorizerAppId = authorizerAppId;
            RefreshToken = refreshToken;
        }

        public string ComponentAppId { get; }

        public string AuthorizerAppId { get; }

        public string RefreshToken { get; }

        public override string ToString() => nameof(AuthorizerTokenRequest) + " { AuthorizerAppId = " + AuthorizerAppId + " }";
    }

    /// <summary>What the token endpoints answer: a token, its lifetime and (for authorizers) the refresh token to keep.</summary>
    internal sealed class TokenResponse : TcbResponse
    {
        public string? AccessToken { get; set; }

        public int ExpiresIn { get; set; }

        public string? RefreshToken { get; set; }

        public override string ToString() => nameof(TokenResponse) + " { ExpiresIn = " + ExpiresIn + " }";
    }

    /// <summary>
    /// The two WeChat third-party-platform token endpoints, described like generated endpoints. Their specs are
    /// <c>specs/component/api_component_token.tcb.json</c> and <c>api_authorizer_token.tcb.json</c>; a test
    /// (<c>ThirdPartyEndpointsMatchSpecsTests</c>) fails when this description and the spec differ.
    /// </summary>
    internal static class TokenEndpoints
    {
        /// <summary>The URL parameter the <c>/cgi-bin/component/</c> endpoints take the component token as (their specs' <c>tokenParameter</c>).</summary>
        public const string ComponentTokenParameter = "component_access_token";

        // Token-less (the spec's "tokenless": true): the token source sends it without a token parameter.
        public static readonly TcbEndpoint<ComponentTokenRequest, TokenResponse> ComponentToken = new TcbEndpoint<ComponentTokenRequest, TokenResponse>(
            "api_component_token",
            "/cgi-bin/component/api_component_token",
            HttpMethod.Post,
            isRetrySafe: true,
            static (writer, request) =>
            {
                writer.WriteStartObject();
                writer.WriteString("component_appid", request.ComponentAppId);
                writer.WriteString("component_appsecret", request.ComponentAppSecret);
                writer.WriteString("component_verify_ticket", request.VerifyTicket);
                writer.WriteEndObject();
            },
            null,
            static (ref Utf8JsonReader reader) => ReadToken(ref reader, "component_access_token"),
            static (code, message) => new TcbApiException("api_component_token", code, message, null),
            new[] { "component_access_token", "component_appsecret", "component_verify_ticket" },
            null);

        public static readonly TcbEndpoint<AuthorizerTokenRequest, TokenResponse> AuthorizerToken = new TcbEndpoint<AuthorizerTokenRequest, TokenResponse>(
            "api_authorizer_token",
            "/cgi-bin/component/api_authorizer_token",
            HttpMethod.Post,
            isRetrySafe: true,
            static (writer, request) =>
            {
                writer.WriteStartObject();
                writer.WriteString("component_appid", request.ComponentAppId);
                writer.WriteString("authorizer_appid", request.AuthorizerAppId);
                writer.WriteString("authorizer_refresh_token", request.RefreshToken);
                writer.WriteEndObject();
            },
            null,
            static (ref Utf8JsonReader reader) => ReadToken(ref reader, "authorizer_access_token"),
            static (code, message) => new TcbApiException("api_authorizer_token", code, message, null),
            new[] { "authorizer_access_token", "authorizer_refresh_token" },
            ComponentTokenParameter);

        private static TokenResponse ReadToken(ref Utf8JsonReader reader, string tokenField)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected a JSON object.");
            }

            var response = new TokenResponse();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (name == tokenField && reader.TokenType == JsonTokenType.String)
                {
                    response.AccessToken = reader.GetString();
                }
                else if (name == "authorizer_refresh_token" && reader.TokenType == JsonTokenType.String)
                {
                    response.RefreshToken = reader.GetString();
                }
                else if (name == "expires_in" && reader.TokenType == JsonTokenType.Number)
                {
                    response.ExpiresIn = reader.GetInt32();
                }
                else if (name == "errcode" && reader.TokenType == JsonTokenType.Number)
                {
                    response.ErrorCode = reader.GetInt32();
                }
                else if (name == "errmsg" && reader.TokenType == JsonTokenType.String)
                {
                    response.ErrorMessage = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (response.ErrorCode == 0 && (string.IsNullOrEmpty(response.AccessToken) || response.ExpiresIn <= 0))
            {
                throw new JsonException("The answer lacks " + tokenField + " or expires_in.");
            }

            return response;
        }
    }
}
