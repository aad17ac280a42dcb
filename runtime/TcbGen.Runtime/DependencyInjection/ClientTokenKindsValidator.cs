using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Fails start-up when a registered client calls with a token kind that no token source serves (for example the cloud-call
    /// token with only the third-party flow chosen), instead of failing that client's first call.
    /// </summary>
    internal sealed class ClientTokenKindsValidator : IValidateOptions<ClientTokenKinds>
    {
        private readonly IServiceProvider _services;

        public ClientTokenKindsValidator(IServiceProvider services) => _services = services;

        public ValidateOptionsResult Validate(string? name, ClientTokenKinds options)
        {
            if (!TcbTokenSourceValidator.AnySourceRegistered(_services.GetRequiredService<IServiceProviderIsService>()))
            {
                return ValidateOptionsResult.Skip; // TcbTokenSourceValidator reports that no source was chosen at all.
            }

            if (_services.GetRequiredService<TransportTokenSource>().Source is not ITcbServedTokenKinds served)
            {
                return ValidateOptionsResult.Success;
            }

            List<string> unserved = options.Kinds.Where(kind => !served.Serves(kind)).Select(Describe).OrderBy(text => text, StringComparer.Ordinal).ToList();
            return unserved.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(unserved);
        }

        private static string Describe(TcbTokenKind kind) =>
            "The registered clients call endpoints that need a " + kind.Name + ", but no token source serves it: " + HowToServe(kind) + ".";

        private static string HowToServe(TcbTokenKind kind)
        {
            if (kind == TcbTokenKind.CloudbaseAccessToken)
            {
                return "call UseCloudbaseAccessToken(...) on the builder AddTcbGen returns";
            }

            if (kind == TcbTokenKind.ComponentAccessToken || kind == TcbTokenKind.AuthorizerAccessToken)
            {
                return "call UseThirdPartyPlatform(...) or UseAccessTokens(...) on the builder AddTcbGen returns";
            }

            return "call UseAccessTokenSourceFor(new TcbTokenKind(\"" + kind.Name + "\"), ...) on the builder AddTcbGen returns";
        }
    }
}
