using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Xunit;

namespace TcbGen.Packaging.Tests.Infrastructure
{
    /// <summary>Runs the dotnet CLI as a user would, failing the test with its whole output when it fails.</summary>
    internal static class DotNet
    {
        public static string Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host runs under `dotnet test`, whose MSBuild variables must not leak into the consumer's builds.
            start.Environment["MSBuildSDKsPath"] = null;
            start.Environment["MSBuildExtensionsPath"] = null;
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"dotnet {string.Join(" ", arguments)} did not finish within {timeout}:\n{output}");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Assert.Fail($"dotnet {string.Join(" ", arguments)} in {workingDirectory} exited with {process.ExitCode}:\n{output}");
            }

            return output.ToString();
        }

        public static string RepositoryRoot()
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
