using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Specs;
using TcbGen.Testing.Standalone;

namespace TcbGen.Testing
{
    /// <content>Standalone use, from a console program.</content>
    public sealed partial class WeChatEmulator
    {
        /// <summary>
        /// Runs the emulator until <paramref name="cancellationToken"/> is cancelled (wire it to Ctrl+C). Prints the base
        /// URL (a line <c>Base URL: http://127.0.0.1:PORT/</c>), the component credentials, an authorizer token for the
        /// demo authorizer <c>wx-authorizer-demo</c> (refresh token <c>refresh-token-demo</c>), a component token, the admin key
        /// (a line <c>Admin key: KEY ...</c>), and a curl line per endpoint.
        /// </summary>
        /// <param name="args"><c>--port N</c> (default 0: a free port), <c>--specs FILE|DIR</c> (repeatable; served beside the
        /// built-in specs), <c>--no-built-in-specs</c> (serve only the <c>--specs</c>), <c>--text-plain</c>, <c>--admin-key KEY</c>
        /// (default: a random key per run, printed), <c>--admin-host NAME</c> (repeatable; a Host the admin API answers to
        /// besides the loopback names), and the push settings: <c>--event-url URL</c> (<see cref="WeChatEmulatorOptions.ComponentEventUrl"/>),
        /// <c>--message-token TOKEN</c>, <c>--encoding-aes-key KEY</c> and <c>--ticket-push-interval SECONDS</c> (0: on demand only), each
        /// defaulting to the option's default. <c>--emulator</c> is accepted and ignored; other arguments are reported and ignored.</param>
        /// <param name="output">Where to print.</param>
        /// <param name="cancellationToken">Stops the emulator; the returned task then completes normally.</param>
        /// <returns>A task that completes once the emulator has stopped.</returns>
        public static Task RunStandaloneAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
            => StandaloneRunner.RunAsync(args, output, output, cancellationToken);

        /// <summary>
        /// As <see cref="RunStandaloneAsync(string[], TextWriter, CancellationToken)"/>, with the notes about ignored
        /// arguments on <paramref name="error"/> (standard error) and only the banner on <paramref name="output"/>.
        /// </summary>
        /// <param name="args">As for the other overload.</param>
        /// <param name="output">Where the banner goes (standard output).</param>
        /// <param name="error">Where notes about the arguments go (standard error).</param>
        /// <param name="cancellationToken">Stops the emulator; the returned task then completes normally.</param>
        /// <returns>A task that completes once the emulator has stopped.</returns>
        public static Task RunStandaloneAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
            => StandaloneRunner.RunAsync(args, output, error, cancellationToken);

        internal EmulatedEndpoint Endpoint(string name) => _state.Catalog.Endpoints.First(e => e.Name == name);
    }
}
