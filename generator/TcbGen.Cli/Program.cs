using System;
using System.Threading.Tasks;
using TcbGen.Cli.Commands;

namespace TcbGen.Cli
{
    /// <summary>The <c>tcbgen</c> entry point.</summary>
    internal static class Program
    {
        private static Task<int> Main(string[] args) => TcbGenCommand.RunAsync(args, Console.Out, Console.Error);
    }
}
