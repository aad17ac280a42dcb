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

        public static async Task RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
        {
            StandaloneArguments arguments = StandaloneArguments.Parse(args);
            var options = new WeChatEmulatorOptions { Port = arguments.Port, TextPlainResponses = arguments.TextPlain };
            foreach (string directory in arguments.SpecDirectories)
            {
                options.SpecDirectories.Add(directory);
            }

            foreach (string ignored in arguments.Ignored)
            {
                await output.WriteLineAsync("Ignoring unknown argument: " + ignored).ConfigureAwait(false);
            }

            WeChatEmulator emulator = await WeChatEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            await using (emulator.ConfigureAwait(false))
            {
                emulator.RegisterAuthorizer(DemoAuthorizerAppId, DemoRefreshToken);
                string authorizerToken = emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, DemoAuthorizerAppId);
                string componentToken = emulator.IssueToken(WeChatEmulator.ComponentAccessTokenKind, emulator.ComponentAppId);
                await output.WriteAsync(Banner(emulator, authorizerToken, componentToken)).ConfigureAwait(false);
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

        private static string Banner(WeChatEmulator emulator, string authorizerToken, string componentToken)
        {
            string baseUrl = emulator.BaseAddress.ToString().TrimEnd('/');
            var text = new StringWriter();
            text.WriteLine("TcbGen WeChat emulator is running.");
            text.WriteLine("Base URL: " + emulator.BaseAddress);
            text.WriteLine("Component appid: " + emulator.ComponentAppId);
            text.WriteLine("Component appsecret: " + emulator.ComponentAppSecret);
            text.WriteLine("Component verify ticket: " + emulator.ComponentVerifyTicket);
            text.WriteLine($"Authorizer appid: {DemoAuthorizerAppId} (refresh token: {DemoRefreshToken})");
            text.WriteLine("authorizer_access_token: " + authorizerToken);
            text.WriteLine("component_access_token: " + componentToken);
            text.WriteLine();
            text.WriteLine("Endpoints:");
            foreach (string name in emulator.EndpointNames)
            {
                EmulatedEndpoint endpoint = emulator.Endpoint(name);
                text.WriteLine($"  {endpoint.Name}: POST {endpoint.Path} ({string.Join(", ", endpoint.TokenKinds)})");
            }

            text.WriteLine();
            text.WriteLine("Try:");
            string componentBody = $"{{\"component_appid\":\"{emulator.ComponentAppId}\",\"component_appsecret\":\"{emulator.ComponentAppSecret}\",\"component_verify_ticket\":\"{emulator.ComponentVerifyTicket}\"}}";
            text.WriteLine(Curl(baseUrl + WeChatEmulator.ComponentTokenPath, componentBody));
            foreach (string name in emulator.EndpointNames)
            {
                EmulatedEndpoint endpoint = emulator.Endpoint(name);
                if (endpoint.Spec.IsTokenless || TokenFlowHandlers.For(endpoint.Name) != null)
                {
                    continue; // the token flow's own endpoints: the line above shows the one a caller starts with
                }

                string token = endpoint.TokenKinds.Contains(WeChatEmulator.AuthorizerAccessTokenKind) ? authorizerToken : componentToken;
                text.WriteLine(Curl($"{baseUrl}{endpoint.Path}?{endpoint.TokenParameters[0]}={Uri.EscapeDataString(token)}", endpoint.FirstExampleRequest));
            }

            text.WriteLine();
            text.WriteLine(AdminApi.Usage(baseUrl));
            text.WriteLine();
            text.WriteLine("Press Ctrl+C to stop.");
            return text.ToString();
        }

        private static string Curl(string url, string body)
            => $"  curl -s -X POST '{url}' -H 'Content-Type: application/json' -d '{body.Replace("'", "'\\''", StringComparison.Ordinal)}'";
    }
}
