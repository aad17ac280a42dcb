using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Cli.Commands
{
    /// <summary>The <c>tcbgen</c> command line: import, check, init, emulator.</summary>
    public static class TcbGenCommand
    {
        /// <summary>Parses and runs a command line.</summary>
        /// <param name="args">The arguments, without the program name.</param>
        /// <param name="output">Standard output.</param>
        /// <param name="error">Standard error.</param>
        /// <param name="cancellationToken">Stops a long-running command (the emulator).</param>
        /// <returns>The exit code: 0 success, 1 errors (check) or an unreadable page (import), 2 usage or port in use.</returns>
        public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        {
            var root = new RootCommand("tcbgen: WeChat doc pages to TcbGen specs, spec checks, project setup and the WeChat emulator.")
            {
                ImportCommand.Create(),
                CheckCommand.Create(),
                InitCommand.Create(),
                EmulatorCommand.Create(),
            };
            ParseResult parsed = root.Parse(args);
            return parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }
    }
}
