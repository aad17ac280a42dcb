using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace TcbGen.Cli.Tests.Infrastructure
{
    /// <summary><c>tcbgen</c> as a separate OS process (<c>dotnet tcbgen.dll</c> from beside the tests): what a user runs.</summary>
    internal static class ToolProcess
    {
        private static readonly string ToolPath = Path.Combine(AppContext.BaseDirectory, "tcbgen.dll");

        public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            info.ArgumentList.Add(ToolPath);
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            return info;
        }

        /// <summary>Runs a command to its end: exit code, standard output, standard error.</summary>
        public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
        {
            using Process process = Process.Start(StartInfo(workingDirectory, args))!;
            process.StandardInput.Close();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return (process.ExitCode, await output, await error);
        }
    }

    /// <summary><c>tcbgen emulator</c> running as its own process, its banner read up to "Press Ctrl+C to stop."; disposing kills it.</summary>
    internal sealed class EmulatorProcess : IDisposable
    {
        private readonly Process _process;

        private EmulatorProcess(Process process, string banner)
        {
            _process = process;
            Banner = banner;
        }

        public string Banner { get; }

        public string BaseUrl => Line("Base URL: ").TrimEnd('/');

        public string AdminKey => Line("Admin key: ").Split(' ')[0];

        public static async Task<EmulatorProcess> StartAsync(params string[] args)
        {
            Process process = Process.Start(ToolProcess.StartInfo(AppContext.BaseDirectory, args))!;
            var banner = new StringBuilder();
            try
            {
                while (true)
                {
                    string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
                    if (line == null)
                    {
                        throw new InvalidOperationException("tcbgen emulator ended before its banner: " + banner + await process.StandardError.ReadToEndAsync());
                    }

                    banner.AppendLine(line);
                    if (line == "Press Ctrl+C to stop.")
                    {
                        return new EmulatorProcess(process, banner.ToString());
                    }
                }
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public string Line(string prefix)
        {
            foreach (string line in Banner.Split('\n'))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line.Substring(prefix.Length).TrimEnd('\r');
                }
            }

            throw new InvalidOperationException($"No line '{prefix}...' in the banner:\n{Banner}");
        }

        /// <summary>Stops the emulator and returns what it printed after its banner, on standard output and standard error.</summary>
        public async Task<(string Output, string Error)> StopAsync()
        {
            _process.Kill(entireProcessTree: true);
            string output = await _process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            string error = await _process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return (output, error);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
            _process.Dispose();
        }
    }
}
