using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace TcbGen.Benchmarks.Loopback
{
    /// <summary>
    /// The <see cref="LoopbackServer"/> as a child process: this benchmarks assembly re-launched with
    /// <c>--loopback-server</c>, with the runtime configuration of the process that starts it (so it also runs from
    /// BenchmarkDotNet's generated host). Dispose kills it.
    /// </summary>
    internal sealed class LoopbackServerProcess : IDisposable
    {
        private readonly Process _process;

        private LoopbackServerProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        /// <summary>http://127.0.0.1:port/.</summary>
        public Uri BaseAddress { get; }

        public static LoopbackServerProcess Start()
        {
            string assembly = typeof(LoopbackServer).Assembly.Location;
            var start = new ProcessStartInfo(Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
            };
            start.ArgumentList.Add("exec");
            string? runtimeConfig = RuntimeConfigOfThisProcess();
            if (runtimeConfig != null)
            {
                start.ArgumentList.Add("--runtimeconfig");
                start.ArgumentList.Add(runtimeConfig);
            }

            start.ArgumentList.Add(assembly);
            start.ArgumentList.Add("--loopback-server");
            Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the loopback server.");
            try
            {
                Task<string?> line = process.StandardOutput.ReadLineAsync();
                if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result is not { } answer || !answer.StartsWith("port=", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The loopback server did not report its port.");
                }

                return new LoopbackServerProcess(process, new Uri("http://127.0.0.1:" + answer.Substring("port=".Length) + "/"));
            }
            catch
            {
                process.Kill();
                process.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }

        /// <summary>The entry assembly's runtimeconfig.json (this project's, or BenchmarkDotNet's generated host's): it names the ASP.NET Core framework Kestrel needs.</summary>
        private static string? RuntimeConfigOfThisProcess()
        {
            string? entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
            string? config = string.IsNullOrEmpty(entry) ? null : Path.ChangeExtension(entry, ".runtimeconfig.json");
            return config != null && File.Exists(config) ? config : null;
        }
    }
}
