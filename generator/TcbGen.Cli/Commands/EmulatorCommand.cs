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
    /// <c>tcbgen emulator [--port N] [--specs DIR]...</c>: the WeChat emulator of TcbGen.Testing, standalone, with its admin
    /// API under <c>/__admin/</c>. A port in use is one line on stderr and exit code 2.
    /// </summary>
    internal static class EmulatorCommand
    {
        public const int PortInUseExitCode = 2;

        public static Command Create()
        {
            var port = new Option<int>("--port", "-p") { Description = "The port on 127.0.0.1 (default 0: a free port, printed on start)." };
            var specs = new Option<string[]>("--specs") { Description = "A directory of *.tcb.json specs to serve (repeatable; default: the built-in specs).", AllowMultipleArgumentsPerToken = true };
            var textPlain = new Option<bool>("--text-plain") { Description = "Answer with Content-Type text/plain, as some WeChat servers do." };
            var command = new Command("emulator", "Run the local WeChat emulator, with an admin HTTP API for tests in any language.") { port, specs, textPlain };
            command.SetAction((result, cancellationToken) => RunAsync(
                result.GetValue(port), result.GetValue(specs) ?? Array.Empty<string>(), result.GetValue(textPlain),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(int port, string[] specs, bool textPlain, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            if (port is < 0 or > 65535)
            {
                await error.WriteLineAsync($"tcbgen emulator: --port {port} is not a port; give 1-65535, or 0 for a free one.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var args = new List<string> { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            foreach (string directory in specs)
            {
                if (!Directory.Exists(directory))
                {
                    await error.WriteLineAsync($"tcbgen emulator: no directory '{directory}'.").ConfigureAwait(false);
                    return 1;
                }

                args.Add("--specs");
                args.Add(directory);
            }

            if (textPlain)
            {
                args.Add("--text-plain");
            }

            try
            {
                await WeChatEmulator.RunStandaloneAsync(args.ToArray(), output, cancellationToken).ConfigureAwait(false);
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
                return 1;
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
