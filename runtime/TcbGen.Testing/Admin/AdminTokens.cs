using System.Text.Json;
using TcbGen.Testing.Emulator;

namespace TcbGen.Testing.Admin
{
    /// <summary><c>POST /__admin/tokens</c>: a token of any kind (a cloud-call token with its <c>env</c>), so a test needs no token flow to call an endpoint.</summary>
    internal static class AdminTokens
    {
        public static AdminResponse Issue(EmulatorState state, JsonElement body)
        {
            string kind = AdminApi.OptionalString(body, "kind") ?? throw new AdminRequestException("'kind' is required, e.g. authorizer_access_token.");
            string? appId = AdminApi.OptionalString(body, "appid");
            string? env = AdminApi.OptionalString(body, "env");
            string token = state.Tokens.Issue(kind, appId, state.TokenLifetime, env).Value;
            return AdminResponse.Ok(
                writer =>
                {
                    writer.WriteString("access_token", token);
                    writer.WriteNumber("expires_in", (long)state.TokenLifetime.TotalSeconds);
                },
                statusCode: 201);
        }
    }
}
