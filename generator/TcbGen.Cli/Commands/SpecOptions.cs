using System.CommandLine;

namespace TcbGen.Cli.Commands
{
    /// <summary>
    /// The options every command that reads specs shares, spelled once: <c>--specs</c> (files or folders, repeatable,
    /// added to the built-in specs) and <c>--no-built-in-specs</c> (leave the built-in specs out).
    /// </summary>
    internal static class SpecOptions
    {
        public static Option<string[]> Specs(string description)
            => new Option<string[]>("--specs") { Description = description, AllowMultipleArgumentsPerToken = true };

        public static Option<bool> NoBuiltInSpecs(string description)
            => new Option<bool>("--no-built-in-specs") { Description = description };
    }
}
