using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace TcbGen.Runtime
{
    /// <summary>Checks that the third-party flow has the component appid and appsecret it needs.</summary>
    internal sealed class TcbThirdPartyOptionsValidator : IValidateOptions<TcbGenOptions>
    {
        public ValidateOptionsResult Validate(string? name, TcbGenOptions options)
        {
            var failures = new List<string>();
            if (string.IsNullOrEmpty(options?.ThirdParty?.ComponentAppId))
            {
                failures.Add("ThirdParty.ComponentAppId is required by the third-party token flow.");
            }

            if (string.IsNullOrEmpty(options?.ThirdParty?.ComponentAppSecret))
            {
                failures.Add("ThirdParty.ComponentAppSecret is required by the third-party token flow.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
