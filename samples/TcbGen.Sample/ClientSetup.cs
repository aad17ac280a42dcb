using System;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Redis;
using TcbGen.Runtime;
using TcbGen.Sample.Tcb;

namespace TcbGen.Sample
{
    /// <summary>How an application wires TcbGen: AddTcbGen with a token source, then the generated clients, injected.</summary>
    internal static class ClientSetup
    {
        /// <summary>
        /// A third-party platform: the component and authorizer tokens from the third-party flow, kept in memory, or shared
        /// with every other instance through Redis when <paramref name="redisConfiguration"/> is given.
        /// </summary>
        public static ServiceProvider Build(Uri baseAddress, string componentAppId, string componentAppSecret, InMemoryTokenStores stores, string? redisConfiguration = null)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IComponentVerifyTicketStore>(stores);
            services.AddSingleton<IAuthorizerRefreshTokenStore>(stores);
            TcbGenBuilder tcb = services.AddTcbGen(options =>
                {
                    options.BaseAddress = baseAddress;
                    options.ThirdParty.ComponentAppId = componentAppId;
                    options.ThirdParty.ComponentAppSecret = componentAppSecret;
                    options.Retry.BaseDelay = TimeSpan.FromMilliseconds(50);
                })
                .UseThirdPartyPlatform();
            if (redisConfiguration != null)
            {
                // Tokens and the rotating refresh tokens shared by every instance; the sample's refresh tokens are seeded in
                // memory, so it keeps its own refresh-token store here.
                tcb.UseRedis(redisConfiguration, options => options.StoreRefreshTokens = false);
            }

            tcb.AddTcbClients();   // generated: ITcbComponentClient and ITcbAuthorizerClientFactory become injectable
            return services.BuildServiceProvider(validateScopes: true);
        }

        /// <summary>
        /// The same platform inside WeChat cloud hosting: the cloud-call token from the file WeChat pushes (by default
        /// /.tencentcloudbase/wx/cloudbase_access_token) stands in for the component token, so no secret is needed.
        /// </summary>
        public static ServiceProvider BuildForCloudHosting(Uri baseAddress, string cloudbaseTokenFile)
        {
            var services = new ServiceCollection();
            services.AddTcbGen(options => options.BaseAddress = baseAddress)
                .UseCloudbaseAccessToken(options =>
                {
                    options.FilePath = cloudbaseTokenFile;
                    options.StandsInFor.Add(TcbTokenKind.ComponentAccessToken);
                })
                .AddTcbClients();
            return services.BuildServiceProvider(validateScopes: true);
        }
    }
}
