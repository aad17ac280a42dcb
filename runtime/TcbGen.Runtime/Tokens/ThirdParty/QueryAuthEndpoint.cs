using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>The body of <c>api_query_auth</c>.</summary>
    internal sealed class QueryAuthRequest
    {
        public QueryAuthRequest(string componentAppId, string authorizationCode)
        {
            ComponentAppId = componentAppId;
            AuthorizationCode = authorizationCode;
        }

        public string ComponentAppId { get; }

        public string AuthorizationCode { get; }

        public override string ToString() => nameof(QueryAuthRequest) + " { ComponentAppId = " + ComponentAppId + " }";
    }

    /// <summary>What <c>api_query_auth</c> answers: <c>authorization_info</c> with the account's tokens and granted sets.</summary>
    internal sealed class QueryAuthResponse : TcbResponse
    {
        public string? AuthorizerAppId { get; set; }

        public string? AccessToken { get; set; }

        public int ExpiresIn { get; set; }

        public string? RefreshToken { get; set; }

        public List<int> PermissionSetIds { get; } = new List<int>();

        public override string ToString() => nameof(QueryAuthResponse) + " { AuthorizerAppId = " + AuthorizerAppId + " }";
    }

    /// <summary>
    /// <c>POST /cgi-bin/component/api_query_auth?component_access_token=</c>: an authorization code for the account's
    /// tokens. Its spec is <c>specs/component/api_query_auth.tcb.json</c>; a test (<c>ThirdPartyEndpointsMatchSpecsTests</c>)
    /// fails when this description and the spec differ.
    /// </summary>
    internal static class QueryAuthEndpoint
    {
        public const string Name = "api_query_auth";

        // Not retry-safe: an authorization code is used once, and a repeated exchange answers 61010 / 61009.
        public static readonly TcbEndpoint<QueryAuthRequest, QueryAuthResponse> Descriptor = new TcbEndpoint<QueryAuthRequest, QueryAuthResponse>(
            Name,
            "/cgi-bin/component/api_query_auth",
            HttpMethod.Post,
            isRetrySafe: false,
            static (writer, request) =>
            {
                writer.WriteStartObject();
                writer.WriteString("component_appid", request.ComponentAppId);
                writer.WriteString("authorization_code", request.AuthorizationCode);
                writer.WriteEndObject();
            },
            null,
            static (ref Utf8JsonReader reader) => Read(ref reader),
            static (code, message) => new TcbApiException(Name, code, message, null),
            new[] { "authorization_code", "authorizer_access_token", "authorizer_refresh_token" },
            TokenEndpoints.ComponentTokenParameter);

        private static QueryAuthResponse Read(ref Utf8JsonReader reader)
        {
            ExpectStartObject(ref reader);
            var response = new QueryAuthResponse();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (name == "authorization_info" && reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadInfo(ref reader, response);
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

            if (response.ErrorCode == 0 && (string.IsNullOrEmpty(response.AuthorizerAppId) || string.IsNullOrEmpty(response.RefreshToken)))
            {
                throw new JsonException("The answer lacks authorization_info.authorizer_appid or authorizer_refresh_token.");
            }

            return response;
        }

        private static void ReadInfo(ref Utf8JsonReader reader, QueryAuthResponse response)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "authorizer_appid" when reader.TokenType == JsonTokenType.String:
                        response.AuthorizerAppId = reader.GetString();
                        break;
                    case "authorizer_access_token" when reader.TokenType == JsonTokenType.String:
                        response.AccessToken = reader.GetString();
                        break;
                    case "authorizer_refresh_token" when reader.TokenType == JsonTokenType.String:
                        response.RefreshToken = reader.GetString();
                        break;
                    case "expires_in" when reader.TokenType == JsonTokenType.Number:
                        response.ExpiresIn = reader.GetInt32();
                        break;
                    case "func_info" when reader.TokenType == JsonTokenType.StartArray:
                        ReadPermissionSets(ref reader, response.PermissionSetIds);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }

        /// <summary><c>[{"funcscope_category":{"id":1}}, …]</c> → the ids.</summary>
        private static void ReadPermissionSets(ref Utf8JsonReader reader, List<int> ids)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = reader.GetString()!;
                    reader.Read();
                    if (name == "funcscope_category" && reader.TokenType == JsonTokenType.StartObject)
                    {
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            string inner = reader.GetString()!;
                            reader.Read();
                            if (inner == "id" && reader.TokenType == JsonTokenType.Number)
                            {
                                ids.Add(reader.GetInt32());
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }

        private static void ExpectStartObject(ref Utf8JsonReader reader)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected a JSON object.");
            }
        }
    }
}
