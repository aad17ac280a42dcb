using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace TcbGen.AotConsumer
{
    /// <summary>A throw-away redis-server on a free loopback port, without persistence, for the UseRedis form.</summary>
    internal sealed class LocalRedis : IDisposable
    {
        private readonly Process _process;

        private LocalRedis(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        public static LocalRedis Start()
        {
            int port = FreePort();
            var start = new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetTempPath(),
            };
            Process process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            for (int i = 0; i < 100; i++)
            {
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return new LocalRedis(process, port);
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            process.Kill();
            throw new InvalidOperationException("redis-server did not answer on port " + port + ".");
        }

        public void Dispose()
        {
            _process.Kill();
            _process.WaitForExit();
            _process.Dispose();
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
