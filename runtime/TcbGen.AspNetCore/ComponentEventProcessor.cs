using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TcbGen.Runtime;

namespace TcbGen.AspNetCore
{
    /// <summary>
    /// Acts on decrypted authorization events: stores tickets, exchanges authorization codes, drops revoked accounts and
    /// raises the user hooks, each at most once per push (WeChat retries) and once per code (push and redirect).
    /// </summary>
    internal sealed class ComponentEventProcessor
    {
        private readonly IServiceProvider _services;
        private readonly TcbThirdPartyTokenSource _tokens;
        private readonly ILogger _logger;
        private readonly RecentWork<bool> _pushes;
        private readonly RecentWork<TcbAuthorizationInfo> _exchanges;

        public ComponentEventProcessor(IServiceProvider services, TcbThirdPartyTokenSource tokens, IOptions<TcbComponentEventsOptions> options, ILogger<ComponentEventProcessor> logger)
        {
            _services = services;
            _tokens = tokens;
            _logger = logger;
            TimeProvider time = services.GetService<TimeProvider>() ?? TimeProvider.System;
            _pushes = new RecentWork<bool>(time, options.Value.DuplicateWindow);
            _exchanges = new RecentWork<TcbAuthorizationInfo>(time, options.Value.DuplicateWindow);
        }

        /// <summary>Handles one decrypted push; throws when it must be pushed again (a store or WeChat failed).</summary>
        public async Task HandlePushAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
        {
            string infoType = Field(fields, "InfoType") ?? string.Empty;
            string key = infoType + "|" + Field(fields, "CreateTime") + "|" + (Field(fields, "ComponentVerifyTicket") ?? Field(fields, "AuthorizationCode") ?? Field(fields, "AuthorizerAppid"));
            (_, bool first) = await _pushes.RunOnceAsync(key, () => ActAsync(infoType, fields, cancellationToken)).ConfigureAwait(false);
            if (first)
            {
                ComponentEventLog.Handled(_logger, infoType);
            }
            else
            {
                ComponentEventLog.Duplicate(_logger, infoType);
            }
        }

        /// <summary>Exchanges an authorization code once (shared by the push and the redirect) and raises the hook once.</summary>
        public async Task<TcbAuthorizationInfo> ExchangeOnceAsync(string authorizationCode, CancellationToken cancellationToken)
        {
            (TcbAuthorizationInfo info, bool first) = await _exchanges.RunOnceAsync("code|" + authorizationCode, () => _tokens.ExchangeAuthorizationCodeAsync(authorizationCode, CancellationToken.None)).ConfigureAwait(false);
            if (first)
            {
                foreach (ITcbComponentEventHandler handler in Handlers())
                {
                    await handler.OnAuthorizedAsync(info, cancellationToken).ConfigureAwait(false);
                }
            }

            return info;
        }

        private async Task<bool> ActAsync(string infoType, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
        {
            switch (infoType)
            {
                case "component_verify_ticket":
                    await _tokens.SaveVerifyTicketAsync(Require(fields, "ComponentVerifyTicket"), cancellationToken).ConfigureAwait(false);
                    return true;
                case "authorized":
                case "updateauthorized":
                    await ExchangePushedCodeAsync(fields, cancellationToken).ConfigureAwait(false);
                    return true;
                case "unauthorized":
                    string authorizerAppId = Require(fields, "AuthorizerAppid");
                    await _tokens.DropAuthorizerAsync(authorizerAppId, cancellationToken).ConfigureAwait(false);
                    foreach (ITcbComponentEventHandler handler in Handlers())
                    {
                        await handler.OnUnauthorizedAsync(authorizerAppId, cancellationToken).ConfigureAwait(false);
                    }

                    return true;
                default:
                    ComponentEventLog.UnknownInfoType(_logger, infoType);
                    foreach (ITcbComponentEventHandler handler in Handlers())
                    {
                        await handler.OnOtherEventAsync(infoType, fields, cancellationToken).ConfigureAwait(false);
                    }

                    return true;
            }
        }

        private async Task ExchangePushedCodeAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
        {
            string code = Require(fields, "AuthorizationCode");
            try
            {
                await ExchangeOnceAsync(code, cancellationToken).ConfigureAwait(false);
            }
            catch (TcbApiException used) when (used.ErrorCode == 61009 || used.ErrorCode == 61010)
            {
                // Another instance (its redirect or an earlier delivery of this push) redeemed the code: done if it stored the token.
                string authorizerAppId = Require(fields, "AuthorizerAppid");
                using IServiceScope scope = _services.CreateScope();
                IAuthorizerRefreshTokenStore store = scope.ServiceProvider.GetRequiredService<IAuthorizerRefreshTokenStore>();
                if (await store.GetRefreshTokenAsync(authorizerAppId, cancellationToken).ConfigureAwait(false) is null)
                {
                    throw;
                }

                ComponentEventLog.ExchangedElsewhere(_logger, authorizerAppId);
            }
        }

        private IEnumerable<ITcbComponentEventHandler> Handlers() => _services.GetServices<ITcbComponentEventHandler>();

        private static string? Field(IReadOnlyDictionary<string, string> fields, string name) =>
            fields.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;

        private static string Require(IReadOnlyDictionary<string, string> fields, string name) =>
            Field(fields, name) ?? throw new TcbMessageRejectedException(TcbMessageRejection.MissingField, "The push has no " + name + ".");
    }
}
