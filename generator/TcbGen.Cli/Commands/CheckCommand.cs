using System.Linq;
using System.CommandLine;
using System.IO;
using TcbGen.Cli.Check;

namespace TcbGen.Cli.Commands
{
    /// <summary><c>tcbgen check [paths] [--format text|json]</c>: the build's diagnostics, without a build.</summary>
    internal static class CheckCommand
    {
        public static Command Create()
        {
            var paths = new Argument<string[]>("paths") { Description = "Spec and definitions files, or folders to search for *.tcb.json and *.tcb.defs.json. [default: the current directory, unless --specs names some]", Arity = ArgumentArity.ZeroOrMore };
            var specs = SpecOptions.Specs("More spec files or folders to check, as the paths are (repeatable). [default: none]");
            var format = new Option<string>("--format") { Description = "text (one line per diagnostic on stderr, file(line,col): error TCBnnnn: message, and a summary on stdout) or json (everything on stdout).", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var noBuiltIns = SpecOptions.NoBuiltInSpecs("Check the specs without the built-in specs beside them, as a project with TcbGenIncludeBuiltInSpecs=false does. [default: off, the built-in specs are included]");
            var command = new Command("check", "Check specs and report exactly the diagnostics the build gives (exit 1 on errors).") { paths, specs, format, noBuiltIns };
            command.SetAction(result =>
            {
                TextWriter stdout = result.InvocationConfiguration.Output;
                string[] named = (result.GetValue(paths) ?? System.Array.Empty<string>()).Concat(result.GetValue(specs) ?? System.Array.Empty<string>()).ToArray();
                string[] given = named.Length > 0 ? named : new[] { "." };
                SpecCheckResult checkResult;
                try
                {
                    checkResult = SpecCheck.Run(SpecCheck.Expand(given), !result.GetValue(noBuiltIns));
                }
                catch (FileNotFoundException exception)
                {
                    result.InvocationConfiguration.Error.WriteLine("tcbgen check: " + exception.Message);
                    return ExitCodes.Usage;
                }

                if (result.GetValue(format) == "json")
                {
                    DiagnosticFormatter.WriteJson(stdout, checkResult);
                }
                else
                {
                    DiagnosticFormatter.WriteText(stdout, result.InvocationConfiguration.Error, checkResult);
                }

                // Like the build: warnings (an example that does not match its spec) do not fail the check.
                return checkResult.Diagnostics.Any(d => !TcbGen.Specs.SpecDiagnosticIds.IsWarning(d.Id)) ? ExitCodes.Findings : ExitCodes.Clean;
            });
            return command;
        }
    }
}
