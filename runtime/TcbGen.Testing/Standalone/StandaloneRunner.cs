using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Admin;
using TcbGen.Testing.Routing;
using TcbGen.Testing.Specs;

namespace TcbGen.Testing.Standalone
{
    /// <summary>Runs the emulator for people: prints how to reach it, then serves until cancelled.</summary>
    internal static class StandaloneRunner
    {
        public const string DemoAuthorizerAppId = "wx-authorizer-demo";
        public const string DemoRefreshToken = "refresh-token-demo";

        public static async Task RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            StandaloneArguments arguments = StandaloneArguments.Parse(args);
            var options = new WeChatEmulatorOptions
            {
                Port = arguments.Port,
                TextPlainResponses = arguments.TextPlain,
                IncludeBuiltInSpecs = arguments.IncludeBuiltInSpecs,
                AdminKey = arguments.AdminKey,
                ComponentEventUrl = arguments.EventUrl,
            };
            if (arguments.MessageToken != null)
            {
                options.ComponentMessageToken = arguments.MessageToken;
            }

            if (arguments.EncodingAesKey != null)
            {
                options.ComponentEncodingAesKey = arguments.EncodingAesKey;
            }

            if (arguments.TicketPushInterval is TimeSpan interval)
            {
                options.VerifyTicketPushInterval = interval;
            }

            foreach (string directory in arguments.SpecDirectories)
            {
                options.SpecDirectories.Add(directory);
            }

            foreach (string file in arguments.SpecFiles)
            {
                options.SpecFiles.Add(file);
            }

            foreach (string host in arguments.AdminHostNames)
            {
                options.AdminHostNames.Add(host);
            }

            foreach (string ignored in arguments.Ignored)
            {
                await error.WriteLineAsync("Ignoring unknown argument: " + ignored).ConfigureAwait(false);
            }

            WeChatEmulator emulator = await WeChatEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            await using (emulator.ConfigureAwait(false))
            {
                emulator.RegisterAuthorizer(DemoAuthorizerAppId, DemoRefreshToken);
                string authorizerToken = emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, DemoAuthorizerAppId);
                string componentToken = emulator.IssueToken(WeChatEmulator.ComponentAccessTokenKind, emulator.ComponentAppId);
                await output.WriteAsync(Banner(emulator, options.VerifyTicketPushInterval, authorizerToken, componentToken)).ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C: the normal way to stop.
                }
            }

            await output.WriteLineAsync("WeChat emulator stopped.").ConfigureAwait(false);
        }

        /// <summary>Where tickets go and how often; the URL without its query (it may carry a secret of the platform's), never the token or key.</summary>
        private static string PushesLine(WeChatEmulator emulator, TimeSpan interval)
        {
            if (emulator.ComponentEventUrl is not Uri url)
            {
                return "Pushes: none (no --event-url); the ticket above stays the one api_component_token accepts";
            }

            string every = interval > TimeSpan.Zero
                ? $"now and every {(long)interval.TotalSeconds} s"
                : "on demand only (POST " + AdminApi.Prefix + "/pushes/component_verify_ticket)";
            return $"Pushes: component_verify_ticket to {url.GetLeftPart(UriPartial.Path)} {every}, a new ticket each push (earlier ones stay valid 12 h)";
        }

        private static string Banner(WeChatEmulator emulator, TimeSpan pushInterval, string authorizerToken, string componentToken)
        {
            string baseUrl = emulator.BaseAddress.ToString().TrimEnd('/');
            string keyHeader = WeChatEmulator.AdminKeyHeaderName + ": " + emulator.AdminKey;
            string adminUrl = baseUrl + AdminApi.Prefix + "/";
            var text = new StringWriter();
            text.WriteLine("TcbGen WeChat emulator is running.");
            text.WriteLine("Base URL: " + emulator.BaseAddress);
            text.WriteLine($"Admin key: {emulator.AdminKey} (send it as the {WeChatEmulator.AdminKeyHeaderName} header on every {AdminApi.Prefix}/ request; new each run unless --admin-key sets it)");
            text.WriteLine("Component appid: " + emulator.ComponentAppId);
            text.WriteLine("Component appsecret: " + emulator.ComponentAppSecret);
            text.WriteLine("Component verify ticket: " + emulator.ComponentVerifyTicket);
            text.WriteLine(PushesLine(emulator, pushInterval));
            text.WriteLine($"Authorizer appid: {DemoAuthorizerAppId} (refresh token: {DemoRefreshToken})");
            text.WriteLine("  Each api_authorizer_token call rotates the refresh token, as WeChat does: keep the answer's");
            text.WriteLine("  authorizer_refresh_token (TcbGen's IAuthorizerRefreshTokenStore does; make it durable across runs),");
            text.WriteLine("  or put the demo token back with:");
            text.WriteLine(BannerCurl.Post(adminUrl + "authorizers", $"{{\"appid\":\"{DemoAuthorizerAppId}\",\"refresh_token\":\"{DemoRefreshToken}\"}}", keyHeader));
            text.WriteLine("authorizer_access_token: " + authorizerToken);
            text.WriteLine("component_access_token: " + componentToken);
            text.WriteLine();
            text.WriteLine("Endpoints:");
            foreach (string name in emulator.EndpointNames)
            {
                EmulatedEndpoint endpoint = emulator.Endpoint(name);
                text.WriteLine($"  {endpoint.Name}: {TcbGen.Specs.HttpMethods.WireName(endpoint.Spec.Method)} {endpoint.Path} ({string.Join(", ", endpoint.TokenKinds)})");
            }

            text.WriteLine();
            text.WriteLine("Try:");
            string componentBody = $"{{\"component_appid\":\"{emulator.ComponentAppId}\",\"component_appsecret\":\"{emulator.ComponentAppSecret}\",\"component_verify_ticket\":\"{emulator.ComponentVerifyTicket}\"}}";
            text.WriteLine(BannerCurl.Post(baseUrl + WeChatEmulator.ComponentTokenPath, componentBody));
            foreach (string name in emulator.EndpointNames)
            {
                EmulatedEndpoint endpoint = emulator.Endpoint(name);
                if (endpoint.Spec.IsTokenless || TokenFlowHandlers.For(endpoint.Name) != null)
                {
                    continue; // the token flow's own endpoints: the line above shows the one a caller starts with
                }

                string token = endpoint.TokenKinds.Contains(WeChatEmulator.AuthorizerAccessTokenKind) ? authorizerToken : componentToken;
                string? curl = BannerCurl.ForEndpoint(baseUrl, endpoint, token);
                if (curl != null)
                {
                    text.WriteLine(curl);
                }
            }

            text.WriteLine();
            text.WriteLine($"Admin API: {adminUrl} (endpoints, faults, requests, tokens, authorizers, reset), with the admin key, e.g.");
            text.WriteLine(BannerCurl.Get(adminUrl, keyHeader));
            if (emulator.EndpointNames.Count > 0)
            {
                text.WriteLine(BannerCurl.Post(adminUrl + "faults", $"{{\"endpoint\":\"{emulator.EndpointNames[0]}\",\"errcode\":-1,\"times\":2}}", keyHeader));
            }

            text.WriteLine(BannerCurl.Get(adminUrl + "requests", keyHeader));
            text.WriteLine();
            text.WriteLine("Press Ctrl+C to stop.");
            return text.ToString();
        }
    }
}
