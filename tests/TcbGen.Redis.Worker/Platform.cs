using Microsoft.Extensions.DependencyInjection;

namespace TcbGen.Redis.Worker
{
    /// <summary>The third-party flow with UseRedis, as every worker instance configures it.</summary>
    internal static class Platform
    {
        public static void Add(IServiceCollection services, WorkerArguments arguments)
        {
            services.AddTcbGen(options =>
                {
                    options.BaseAddress = arguments.Emulator;
                    options.ThirdParty.ComponentAppId = arguments.ComponentAppId;
                    options.ThirdParty.ComponentAppSecret = arguments.ComponentAppSecret;
                    options.Tokens.RefreshMargin = arguments.Milliseconds("margin-ms", 300_000);
                    options.AttemptTimeout = arguments.Milliseconds("attempt-ms", 30_000);
                    options.TotalTimeout = arguments.Milliseconds("total-ms", 100_000);
                    options.Retry.Enabled = false;
                })
                .UseThirdPartyPlatform()
                .UseRedis(arguments.Redis, redis =>
                {
                    redis.FirstLevelStaleness = arguments.Milliseconds("staleness-ms", 60_000);
                    redis.LeaseDuration = arguments.Milliseconds("lease-ms", 10_000);
                });
        }
    }
}
