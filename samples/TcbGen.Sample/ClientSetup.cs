using System;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime;
using TcbGen.Sample.Tcb;

namespace TcbGen.Sample
{
    /// <summary>How an application wires TcbGen: AddTcbGen with the third-party token flow, then the generated clients.</summary>
    internal static class ClientSetup
    {
        public static ServiceProvider Build(Uri baseAddress, string componentAppId, string componentAppSecret, InMemoryTokenStores stores)
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
                .AddTcbClients();   // generated: ITcbComponentClient and ITcbAuthorizerClientFactory become injectable
            return services.BuildServiceProvider(validateScopes: true);
        }
    }
}
