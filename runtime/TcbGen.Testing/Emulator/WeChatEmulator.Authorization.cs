using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Authorization;

namespace TcbGen.Testing
{
    /// <content>WeChat's side of the authorization flow: pushes to the platform, the authorization page, revocation.</content>
    public sealed partial class WeChatEmulator
    {
        /// <summary>
        /// The authorization page of the PC link (<c>?component_appid&amp;pre_auth_code&amp;redirect_uri&amp;auth_type&amp;biz_appid</c>),
        /// on <see cref="BaseAddress"/>.
        /// </summary>
        public const string AuthorizationPagePath = "/cgi-bin/componentloginpage";

        /// <summary>The authorization page of the mobile link (<c>?action=bindcomponent&amp;no_scan=1&amp;</c> and the same parameters).</summary>
        public const string MobileAuthorizationPagePath = "/wxaopen/safe/bindcomponent";

        /// <summary>
        /// The platform's authorization-event URL that pushes go to (initially <see cref="WeChatEmulatorOptions.ComponentEventUrl"/>).
        /// Setting a URL pushes the verify ticket right away and restarts the periodic push, as when WeChat approves a
        /// platform; useful when the platform starts after the emulator and only then knows its own address.
        /// </summary>
        public Uri? ComponentEventUrl
        {
            get => _state.Pushes.EventUrl;
            set => _state.Pushes.EventUrl = value;
        }

        /// <summary>Every push made so far (periodic, on demand, on authorization and revocation), oldest first, with the platform's answer.</summary>
        public IReadOnlyList<ComponentPushResult> ComponentPushes => _state.Pushes.Results;

        /// <summary>
        /// Pushes <see cref="ComponentVerifyTicket"/> now, encrypted and signed as WeChat does (also <c>POST /__admin/pushes/component_verify_ticket</c>).
        /// </summary>
        /// <param name="cancellationToken">Cancels the push.</param>
        /// <returns>How the platform answered; <see cref="ComponentPushResult.Succeeded"/> when it replied <c>success</c>.</returns>
        /// <exception cref="InvalidOperationException">No <see cref="ComponentEventUrl"/> is configured.</exception>
        public Task<ComponentPushResult> PushComponentVerifyTicketAsync(CancellationToken cancellationToken = default)
        {
            if (ComponentEventUrl == null)
            {
                throw new InvalidOperationException("Set WeChatEmulatorOptions.ComponentEventUrl (or WeChatEmulator.ComponentEventUrl) to the platform's authorization-event URL first.");
            }

            return _state.Pushes.PushTicketAsync(cancellationToken);
        }

        /// <summary>
        /// Makes an account one of the merchants the authorization page offers, not yet authorized (a known one only gets
        /// the new name). <see cref="RegisterAuthorizer"/> adds its account too. Also <c>POST /__admin/merchants</c>.
        /// </summary>
        /// <param name="appId">The mini program's appid.</param>
        /// <param name="name">The name the page shows; default the appid.</param>
        public void AddMerchant(string appId, string? name = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(appId);
            _state.Authorizers.AddMerchant(appId, name);
        }

        /// <summary>
        /// Revokes a merchant's authorization as the merchant would in WeChat: its refresh token stops working
        /// (<c>api_authorizer_token</c> answers 61003) and <c>unauthorized</c> is pushed to <see cref="ComponentEventUrl"/>.
        /// It stays a merchant, so the page can authorize it again (pushing <c>authorized</c>). Also <c>POST /__admin/authorizers/revoke</c>.
        /// </summary>
        /// <param name="authorizerAppId">An authorized merchant's appid.</param>
        /// <param name="cancellationToken">Cancels the push (the revocation stands).</param>
        /// <returns>How the platform answered the push (with <see cref="ComponentPushResult.Error"/> set when no URL is configured).</returns>
        /// <exception cref="ArgumentException">The account has not authorized the platform.</exception>
        public async Task<ComponentPushResult> RevokeAuthorizationAsync(string authorizerAppId, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrEmpty(authorizerAppId);
            return await AuthorizationEvents.RevokeAsync(_state, authorizerAppId, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException("'" + authorizerAppId + "' has not authorized the platform, so there is nothing to revoke.", nameof(authorizerAppId));
        }
    }
}
