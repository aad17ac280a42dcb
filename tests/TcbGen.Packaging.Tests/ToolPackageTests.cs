using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using TcbGen.Packaging.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Packaging.Tests
{
    /// <summary>
    /// The tool as a user gets it: packed to a local feed, installed with <c>dotnet tool install --tool-path</c>, and run
    /// as separate processes: import a seed page, check it, init a project, run the emulator and drive its admin API.
    /// </summary>
    public sealed class ToolPackageTests : IDisposable
    {
        private static readonly TimeSpan Slow = TimeSpan.FromMinutes(5);

        private readonly string _root = Path.Combine(Path.GetTempPath(), "tcbgen-tool-" + Guid.NewGuid().ToString("N"));
        private readonly string _version = "1.0.0-tool." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

        [Fact]
        public async Task TheInstalledToolImportsChecksInitsAndEmulates()
        {
            string feed = Path.Combine(_root, "feed");
            string tools = Path.Combine(_root, "tools");
            string project = Path.Combine(_root, "project");
            Directory.CreateDirectory(feed);
            Directory.CreateDirectory(project);
            DotNet.Run(DotNet.RepositoryRoot(), Slow, "pack", "generator/TcbGen.Cli", "-c", "Release", "-o", feed, "--no-restore", $"-p:Version={_version}");
            DotNet.Run(_root, Slow, "tool", "install", "TcbGen.Cli", "--tool-path", tools, "--add-source", feed, "--version", _version);
            string tcbgen = Path.Combine(tools, OperatingSystem.IsWindows() ? "tcbgen.exe" : "tcbgen");

            (int initExit, string init, _) = Run(tcbgen, project, "init");
            Assert.Equal(0, initExit);
            Assert.Contains("wrote     .tcbgen/tcb-endpoint.schema.json", init);
            string again = Run(tcbgen, project, "init").Output;
            Assert.DoesNotContain("wrote", again);
            Assert.DoesNotContain("updated", again);

            string page = Path.Combine(AppContext.BaseDirectory, "pages", "setCallBackConfig.txt");
            string spec = Path.Combine(project, "specs", "setCallBackConfig.tcb.json");
            (int importExit, string import, _) = Run(tcbgen, project, "import", page, "-o", spec);
            Assert.Equal(0, importExit);
            Assert.Contains("Decisions to review", import);
            Assert.Contains("\"name\": \"setCallBackConfig\"", File.ReadAllText(spec));

            // The built-in specs hold setCallBackConfig already: checked together, the build would report a duplicate.
            // Diagnostics go to standard error, the summary to standard output.
            (int duplicateExit, _, string duplicate) = Run(tcbgen, project, "check", "specs");
            Assert.Equal(1, duplicateExit);
            Assert.Contains("error TCB0013", duplicate);
            (int checkExit, string check, _) = Run(tcbgen, project, "check", "specs", "--no-built-in-specs");
            Assert.True(checkExit == 0, check);

            await EmulatorAsync(tcbgen, project);
        }

        private static async Task EmulatorAsync(string tcbgen, string project)
        {
            int port = FreePort();
            using Process emulator = Start(tcbgen, project, "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var banner = new StringBuilder();
            try
            {
                string? line;
                while ((line = await emulator.StandardOutput.ReadLineAsync()) != null && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    banner.AppendLine(line);
                }

                Assert.Contains($"Admin API: http://127.0.0.1:{port}/__admin/", banner.ToString());
                using var http = new HttpClient();
                // The admin API wants this run's key, which the banner prints on a line "Admin key: KEY (...)".
                string adminKey = banner.ToString().Split('\n').Single(l => l.StartsWith("Admin key: ", StringComparison.Ordinal)).Substring("Admin key: ".Length).Split(' ')[0];
                http.DefaultRequestHeaders.Add("X-TcbGen-Admin-Key", adminKey);
                string endpoints = await http.GetStringAsync($"http://127.0.0.1:{port}/__admin/endpoints");
                Assert.Contains("\"name\": \"setCallBackConfig\"", endpoints);

                (int inUseExit, _, string inUse) = Run(tcbgen, project, "emulator", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(2, inUseExit);
                Assert.Single(inUse.Split('\n', StringSplitOptions.RemoveEmptyEntries));

                // SIGTERM, as a service manager or `docker stop` sends it: the emulator stops cleanly.
                using Process kill = Process.Start("kill", new[] { "-TERM", emulator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })!;
                await kill.WaitForExitAsync();
                Assert.True(emulator.WaitForExit(30_000), "the emulator did not stop on SIGTERM");
                Assert.Equal(0, emulator.ExitCode);
            }
            finally
            {
                if (!emulator.HasExited)
                {
                    emulator.Kill(entireProcessTree: true);
                }
            }
        }

        private static (int ExitCode, string Output, string Error) Run(string tool, string directory, params string[] args)
        {
            using Process process = Start(tool, directory, args);
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"tcbgen {string.Join(" ", args)} did not finish");
            }

            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }

        private static Process Start(string tool, string directory, params string[] args)
        {
            var start = new ProcessStartInfo(tool)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            return Process.Start(start)!;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; don't hide the test's own result.
            }
        }
    }
}
