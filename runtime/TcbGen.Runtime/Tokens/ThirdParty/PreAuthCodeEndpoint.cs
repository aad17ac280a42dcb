using System.Net.Http;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>The body of <c>api_create_preauthcode</c>.</summary>
    internal sealed class PreAuthCodeRequest
    {
        public PreAuthCodeRequest(string componentAppId)
        {
            ComponentAppId = componentAppId;
        }

        public string ComponentAppId { get; }

        public override string ToString() => nameof(PreAuthCodeRequest) + " { ComponentAppId = " + ComponentAppId + " }";
    }

    /// <summary>What <c>api_create_preauthcode</c> answers: the code and its lifetime.</summary>
    internal sealed class PreAuthCodeResponse : TcbResponse
    {
        public string? PreAuthCode { get; set; }

        public int ExpiresIn { get; set; }

        public override string ToString() => nameof(PreAuthCodeResponse) + " { ExpiresIn = " + ExpiresIn + " }";
    }

    /// <summary>
    /// <c>POST /cgi-bin/component/api_create_preauthcode?component_access_token=</c>: a pre-authorization code for the
    /// authorization link. Its spec is <c>specs/component/api_create_preauthcode.tcb.json</c>; a test
    /// (<c>ThirdPartyEndpointsMatchSpecsTests</c>) fails when this description and the spec differ.
    /// </summary>
    internal static class PreAuthCodeEndpoint
    {
        public const string Name = "api_create_preauthcode";

        // Not retry-safe: each call creates a code (and counts against the quota).
        public static readonly TcbEndpoint<PreAuthCodeRequest, PreAuthCodeResponse> Descriptor = new TcbEndpoint<PreAuthCodeRequest, PreAuthCodeResponse>(
            Name,
            "/cgi-bin/component/api_create_preauthcode",
            HttpMethod.Post,
            isRetrySafe: false,
            static (writer, request) =>
            {
                writer.WriteStartObject();
                writer.WriteString("component_appid", request.ComponentAppId);
                writer.WriteEndObject();
            },
            null,
            static (ref Utf8JsonReader reader) => Read(ref reader),
            static (code, message) => new TcbApiException(Name, code, message, null),
            null,
            TokenEndpoints.ComponentTokenParameter);

        private static PreAuthCodeResponse Read(ref Utf8JsonReader reader)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("Expected a JSON object.");
            }

            var response = new PreAuthCodeResponse();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (name == "pre_auth_code" && reader.TokenType == JsonTokenType.String)
                {
                    response.PreAuthCode = reader.GetString();
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

            if (response.ErrorCode == 0 && (string.IsNullOrEmpty(response.PreAuthCode) || response.ExpiresIn <= 0))
            {
                throw new JsonException("The answer lacks pre_auth_code or expires_in.");
            }

            return response;
        }
    }
}
