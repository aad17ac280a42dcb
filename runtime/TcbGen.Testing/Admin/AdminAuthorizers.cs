using System.Text.Json;
using TcbGen.Testing.Emulator;

namespace TcbGen.Testing.Admin
{
    /// <summary>
    /// <c>POST /__admin/authorizers</c> <c>{"appid":"wx...","refresh_token":"..."}</c>: registers an authorizer, or
    /// re-registers one whose refresh token a program lost (WeChat rotates it on every use), so its next
    /// <c>api_authorizer_token</c> call with that refresh token succeeds again.
    /// </summary>
    internal static class AdminAuthorizers
    {
        public static AdminResponse Register(EmulatorState state, JsonElement body)
        {
            string appId = AdminApi.OptionalString(body, "appid") is { Length: > 0 } given ? given : throw new AdminRequestException("'appid' is required: the authorizer's appid, e.g. wx-authorizer-demo.");
            string refreshToken = AdminApi.OptionalString(body, "refresh_token") is { Length: > 0 } token ? token : throw new AdminRequestException("'refresh_token' is required: the refresh token the authorizer's next api_authorizer_token call will present.");
            bool known = state.Authorizers.CurrentRefreshToken(appId) != null;
            state.Authorizers.Register(appId, refreshToken);
            return AdminResponse.Ok(
                writer =>
                {
                    writer.WriteString("appid", appId);
                    writer.WriteBoolean("replaced", known);
                },
                statusCode: 200);
        }
    }
}
