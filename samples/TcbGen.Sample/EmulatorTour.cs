using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime;
using TcbGen.Sample.Tcb;
using TcbGen.Testing;

namespace TcbGen.Sample
{
    /// <summary>The main job: a platform from zero (ticket push, authorization), the four seed endpoints, a merchant onboarding through both families, the failures a user cares about, then the merchant revoking.</summary>
    internal static class EmulatorTour
    {
        private const string AuthorizerAppId = "wx-sample-miniprogram";
        private const string Env = "test-env-6gni9ity244a6ea3";

        public static async Task RunAsync(string? redisConfiguration, TextWriter output, CancellationToken cancellationToken)
        {
            // The open platform console's message settings, shared by WeChat (the emulator) and the platform.
            string messageToken = "sample-message-token";
            string encodingAesKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(
                new WeChatEmulatorOptions { ComponentMessageToken = messageToken, ComponentEncodingAesKey = encodingAesKey },
                cancellationToken);
            emulator.AddMerchant(AuthorizerAppId, "Sample mini program");

            var settings = new PlatformSettings(emulator.BaseAddress, emulator.ComponentAppId, emulator.ComponentAppSecret, messageToken, encodingAesKey);
            await using PlatformHost platform = await PlatformHost.StartAsync(settings, redisConfiguration, cancellationToken);
            output.WriteLine($"TcbGen sample: WeChat emulator at {emulator.BaseAddress}, serving {emulator.EndpointNames.Count} endpoints (every built-in spec)");
            output.WriteLine($"Platform at {platform.BaseAddress}: authorization-event URL {PlatformHost.EventsPath}, redirect {PlatformHost.RedirectPath}; tokens {(redisConfiguration is null ? "kept in memory" : "shared through Redis")}");
            output.WriteLine();

            await FromZeroAsync(emulator, platform, output, cancellationToken);

            // Stands in for the file WeChat pushes into a cloud-hosting container.
            string cloudbaseTokenFile = Path.Combine(Path.GetTempPath(), "tcbgen-sample-" + Guid.NewGuid().ToString("N"), "cloudbase_access_token");
            Directory.CreateDirectory(Path.GetDirectoryName(cloudbaseTokenFile)!);
            File.WriteAllText(cloudbaseTokenFile, emulator.IssueCloudCallToken(Env, AuthorizerAppId));
            try
            {
                await TourAsync(emulator, platform.Services, cloudbaseTokenFile, output, cancellationToken);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(cloudbaseTokenFile)!, recursive: true);
            }

            await RevokeAsync(emulator, platform, output, cancellationToken);
        }

        /// <summary>
        /// A platform's first minutes, with nothing seeded: WeChat pushes the verify ticket, the platform fetches its
        /// component token with it, and a merchant authorizes through the authorization page, which gives the platform
        /// the merchant's refresh token.
        /// </summary>
        private static async Task FromZeroAsync(WeChatEmulator emulator, PlatformHost platform, TextWriter output, CancellationToken cancellationToken)
        {
            output.WriteLine("From zero (no ticket, no merchant):");
            var tickets = platform.Services.GetRequiredService<IComponentVerifyTicketStore>();
            emulator.ComponentEventUrl = platform.EventUrl;   // WeChat pushes the ticket now, then every 10 minutes
            for (int wait = 0; !emulator.ComponentPushes.Any(push => push.Succeeded) || await tickets.GetVerifyTicketAsync(emulator.ComponentAppId, cancellationToken) is null; wait++)
            {
                if (wait == 100)
                {
                    throw new InvalidOperationException("No component_verify_ticket arrived: " + string.Join("; ", emulator.ComponentPushes));
                }

                await Task.Delay(50, cancellationToken);
            }

            output.WriteLine($"  component_verify_ticket  -> pushed encrypted to {PlatformHost.EventsPath}; signature checked, decrypted, stored for its 12 hours");

            var tokens = platform.Services.GetRequiredService<TcbThirdPartyTokenSource>();
            TcbAccessToken component = await tokens.GetTokenAsync(TcbTokenKey.Component, cancellationToken);
            output.WriteLine($"  component_access_token   -> fetched with the ticket, valid until {component.ExpiresAt:HH:mm:ss}");

            var links = platform.Services.GetRequiredService<TcbAuthorizationLinks>();
            TcbAuthorizationLink link = await links.CreateAsync(platform.RedirectUri, bizAppId: AuthorizerAppId, cancellationToken: cancellationToken);
            output.WriteLine($"  pre_auth_code            -> created, valid until {link.ExpiresAt:HH:mm:ss}; link {link.Pc.GetLeftPart(UriPartial.Path)}?component_appid={emulator.ComponentAppId}&pre_auth_code=***&redirect_uri=...&biz_appid={AuthorizerAppId}");

            await MerchantAuthorization.AuthorizeAsync(link.Pc, AuthorizerAppId, output, cancellationToken);
            bool stored = await platform.Services.GetRequiredService<IAuthorizerRefreshTokenStore>().GetRefreshTokenAsync(AuthorizerAppId, cancellationToken) is not null;
            output.WriteLine($"  api_query_auth           -> auth_code exchanged once (redirect and push); refresh token {(stored ? "stored" : "MISSING")}; hooks saw: {string.Join("; ", platform.Events.Seen)}");
            if (!stored)
            {
                throw new InvalidOperationException("The authorization did not leave the merchant's refresh token with the platform.");
            }

            output.WriteLine();
        }

        /// <summary>The merchant revokes: WeChat pushes 'unauthorized', and the platform drops the merchant's tokens.</summary>
        private static async Task RevokeAsync(WeChatEmulator emulator, PlatformHost platform, TextWriter output, CancellationToken cancellationToken)
        {
            output.WriteLine();
            output.WriteLine("Revocation:");
            ComponentPushResult push = await emulator.RevokeAuthorizationAsync(AuthorizerAppId, cancellationToken);
            bool dropped = await platform.Services.GetRequiredService<IAuthorizerRefreshTokenStore>().GetRefreshTokenAsync(AuthorizerAppId, cancellationToken) is null;
            output.WriteLine($"  unauthorized push        -> {(push.Succeeded ? "acknowledged" : "FAILED: " + push)}; the merchant's refresh token {(dropped ? "dropped" : "STILL STORED")}; hooks saw: {platform.Events.Seen[^1]}");
            if (!push.Succeeded || !dropped)
            {
                throw new InvalidOperationException("The revocation did not reach the platform.");
            }
        }

        private static async Task TourAsync(WeChatEmulator emulator, IServiceProvider services, string cloudbaseTokenFile, TextWriter output, CancellationToken cancellationToken)
        {
            ITcbAuthorizerClient authorizer = services.GetRequiredService<ITcbAuthorizerClientFactory>().For(AuthorizerAppId);
            ITcbComponentClient component = services.GetRequiredService<ITcbComponentClient>();

            output.WriteLine("Calls for the merchant (tokens come from the third-party flow: component token, then authorizer token):");

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
