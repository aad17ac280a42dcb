using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Authorization
{
    /// <summary>What WeChat does when a merchant authorizes the platform or revokes it, and the push that tells the platform.</summary>
    internal static class AuthorizationEvents
    {
        /// <summary>
        /// Issues the authorization code <c>api_query_auth</c> redeems (for the platform's permission sets) and pushes
        /// <c>authorized</c>, or <c>updateauthorized</c> when the merchant had authorized already.
        /// </summary>
        public static async Task<(string Code, ComponentPushResult Push)> AuthorizeAsync(EmulatorState state, string authorizerAppId, string preAuthCode, CancellationToken cancellationToken)
        {
            DateTimeOffset now = state.Options.TimeProvider.GetUtcNow();
            string infoType = state.Authorizers.IsAuthorized(authorizerAppId) ? "updateauthorized" : "authorized";
            string code = state.AuthorizationCodes.Issue(authorizerAppId, new List<int>(state.Options.PermissionSetIds), now);
            ComponentPushResult push = await state.Pushes.PushAsync(
                infoType,
                authorizerAppId,
                new[]
                {
                    Field("AuthorizerAppid", authorizerAppId),
                    Field("AuthorizationCode", code),
                    Field("AuthorizationCodeExpiredTime", (now + AuthorizationCodes.Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
                    Field("PreAuthCode", preAuthCode),
                },
                cancellationToken).ConfigureAwait(false);
            return (code, push);
        }

        /// <summary>
        /// Marks the merchant unauthorized (its refresh token answers 61003 from now on) and pushes <c>unauthorized</c>;
        /// null when it had not authorized the platform (nothing revoked, nothing pushed).
        /// </summary>
        public static async Task<ComponentPushResult?> RevokeAsync(EmulatorState state, string authorizerAppId, CancellationToken cancellationToken)
        {
            if (!state.Authorizers.Remove(authorizerAppId))
            {
                return null;
            }

            return await state.Pushes.PushAsync("unauthorized", authorizerAppId, new[] { Field("AuthorizerAppid", authorizerAppId) }, cancellationToken).ConfigureAwait(false);
        }

        private static KeyValuePair<string, string> Field(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
