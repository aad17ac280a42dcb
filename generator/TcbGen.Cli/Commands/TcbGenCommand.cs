using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Cli.Commands
{
    /// <summary>The <c>tcbgen</c> command line: import, diff, check, init, emulator.</summary>
    public static class TcbGenCommand
    {
        /// <summary>Parses and runs a command line.</summary>
        /// <param name="args">The arguments, without the program name.</param>
        /// <param name="output">Standard output.</param>
        /// <param name="error">Standard error.</param>
        /// <param name="cancellationToken">Stops a long-running command (the emulator).</param>
        /// <returns>The exit code: 0 clean, 1 findings (spec errors, a page that failed to import, differences), 2 a usage or environment error.</returns>
        public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        {
            var root = new RootCommand("tcbgen: WeChat doc pages to TcbGen specs, page-to-spec diffs, spec checks, project setup and the WeChat emulator. Exit codes: 0 clean; 1 findings (spec errors, a page that failed to import, differences); 2 a usage or environment error.")
            {
                ImportCommand.Create(),
                DiffCommand.Create(),
                CheckCommand.Create(),
                InitCommand.Create(),
                EmulatorCommand.Create(),
            };
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
            {
                // A usage error: one line each, what to read next, and exit code 2 (never a stack trace or the whole help).
                foreach (System.CommandLine.Parsing.ParseError parseError in parsed.Errors)
                {
                    error.WriteLine("tcbgen: " + parseError.Message);
                }

                error.WriteLine($"See 'tcbgen {(parsed.CommandResult.Command == root ? string.Empty : parsed.CommandResult.Command.Name + " ")}--help'.");
                return Task.FromResult(ExitCodes.Usage);
            }

            return parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }
    }
}
