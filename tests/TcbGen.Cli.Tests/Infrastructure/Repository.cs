using System;
using System.IO;

namespace TcbGen.Cli.Tests.Infrastructure
{
    /// <summary>The repository the tests run from (the folder holding TcbGen.sln above the test's output).</summary>
    internal static class Repository
    {
        public static string Root
        {
            get
            {
                string? directory = AppContext.BaseDirectory;
                while (directory != null && !File.Exists(Path.Combine(directory, "TcbGen.sln")))
                {
                    directory = Path.GetDirectoryName(directory);
                }

                return directory ?? throw new InvalidOperationException("The repository root (TcbGen.sln) is not above " + AppContext.BaseDirectory);
            }
        }
    }
}
