using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Checks on start (<c>ValidateOnStart</c>) that the third-party flow has what it needs: the component appid and
    /// appsecret, and both stores registered; each failure names the fix.
    /// </summary>
    internal sealed class TcbThirdPartyOptionsValidator : IValidateOptions<TcbGenOptions>
    {
        private readonly IServiceProviderIsService? _registered;

        public TcbThirdPartyOptionsValidator()
        {
        }

        public TcbThirdPartyOptionsValidator(IServiceProviderIsService registered) => _registered = registered;

        public ValidateOptionsResult Validate(string? name, TcbGenOptions options)
        {
            var failures = new List<string>();
            if (string.IsNullOrEmpty(options?.ThirdParty?.ComponentAppId))
            {
                failures.Add("ThirdParty.ComponentAppId is required by the third-party token flow (set TcbGen:ThirdParty:ComponentAppId).");
            }

            if (string.IsNullOrEmpty(options?.ThirdParty?.ComponentAppSecret))
            {
                failures.Add("ThirdParty.ComponentAppSecret is required by the third-party token flow (set TcbGen:ThirdParty:ComponentAppSecret).");
            }

            if (_registered != null && !_registered.IsService(typeof(IComponentVerifyTicketStore)))
            {
                failures.Add("No IComponentVerifyTicketStore is registered: the third-party token flow reads the component_verify_ticket from it. "
                    + "Register yours (services.AddSingleton or AddScoped<IComponentVerifyTicketStore, MyStore>()) or call UseThirdPartyPlatform<TTicketStore, TRefreshTokenStore>().");
            }

            if (_registered != null && !_registered.IsService(typeof(IAuthorizerRefreshTokenStore)))
            {
                failures.Add("No IAuthorizerRefreshTokenStore is registered: the third-party token flow reads and rotates each authorizer's refresh token in it. "
                    + "Register yours (services.AddSingleton or AddScoped<IAuthorizerRefreshTokenStore, MyStore>()), call UseThirdPartyPlatform<TTicketStore, TRefreshTokenStore>(), or UseRedis(...).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
