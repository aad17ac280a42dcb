using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing;

namespace TcbGen.Cli.Commands
{
    /// <summary>
    /// <c>tcbgen emulator [--port N] [--specs FILE|DIR]... [--no-built-in-specs] [--text-plain] [--admin-key KEY]
    /// [--admin-host NAME]... [--event-url URL] [--message-token TOKEN] [--encoding-aes-key KEY] [--ticket-push-interval SECONDS]</c>:
    /// the WeChat emulator of TcbGen.Testing, standalone, with its admin API under <c>/__admin/</c> behind a per-run key,
    /// pushing encrypted verify tickets to the platform's event URL when one is given. The banner goes to stdout; a port
    /// in use, a missing spec path or a value that is not one is one line on stderr and exit code 2, specs with errors exit 1.
    /// </summary>
    internal static class EmulatorCommand
    {
        public const int PortInUseExitCode = ExitCodes.Usage;

        public static Command Create()
        {
            var port = new Option<int>("--port", "-p") { Description = "The port on 127.0.0.1; 0 picks a free port, printed on start. [default: 0]" };
            var specs = SpecOptions.Specs("Spec files (*.tcb.json, *.tcb.defs.json) or folders of them to serve beside the built-in specs (repeatable). [default: none]");
            var noBuiltIns = SpecOptions.NoBuiltInSpecs("Serve only the --specs, without the built-in specs. [default: off]");
            var textPlain = new Option<bool>("--text-plain") { Description = "Answer with Content-Type text/plain, as some WeChat servers do. [default: off, application/json]" };
            var adminKey = new Option<string?>("--admin-key") { Description = "The key admin API requests must send in the X-TcbGen-Admin-Key header. [default: a random key per run, printed on start]" };
            var adminHosts = new Option<string[]>("--admin-host") { Description = "A Host name the admin API also answers to, besides localhost, 127.0.0.1 and [::1] (repeatable; e.g. a container's name). Other hosts get 403. [default: none]" };
            var eventUrl = new Option<string?>("--event-url") { Description = "The platform's authorization-event URL, where encrypted component_verify_ticket (and authorization) pushes are POSTed. [default: none, nothing is pushed]" };
            var messageToken = new Option<string?>("--message-token") { Description = $"The message verification token (消息校验Token) pushes are signed with. [default: {Defaults.ComponentMessageToken}]" };
            var aesKey = new Option<string?>("--encoding-aes-key") { Description = $"The EncodingAESKey (43 characters) pushes are encrypted with. [default: {Defaults.ComponentEncodingAesKey}]" };
            var pushInterval = new Option<int?>("--ticket-push-interval") { Description = $"Seconds between verify ticket pushes to --event-url, the first at the start; each push carries a new ticket; 0 pushes only on demand. [default: {(int)Defaults.VerifyTicketPushInterval.TotalSeconds}]" };
            var command = new Command("emulator", "Run the local WeChat emulator, with an admin HTTP API (behind a per-run key) for tests in any language.")
            {
                port, specs, noBuiltIns, textPlain, adminKey, adminHosts, eventUrl, messageToken, aesKey, pushInterval,
            };
            command.SetAction((result, cancellationToken) => RunAsync(
                result.GetValue(port),
                new EmulatorSettings(result.GetValue(specs) ?? Array.Empty<string>(), result.GetValue(noBuiltIns), result.GetValue(textPlain), result.GetValue(adminKey), result.GetValue(adminHosts) ?? Array.Empty<string>()),
                new PushSettings(result.GetValue(eventUrl), result.GetValue(messageToken), result.GetValue(aesKey), result.GetValue(pushInterval)),
                result.InvocationConfiguration.Output,
                result.InvocationConfiguration.Error,
                cancellationToken));
            return command;
        }

        /// <summary>The emulator's own defaults, read once so --help shows what a run without the flag uses.</summary>
        private static readonly WeChatEmulatorOptions Defaults = new WeChatEmulatorOptions();

        private sealed record EmulatorSettings(string[] Specs, bool NoBuiltInSpecs, bool TextPlain, string? AdminKey, string[] AdminHosts);

        /// <summary>Where and how the verify ticket is pushed; null keeps the emulator's default.</summary>
        private sealed record PushSettings(string? EventUrl, string? MessageToken, string? EncodingAesKey, int? IntervalSeconds);

        private static async Task<int> RunAsync(int port, EmulatorSettings settings, PushSettings pushes, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            if (port is < 0 or > 65535)
            {
                await error.WriteLineAsync($"tcbgen emulator: --port {port} is not a port; give 1-65535, or 0 for a free one.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var args = new List<string> { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            foreach (string path in settings.Specs)
            {
                if (!Directory.Exists(path) && !File.Exists(path))
                {
                    await error.WriteLineAsync($"tcbgen emulator: no file or directory '{path}' for --specs.").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                args.Add("--specs");
                args.Add(path);
            }

            if (settings.NoBuiltInSpecs)
            {
                if (settings.Specs.Length == 0)
                {
                    await error.WriteLineAsync("tcbgen emulator: --no-built-in-specs leaves nothing to serve; name your specs with --specs.").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                args.Add("--no-built-in-specs");
            }

            if (settings.TextPlain)
            {
                args.Add("--text-plain");
            }

            if (settings.AdminKey != null)
            {
                if (settings.AdminKey.Length == 0)
                {
                    await error.WriteLineAsync("tcbgen emulator: --admin-key needs a non-empty key.").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                args.Add("--admin-key");
                args.Add(settings.AdminKey);
            }

            foreach (string host in settings.AdminHosts)
            {
                if (host.Length == 0)
                {
                    await error.WriteLineAsync("tcbgen emulator: --admin-host needs a non-empty host name.").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }

                args.Add("--admin-host");
                args.Add(host);
            }

            if (await PushArgumentsAsync(pushes, args, error).ConfigureAwait(false) is int usage)
            {
                return usage;
            }

            try
            {
                await WeChatEmulator.RunStandaloneAsync(args.ToArray(), output, error, cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (IOException exception) when (IsAddressInUse(exception))
            {
                await error.WriteLineAsync($"tcbgen emulator: port {port} on 127.0.0.1 is already in use; choose another with --port, or --port 0 for a free one.").ConfigureAwait(false);
                return PortInUseExitCode;
            }
            catch (WeChatEmulatorSpecException exception)
            {
                await error.WriteLineAsync("tcbgen emulator: " + exception.Message).ConfigureAwait(false);
                return ExitCodes.Findings;
            }
        }

        /// <summary>Adds the push flags to <paramref name="args"/>; a value that is not one is a line on stderr and exit code 2.</summary>
        private static async Task<int?> PushArgumentsAsync(PushSettings pushes, List<string> args, TextWriter error)
        {
            string? problem = null;
            if (pushes.EventUrl != null && !(Uri.TryCreate(pushes.EventUrl, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
            {
                problem = $"--event-url '{pushes.EventUrl}' is not an absolute http or https URL, e.g. http://127.0.0.1:5000/wechat/component.";
            }
            else if (pushes.MessageToken is { Length: 0 })
            {
                problem = "--message-token needs a non-empty token.";
            }
            else if (pushes.EncodingAesKey != null && !IsEncodingAesKey(pushes.EncodingAesKey))
            {
                problem = "--encoding-aes-key takes the 43 Base64 characters of an EncodingAESKey (the console's 消息加解密Key).";
            }
            else if (pushes.IntervalSeconds is < 0)
            {
                problem = $"--ticket-push-interval {pushes.IntervalSeconds} is negative; give seconds, or 0 to push only on demand.";
            }

            if (problem != null)
            {
                await error.WriteLineAsync("tcbgen emulator: " + problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            Add(args, "--event-url", pushes.EventUrl);
            Add(args, "--message-token", pushes.MessageToken);
            Add(args, "--encoding-aes-key", pushes.EncodingAesKey);
            Add(args, "--ticket-push-interval", pushes.IntervalSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        private static void Add(List<string> args, string flag, string? value)
        {
            if (value != null)
            {
                args.Add(flag);
                args.Add(value);
            }
        }

        // WeChat's EncodingAESKey is the Base64 of a 32-byte AES key without its one '=' of padding.
        private static bool IsEncodingAesKey(string key)
        {
            Span<byte> bytes = stackalloc byte[33];
            return key.Length == 43 && Convert.TryFromBase64String(key + "=", bytes, out int written) && written == 32;
        }

        private static bool IsAddressInUse(Exception exception)
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || current.GetType().Name == "AddressInUseException")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
