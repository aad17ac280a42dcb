using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TcbGen.Runtime
{
    /// <summary>Checks on start (<c>ValidateOnStart</c>) that a token source was chosen (for every kind, or for some kinds), rather than at the first call.</summary>
    internal sealed class TcbTokenSourceValidator : IValidateOptions<TcbGenOptions>
    {
        internal const string NoSourceMessage =
            "No ITcbAccessTokenSource is registered: call UseThirdPartyPlatform(), UseAccessTokens(...), UseAccessTokenSource(...) or UseCloudbaseAccessToken(...) on the builder AddTcbGen returns.";

        private readonly IServiceProviderIsService _registered;

        public TcbTokenSourceValidator(IServiceProviderIsService registered) => _registered = registered;

        public ValidateOptionsResult Validate(string? name, TcbGenOptions options) =>
            AnySourceRegistered(_registered) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(NoSourceMessage);

        /// <summary>Whether a token source was chosen: one for every kind, or one for some kinds.</summary>
        internal static bool AnySourceRegistered(IServiceProviderIsService registered) =>
            registered.IsService(typeof(ITcbAccessTokenSource)) || registered.IsService(typeof(TokenSourceForKind));
    }
}
