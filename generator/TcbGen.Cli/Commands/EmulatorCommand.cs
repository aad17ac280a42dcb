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
    /// <c>tcbgen emulator [--port N] [--specs FILE|DIR]... [--no-built-in-specs] [--admin-key KEY]</c>: the WeChat emulator
    /// of TcbGen.Testing, standalone, with its admin API under <c>/__admin/</c> behind a per-run key. The banner goes to
    /// stdout; a port in use or a missing spec path is one line on stderr and exit code 2, specs with errors exit 1.
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
            var command = new Command("emulator", "Run the local WeChat emulator, with an admin HTTP API (behind a per-run key) for tests in any language.") { port, specs, noBuiltIns, textPlain, adminKey };
            command.SetAction((result, cancellationToken) => RunAsync(
                result.GetValue(port),
                new EmulatorSettings(result.GetValue(specs) ?? Array.Empty<string>(), result.GetValue(noBuiltIns), result.GetValue(textPlain), result.GetValue(adminKey)),
                result.InvocationConfiguration.Output,
                result.InvocationConfiguration.Error,
                cancellationToken));
            return command;
        }

        private sealed record EmulatorSettings(string[] Specs, bool NoBuiltInSpecs, bool TextPlain, string? AdminKey);

        private static async Task<int> RunAsync(int port, EmulatorSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
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
