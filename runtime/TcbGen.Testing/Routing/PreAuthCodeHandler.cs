using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Authorization;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Responses;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// <c>POST /cgi-bin/component/api_create_preauthcode?component_access_token=X</c> <c>{"component_appid"}</c>: issues a
    /// pre-auth code for the authorization page, valid 1800 seconds and for one authorization.
    /// </summary>
    internal static class PreAuthCodeHandler
    {
        private static readonly string[] Fields = { "component_appid" };

        public static async Task<Answer> HandleAsync(EmulatorState state, Exchange exchange, CancellationToken aborted)
        {
            (Answer? rejection, string[] values) = await ComponentTokenCall.ReadAsync(state, exchange, WeChatEmulator.PreAuthCodeEndpointName, Fields, aborted).ConfigureAwait(false);
            rejection ??= ComponentTokenCall.RequireComponentAppId(state, values[0]);
            if (rejection != null)
            {
                return rejection;
            }

            string code = state.PreAuthCodes.Issue(state.Options.TimeProvider.GetUtcNow());
            return Answer.Json(Answer.Object(writer =>
            {
                writer.WriteString("pre_auth_code", code);
                writer.WriteNumber("expires_in", (long)PreAuthCodes.Lifetime.TotalSeconds);
            }));
        }
    }
}
