using System.CommandLine;
using TcbGen.Cli.Init;

namespace TcbGen.Cli.Commands
{
    /// <summary><c>tcbgen init [dir]</c>: make editors complete and validate every <c>*.tcb.json</c> of a project.</summary>
    internal static class InitCommand
    {
        public static Command Create()
        {
            var directory = new Argument<string>("directory") { Description = "The project (or solution) folder. Default: the current directory.", DefaultValueFactory = _ => "." };
            var command = new Command("init", "Set a project up for specs: the schema, VS Code and Rider mappings of *.tcb.json to it, and a first spec.") { directory };
            command.SetAction(result =>
            {
                ProjectFiles files = ProjectInitializer.Run(result.GetValue(directory)!);
                foreach (string line in files.Report)
                {
                    result.InvocationConfiguration.Output.WriteLine(line);
                }

                return 0;
            });
            return command;
        }
    }
}
