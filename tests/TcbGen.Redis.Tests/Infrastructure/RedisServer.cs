using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TcbGen.Redis.Tests.Infrastructure
{
    /// <summary>
    /// A real <c>redis-server</c> of this test's own, on a free loopback port in a temporary folder, without persistence
    /// unless asked for AOF. Without redis-server on PATH the test is skipped (naming the install command), or fails when
    /// CI=true, so CI can never skip the Redis tests silently.
    /// </summary>
    public sealed class RedisServer : IDisposable
    {
        public const string InstallCommand = "sudo apt-get install -y redis-server";
        private readonly string _executable;
        private readonly string? _password;
        private Process? _process;

        private RedisServer(string executable, bool appendOnly, string? password)
        {
            _executable = executable;
            AppendOnly = appendOnly;
            _password = password;
            Directory = Path.Combine(Path.GetTempPath(), "tcbgen-redis-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            Port = FreePort();
        }

        public int Port { get; }

        public bool AppendOnly { get; }

        public string Directory { get; }

        public string ConnectionString => "127.0.0.1:" + Port + (_password is null ? string.Empty : ",password=" + _password);

        /// <summary>Starts a server, or skips (fails under CI=true) when redis-server is not installed.</summary>
        public static RedisServer Start(bool appendOnly = false, string? password = null)
        {
            string? executable = Find("redis-server");
            if (executable is null)
            {
                string message = "redis-server is not on PATH; install it with: " + InstallCommand;
                Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message);
                Skip.If(true, message);
            }

            var server = new RedisServer(executable!, appendOnly, password);
            server.Launch();
            return server;
        }

        /// <summary>Kills the server (SIGKILL: nothing flushed beyond what AOF already wrote).</summary>
        public void Kill()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process?.Dispose();
            _process = null;
        }

        /// <summary>SIGSTOP: connections stay open and nothing answers, as during a long fork, a paused VM or a partition.</summary>
        public void Pause() => Signals.Pause(_process!.Id);

        /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
        public void Resume() => Signals.Resume(_process!.Id);

        /// <summary>Starts a server that was killed again, on the same port and folder (so an AOF is replayed).</summary>
        public void StartAgain()
        {
            if (_process is null)
            {
                Launch();
            }
        }

        /// <summary>Starts the server again on the same port and folder (so an AOF is replayed).</summary>
        public void Restart()
        {
            Kill();
            Launch();
        }

        public void Dispose()
        {
            Kill();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private void Launch()
        {
            var start = new ProcessStartInfo(_executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Directory,
            };
            foreach (string argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--dir", Directory, "--appendonly", AppendOnly ? "yes" : "no", "--appendfsync", "always" })
            {
                start.ArgumentList.Add(argument);
            }

            if (_password != null)
            {
                start.ArgumentList.Add("--requirepass");
                start.ArgumentList.Add(_password);
            }

            _process = Process.Start(start)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            WaitUntilAnswering();
        }

        private void WaitUntilAnswering()
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, Port);
                    NetworkStream stream = client.GetStream();
                    byte[] ping = Encoding.ASCII.GetBytes("PING\r\n");
                    stream.Write(ping, 0, ping.Length);
                    byte[] buffer = new byte[64];
                    int read = stream.Read(buffer, 0, buffer.Length);
                    string answer = Encoding.ASCII.GetString(buffer, 0, read);
                    if (answer.StartsWith("+PONG", StringComparison.Ordinal) || answer.StartsWith("-NOAUTH", StringComparison.Ordinal))
                    {
                        return;
                    }
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                }

                if (DateTime.UtcNow >= deadline || _process!.HasExited)
                {
                    throw new InvalidOperationException("redis-server did not answer on port " + Port + ".");
                }

                Thread.Sleep(50);
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static string? Find(string name)
        {
            foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(folder, name);
                if (folder.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
