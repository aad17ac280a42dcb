using System;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime;

namespace TcbGen.Sample
{
    /// <summary>
    /// How an application wires TcbGen: AddTcbGen with the third-party token flow, then the generated clients; in a cloud-hosting
    /// container also the cloud-call token, from the file WeChat pushes (by default /.tencentcloudbase/wx/cloudbase_access_token).
    /// </summary>
    internal static class ClientSetup
    {
        public static ServiceProvider Build(Uri baseAddress, string componentAppId, string componentAppSecret, InMemoryTokenStores stores, string? cloudbaseTokenFile = null)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IComponentVerifyTicketStore>(stores);
            services.AddSingleton<IAuthorizerRefreshTokenStore>(stores);
            services.AddTcbGen(options =>
                {
                    options.BaseAddress = baseAddress;
                    options.ThirdParty.ComponentAppId = componentAppId;
                    options.ThirdParty.ComponentAppSecret = componentAppSecret;
                    options.Retry.BaseDelay = TimeSpan.FromMilliseconds(50);
                })
                .UseThirdPartyPlatform()
                .UseCloudbaseAccessToken(options => options.FilePath = cloudbaseTokenFile ?? TcbCloudbaseTokenOptions.DefaultFilePath);
            return services.BuildServiceProvider(validateScopes: true);
        }
    }
}
