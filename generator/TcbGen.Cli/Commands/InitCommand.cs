using System.CommandLine;
using System.IO;
using TcbGen.Cli.Init;

namespace TcbGen.Cli.Commands
{
    /// <summary><c>tcbgen init [dir]</c>: make editors complete and validate every <c>*.tcb.json</c> of a project.</summary>
    internal static class InitCommand
    {
        /// <summary>What to do after init, printed last so it is what the user reads.</summary>
        internal static readonly string[] NextSteps =
        {
            "Next:",
            "  1. dotnet add package TcbGen            (the generator and runtime; compiles every *.tcb.json into typed clients)",
            "     dotnet add package TcbGen.Testing    (optional: the WeChat emulator, in-process for your tests)",
            "  2. dotnet build                         (the clients appear; spec errors are build errors TCBnnnn)",
            "  3. tcbgen check                         (the same diagnostics without a build)",
            "  4. tcbgen emulator                      (the WeChat emulator on 127.0.0.1, serving the built-in specs and, with",
            "                                           --specs " + ProjectInitializer.StarterSpecPath + " or --specs specs, yours; Ctrl+C stops it)",
        };

        public static Command Create()
        {
            var directory = new Argument<string>("directory") { Description = "The project (or solution) folder; . is the current directory.", DefaultValueFactory = _ => "." };
            var command = new Command("init", "Set a project up for specs: the schema, VS Code and Rider mappings of *.tcb.json to it, and a first spec.") { directory };
            command.SetAction(result =>
            {
                ProjectFiles files = ProjectInitializer.Run(result.GetValue(directory)!);
                TextWriter stdout = result.InvocationConfiguration.Output;
                foreach (string line in files.Report)
                {
                    stdout.WriteLine(line);
                }

                stdout.WriteLine();
                foreach (string line in NextSteps)
                {
                    stdout.WriteLine(line);
                }

                return ExitCodes.Clean;
            });
            return command;
        }
    }
}
