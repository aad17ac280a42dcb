using System;
using System.IO;

namespace TcbGen.Generator.Tests.Infrastructure
{
    /// <summary>Locates the repository from the test binaries, so tests read the real specs and snapshot files.</summary>
    internal static class Paths
    {
        public static string RepositoryRoot { get; } = FindRoot();

        public static string SpecsDirectory => Path.Combine(RepositoryRoot, "specs");

        public static string TestsDirectory => Path.Combine(RepositoryRoot, "tests", "TcbGen.Generator.Tests");

        private static string FindRoot()
        {
            string? directory = AppContext.BaseDirectory;
            while (directory != null && !File.Exists(Path.Combine(directory, "TcbGen.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return directory ?? throw new InvalidOperationException("TcbGen.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
