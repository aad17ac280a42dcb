using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime;
using TcbGen.Sample.Tcb;

namespace TcbGen.Sample
{
    /// <summary>
    /// Read-only calls against a real server: <c>setCloudAccessToken</c> with action get. Credentials come from
    /// environment variables (see README); nothing is changed on the account.
    /// </summary>
    internal static class RealApiRun
    {
        private static readonly string[] Variables =
        {
            "TCBGEN_COMPONENT_APPID", "TCBGEN_COMPONENT_APPSECRET", "TCBGEN_COMPONENT_VERIFY_TICKET",
            "TCBGEN_AUTHORIZER_APPID", "TCBGEN_AUTHORIZER_REFRESH_TOKEN", "TCBGEN_ENV",
        };

        public static async Task<int> RunAsync(Uri baseAddress, TextWriter output, CancellationToken cancellationToken)
        {
            string[] values = Array.ConvertAll(Variables, Environment.GetEnvironmentVariable)!;
            int missing = Array.FindIndex(values, string.IsNullOrEmpty);
            if (missing >= 0)
            {
                output.WriteLine($"Set {Variables[missing]} (and all of: {string.Join(", ", Variables)}) to call {baseAddress}.");
                return 2;
            }

            var stores = new InMemoryTokenStores();
            stores.SetVerifyTicket(values[0], values[2]);
            stores.SetRefreshToken(values[3], values[4]);
            await using ServiceProvider services = ClientSetup.Build(baseAddress, values[0], values[1], stores);
            var client = new TcbAuthorizerClient(services.GetRequiredService<ITcbTransport>(), values[3]);
            try
            {
                SetCloudAccessTokenResponse response = await client.SetCloudAccessTokenAsync(
                    new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = values[5] }, cancellationToken);
                output.WriteLine($"setCloudAccessToken get -> open={response.Open}, whitelist=[{string.Join(", ", response.ApiWhitelist ?? Array.Empty<string>())}], version={response.Version}");
                return 0;
            }
            catch (TcbApiException e)
            {
                output.WriteLine(e.Message);
                return 1;
            }
        }
    }
}
