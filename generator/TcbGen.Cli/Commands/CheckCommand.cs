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
            var paths = new Argument<string[]>("paths") { Description = "Spec and definitions files, or directories to search for *.tcb.json and *.tcb.defs.json (default: the current directory).", Arity = ArgumentArity.ZeroOrMore };
            var format = new Option<string>("--format") { Description = "text (file(line,col): error TCBnnnn: message) or json.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var noBuiltIns = new Option<bool>("--no-built-in-specs") { Description = "Leave out the built-in specs, as a project with TcbGenIncludeBuiltInSpecs=false does." };
            var command = new Command("check", "Check specs and report exactly the diagnostics the build gives.") { paths, format, noBuiltIns };
            command.SetAction(result =>
            {
                TextWriter stdout = result.InvocationConfiguration.Output;
                string[] given = result.GetValue(paths) is { Length: > 0 } p ? p : new[] { "." };
                SpecCheckResult checkResult;
                try
                {
                    checkResult = SpecCheck.Run(SpecCheck.Expand(given), !result.GetValue(noBuiltIns));
                }
                catch (FileNotFoundException exception)
                {
                    result.InvocationConfiguration.Error.WriteLine("tcbgen check: " + exception.Message);
                    return 2;
                }

                if (result.GetValue(format) == "json")
                {
                    DiagnosticFormatter.WriteJson(stdout, checkResult);
                }
                else
                {
                    DiagnosticFormatter.WriteText(stdout, checkResult);
                }

                // Like the build: warnings (an example that does not match its spec) do not fail the check.
                return checkResult.Diagnostics.Any(d => !TcbGen.Specs.SpecDiagnosticIds.IsWarning(d.Id)) ? 1 : 0;
            });
            return command;
        }
    }
}
