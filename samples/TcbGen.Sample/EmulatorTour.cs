using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime;
using TcbGen.Sample.Tcb;
using TcbGen.Testing;

namespace TcbGen.Sample
{
    /// <summary>The main job: the four seed endpoints, a merchant onboarding through both families, then the failures a user cares about.</summary>
    internal static class EmulatorTour
    {
        private const string AuthorizerAppId = "wx-sample-miniprogram";
        private const string Env = "test-env-6gni9ity244a6ea3";

        public static async Task RunAsync(string? redisConfiguration, TextWriter output, CancellationToken cancellationToken)
        {
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(cancellationToken: cancellationToken);
            emulator.RegisterAuthorizer(AuthorizerAppId, "refresh-token-1");
            var stores = new InMemoryTokenStores();
            stores.SetVerifyTicket(emulator.ComponentAppId, emulator.ComponentVerifyTicket);
            stores.SetRefreshToken(AuthorizerAppId, "refresh-token-1");

            // Stands in for the file WeChat pushes into a cloud-hosting container.
            string cloudbaseTokenFile = Path.Combine(Path.GetTempPath(), "tcbgen-sample-" + Guid.NewGuid().ToString("N"), "cloudbase_access_token");
            Directory.CreateDirectory(Path.GetDirectoryName(cloudbaseTokenFile)!);
            File.WriteAllText(cloudbaseTokenFile, emulator.IssueCloudCallToken(Env, AuthorizerAppId));
            try
            {
                await using ServiceProvider services = ClientSetup.Build(emulator.BaseAddress, emulator.ComponentAppId, emulator.ComponentAppSecret, stores, redisConfiguration);
                await TourAsync(emulator, services, cloudbaseTokenFile, redisConfiguration is null ? "kept in memory" : "shared through Redis", output, cancellationToken);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(cloudbaseTokenFile)!, recursive: true);
            }
        }

        private static async Task TourAsync(WeChatEmulator emulator, ServiceProvider services, string cloudbaseTokenFile, string tokenHome, TextWriter output, CancellationToken cancellationToken)
        {
            ITcbAuthorizerClient authorizer = services.GetRequiredService<ITcbAuthorizerClientFactory>().For(AuthorizerAppId);
            ITcbComponentClient component = services.GetRequiredService<ITcbComponentClient>();

            output.WriteLine($"TcbGen sample: WeChat emulator at {emulator.BaseAddress}, serving {emulator.EndpointNames.Count} endpoints (every built-in spec)");
            output.WriteLine();
            output.WriteLine($"Calls (tokens come from the third-party flow: component token, then authorizer token; {tokenHome}):");

            SetCloudAccessTokenResponse current = await authorizer.SetCloudAccessTokenAsync(
                new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = Env }, cancellationToken);
            output.WriteLine($"  setCloudAccessToken get  -> open={current.Open}, whitelist=[{string.Join(", ", current.ApiWhitelist ?? Array.Empty<string>())}], version={current.Version}");

            SetCloudAccessTokenResponse changed = await component.SetCloudAccessTokenAsync(
                new SetCloudAccessTokenRequest
                {
                    Action = SetCloudAccessTokenAction.Set,
                    Open = true,
                    Env = Env,
                    ApiWhitelist = new List<string> { "/*" },
                    Version = (current.Version ?? 0) + 1,
                },
                cancellationToken);
            output.WriteLine($"  setCloudAccessToken set  -> errcode {changed.ErrorCode} {changed.ErrorMessage} (component token)");

            CreateCloudUserResponse created = await authorizer.CreateCloudUserAsync(cancellationToken);
            output.WriteLine($"  createCloudUser          -> errcode {created.ErrorCode} {created.ErrorMessage}");

            ChangeTcbEnvResponse converted = await authorizer.ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = Env }, cancellationToken);
            output.WriteLine($"  changeTcbEnv             -> errcode {converted.ErrorCode} {converted.ErrorMessage}");

            SetCallBackConfigResponse configured = await authorizer.SetCallBackConfigAsync(CallbackConfig(), cancellationToken);
            output.WriteLine($"  setCallBackConfig        -> errcode {configured.ErrorCode} {configured.ErrorMessage} (function and container configs)");

            await Onboarding.RunAsync(component, authorizer, AuthorizerAppId, output, cancellationToken);

            await CloudCallAsync(emulator, component, cloudbaseTokenFile, output, cancellationToken);

            output.WriteLine();
            output.WriteLine("Failure handling:");
            await ExpiredTokenIsRenewedAsync(emulator, authorizer, output, cancellationToken);
            await RateLimitIsReportedAsync(emulator, authorizer, output, cancellationToken);
            await InvalidRequestIsRejectedLocallyAsync(emulator, authorizer, output, cancellationToken);
        }

        /// <summary>
        /// Inside WeChat cloud hosting the platform needs no component secret for whitelisted APIs: the cloud-call token
        /// (cloudbase_access_token, here from a file standing in for the one WeChat pushes) stands in for the component token,
        /// and the same generated component client sends it as cloudbase_access_token=.
        /// </summary>
        private static async Task CloudCallAsync(WeChatEmulator emulator, ITcbComponentClient platform, string cloudbaseTokenFile, TextWriter output, CancellationToken cancellationToken)
        {
            output.WriteLine();
            output.WriteLine("Cloud call (cloudbase_access_token from the pushed token file, standing in for the component token):");
            await platform.SetCloudAccessTokenAsync(
                new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Set, Open = true, Env = Env, ApiWhitelist = new List<string> { ChangeTcbEnvEndpoint.Descriptor.Path }, Version = 10 },
                cancellationToken);
            output.WriteLine($"  setCloudAccessToken set  -> api_whitelist=[{ChangeTcbEnvEndpoint.Descriptor.Path}]");

            await using ServiceProvider container = ClientSetup.BuildForCloudHosting(emulator.BaseAddress, cloudbaseTokenFile);
            ITcbComponentClient cloud = container.GetRequiredService<ITcbComponentClient>();
            ChangeTcbEnvResponse allowed = await cloud.ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = Env }, cancellationToken);
            output.WriteLine($"  changeTcbEnv             -> errcode {allowed.ErrorCode} {allowed.ErrorMessage} (whitelisted; sent {emulator.RequestsTo(ChangeTcbEnvEndpoint.Name)[^1].Query})");
            try
            {
                await cloud.SetCloudAccessTokenAsync(new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = Env }, cancellationToken);
                output.WriteLine("  setCloudAccessToken get  -> unexpectedly allowed");
            }
            catch (TcbApiException<SetCloudAccessTokenError> e)
            {
                output.WriteLine($"  setCloudAccessToken get  -> TcbApiException<SetCloudAccessTokenError> {e.ErrorCode} {e.ErrorMessage?.Split(" hint:")[0]} (not whitelisted)");
            }
        }

        private static async Task ExpiredTokenIsRenewedAsync(WeChatEmulator emulator, ITcbAuthorizerClient client, TextWriter output, CancellationToken cancellationToken)
        {
            int fetchesBefore = emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind);
            emulator.ExpireAllTokens();

            ChangeTcbEnvResponse response = await client.ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = Env }, cancellationToken);

            int renewals = emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind) - fetchesBefore;
            int? rejected = emulator.RequestsTo("changeTcbEnv")[^2].Errcode;
            output.WriteLine($"  expired token            -> WeChat said {rejected} (access_token expired); the token was renewed {renewals}x and the call retried: errcode {response.ErrorCode}");
        }

        private static async Task RateLimitIsReportedAsync(WeChatEmulator emulator, ITcbAuthorizerClient client, TextWriter output, CancellationToken cancellationToken)
        {
            emulator.ScriptErrcode("createCloudUser", -601026);
            int before = emulator.RequestsTo("createCloudUser").Count;
            try
            {
                await client.CreateCloudUserAsync(cancellationToken);
                output.WriteLine("  rate limit               -> unexpectedly succeeded");
            }
            catch (TcbApiException<CreateCloudUserError> e)
            {
                int attempts = emulator.RequestsTo("createCloudUser").Count - before;
                output.WriteLine($"  rate limit               -> {e.Code} ({e.ErrorCode}) after {attempts} attempt, not retried; rid {e.RequestId}");
                output.WriteLine($"                              solution: {e.Solution}");
            }
        }

        private static async Task InvalidRequestIsRejectedLocallyAsync(WeChatEmulator emulator, ITcbAuthorizerClient client, TextWriter output, CancellationToken cancellationToken)
        {
            SetCallBackConfigRequest request = CallbackConfig();
            request.FunctionConfig!.Callbacks![1].Env = null!;
            request.ContainerConfig!.QbaseContainerPath = null;
            int before = emulator.Requests.Count;
            try
            {
                await client.SetCallBackConfigAsync(request, cancellationToken);
                output.WriteLine("  invalid request          -> unexpectedly sent");
            }
            catch (TcbValidationException e)
            {
                output.WriteLine($"  invalid request          -> rejected before sending ({emulator.Requests.Count - before} requests reached WeChat):");
                foreach (TcbValidationProblem problem in e.Problems)
                {
                    output.WriteLine($"                              {problem.Path}: {problem.Message}");
                }
            }
        }

        private static SetCallBackConfigRequest CallbackConfig() => new()
        {
            FunctionConfig = new CallbackFunctionConfig
            {
                Enable = true,
                Callbacks = new List<CallbackRule>
                {
                    new() { MsgType = "event", Event = "user_enter_tempsession", Env = Env, FunctionName = "callback", Enable = true },
                    new() { MsgType = "image", Env = Env, FunctionName = "callback", Enable = true },
                },
            },
            ContainerConfig = new CallbackContainerConfig
            {
                Enable = true,
                QbaseEnv = Env,
                QbaseContainerPath = "/container-echo",
                TextMode = CallbackTextMode.Json,
            },
        };
    }
}
