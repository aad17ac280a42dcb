using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Authorization;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Admin
{
    /// <summary>
    /// The admin routes of the authorization flow: push the verify ticket now, revoke a merchant's authorization
    /// (pushing <c>unauthorized</c>), and list or add the merchants the authorization page offers.
    /// </summary>
    internal static class AdminAuthorization
    {
        public static async Task<AdminResponse> PushTicketAsync(EmulatorState state, CancellationToken cancellationToken)
        {
            if (state.Pushes.EventUrl == null)
            {
                throw new AdminRequestException("No ComponentEventUrl is configured: start the emulator with WeChatEmulatorOptions.ComponentEventUrl (or set WeChatEmulator.ComponentEventUrl).");
            }

            return Pushed(await state.Pushes.PushTicketAsync(cancellationToken).ConfigureAwait(false));
        }

        public static async Task<AdminResponse> RevokeAsync(EmulatorState state, JsonElement body, CancellationToken cancellationToken)
        {
            string appId = AdminApi.OptionalString(body, "authorizer_appid") ?? throw new AdminRequestException("'authorizer_appid' is required.");
            ComponentPushResult push = await AuthorizationEvents.RevokeAsync(state, appId, cancellationToken).ConfigureAwait(false)
                ?? throw new AdminRequestException("'" + appId + "' has not authorized the platform, so there is nothing to revoke.");
            return Pushed(push);
        }

        public static AdminResponse Merchants(EmulatorState state)
        {
            IReadOnlyList<Merchant> merchants = state.Authorizers.Merchants();
            return AdminResponse.Array(writer =>
            {
                foreach (Merchant merchant in merchants)
                {
                    writer.WriteStartObject();
                    writer.WriteString("appid", merchant.AppId);
                    writer.WriteString("name", merchant.Name);
                    writer.WriteBoolean("authorized", merchant.Authorized);
                    writer.WriteEndObject();
                }
            });
        }

        public static AdminResponse AddMerchant(EmulatorState state, JsonElement body)
        {
            string appId = AdminApi.OptionalString(body, "appid") ?? throw new AdminRequestException("'appid' is required.");
            state.Authorizers.AddMerchant(appId, AdminApi.OptionalString(body, "name"));
            return AdminResponse.Ok(writer => writer.WriteString("appid", appId), statusCode: 201);
        }

        private static AdminResponse Pushed(ComponentPushResult push) => AdminResponse.Ok(writer =>
        {
            writer.WriteString("infoType", push.InfoType);
            writer.WriteBoolean("succeeded", push.Succeeded);
            if (push.StatusCode is int status)
            {
                writer.WriteNumber("status", status);
                writer.WriteString("reply", push.Reply);
            }

            if (push.Error != null)
            {
                writer.WriteString("error", push.Error);
            }
        });
    }
}
