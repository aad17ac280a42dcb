using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using TcbGen.Testing;

namespace TcbGen.Redis.Tests.Infrastructure
{
    /// <summary>
    /// One platform instance in its own OS process (<c>dotnet TcbGen.Redis.Worker.dll</c>), driven by commands on stdin,
    /// one answer line each (see the worker's Program.cs).
    /// </summary>
    public sealed class WorkerProcess : IDisposable
    {
        private readonly Process _process;

        private WorkerProcess(Process process)
        {
            _process = process;
        }

        public int Id => _process.Id;

        /// <summary>The authorization-event URL the worker serves (started with an events token), or <see langword="null"/>.</summary>
        public Uri? EventsAddress { get; private set; }

        public static async Task<WorkerProcess> StartAsync(WeChatEmulator emulator, RedisServer redis, string authorizerAppId, params string[] settings)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = false,
            };
            start.ArgumentList.Add(WorkerPath);
            var arguments = new List<string>
            {
                "--emulator", emulator.BaseAddress.ToString(), "--redis", redis.ConnectionString,
                "--component-appid", emulator.ComponentAppId, "--component-secret", emulator.ComponentAppSecret,
                "--ticket", emulator.ComponentVerifyTicket, "--authorizer", authorizerAppId,
            };
            arguments.AddRange(settings);
            arguments.ForEach(start.ArgumentList.Add);
            var worker = new WorkerProcess(Process.Start(start)!);
            string ready = await worker.ReadLineAsync(TimeSpan.FromSeconds(60));
            if (!ready.StartsWith("ready", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The worker did not start: " + ready);
            }

            string[] parts = ready.Split(' ');
            worker.EventsAddress = parts.Length > 2 ? new Uri(parts[2]) : null;

            return worker;
        }

        /// <summary>Sends a command without waiting for its answer.</summary>
        public void Send(string command)
        {
            _process.StandardInput.WriteLine(command);
            _process.StandardInput.Flush();
        }

        public async Task<string> AskAsync(string command, TimeSpan timeout)
        {
            Send(command);
            return await ReadLineAsync(timeout);
        }

        public async Task<string> ReadLineAsync(TimeSpan timeout)
            => await _process.StandardOutput.ReadLineAsync().WaitAsync(timeout) ?? throw new EndOfStreamException("The worker exited.");

        /// <summary>SIGKILL: the process gets no chance to release anything.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    Send("quit");
                    if (!_process.WaitForExit(5000))
                    {
                        _process.Kill();
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }

        private static string WorkerPath
        {
            get
            {
                // The worker builds to its own folder beside this project's, with the same configuration and framework.
                string testOutput = AppContext.BaseDirectory;
                string path = Path.Combine(testOutput.Replace(Path.DirectorySeparatorChar + "TcbGen.Redis.Tests" + Path.DirectorySeparatorChar, Path.DirectorySeparatorChar + "TcbGen.Redis.Worker" + Path.DirectorySeparatorChar), "TcbGen.Redis.Worker.dll");
                return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/TcbGen.Redis.Worker first.", path);
            }
        }
    }
}
