using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using StackExchange.Redis;
using TcbGen.Testing;

namespace TcbGen.Benchmarks.Tokens
{
    /// <summary>
    /// <c>--refresh-storm</c>: 4 worker processes (tests/TcbGen.Redis.Worker) with 250 callers each ask at the same instant for
    /// an authorizer token that has just expired everywhere (deleted from Redis and dropped from every first level). Reports the
    /// Redis commands per caller (from the server's own <c>total_commands_processed</c>), the time to the first and the last
    /// token, and how many times WeChat (the emulator) was asked. Needs redis-server on PATH; starts and stops its own.
    /// </summary>
    internal static class RefreshStorm
    {
        private const int Processes = 4;
        private const int CallersPerProcess = 250;
        private const string AuthorizerAppId = "wx-storm";

        public static async Task<int> RunAsync(TextWriter output, int rounds = 3)
        {
            string? redisServer = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .Select(folder => Path.Combine(folder, "redis-server")).FirstOrDefault(File.Exists);
            if (redisServer is null)
            {
                output.WriteLine("The refresh storm needs redis-server: sudo apt-get install -y redis-server");
                return 2;
            }

            int port = FreePort();
            string folder = Path.Combine(Path.GetTempPath(), "tcbgen-storm-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            using Process redis = Process.Start(new ProcessStartInfo(redisServer, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --dir {folder}") { UseShellExecute = false, RedirectStandardOutput = true })!;
            var workers = new List<Process>();
            try
            {
                string connectionString = "127.0.0.1:" + port + ",abortConnect=false";
                using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
                await WaitForAsync(connection);
                await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
                emulator.RegisterAuthorizer(AuthorizerAppId, "refresh@0");
                string root = "tcbgen:" + emulator.ComponentAppId + ":";
                IDatabase database = connection.GetDatabase();
                await database.StringSetAsync(root + "refresh:" + AuthorizerAppId, "refresh@0");
                IServer server = connection.GetServer(connection.GetEndPoints()[0]);

                for (int i = 0; i < Processes; i++)
                {
                    workers.Add(StartWorker(emulator, connectionString));
                }

                foreach (Process worker in workers)
                {
                    await AskAsync(worker, null);
                    await AskAsync(worker, "token");
                }

                output.WriteLine($"Refresh storm: {Processes} processes x {CallersPerProcess} callers on one expired authorizer_access_token, Redis on 127.0.0.1:{port}");
                output.WriteLine("| Round | Redis commands per caller | First token after | Last token after | WeChat token requests | Failed |");
                output.WriteLine("|---:|---:|---:|---:|---:|---:|");
                for (int round = 1; round <= rounds; round++)
                {
                    // Expire the key everywhere: gone from Redis, and every first level told to forget it.
                    await database.KeyDeleteAsync(root + "token:authorizer_access_token:" + AuthorizerAppId);
                    await connection.GetSubscriber().PublishAsync(RedisChannel.Literal(root + "events"), "drop|authorizer_access_token|" + AuthorizerAppId);
                    await Task.Delay(200);
                    int fetchesBefore = emulator.TokenFetchCount(WeChat.AuthorizerKind);
                    long commandsBefore = await TotalCommandsAsync(server);
                    long start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000;
                    string[] answers = await Task.WhenAll(workers.Select(w => AskAsync(w, "storm " + CallersPerProcess + " " + start)));
                    long commands = await TotalCommandsAsync(server) - commandsBefore - 1;
                    long first = answers.Min(a => Field(a, "first"));
                    long last = answers.Max(a => Field(a, "last"));
                    long failed = answers.Sum(a => Field(a, "failed"));
                    output.WriteLine($"| {round} | {commands / (double)(Processes * CallersPerProcess):0.000} ({commands} in all) | {first - start} ms | {last - start} ms | {emulator.TokenFetchCount(WeChat.AuthorizerKind) - fetchesBefore} | {failed} |");
                }

                return 0;
            }
            finally
            {
                foreach (Process worker in workers)
                {
                    if (!worker.HasExited)
                    {
                        worker.Kill();
                    }

                    worker.Dispose();
                }

                redis.Kill();
                redis.WaitForExit();
                Directory.Delete(folder, recursive: true);
            }
        }

        private static Process StartWorker(WeChatEmulator emulator, string connectionString)
        {
            string path = Path.Combine(AppContext.BaseDirectory.Replace(Path.DirectorySeparatorChar + "TcbGen.Benchmarks" + Path.DirectorySeparatorChar, Path.DirectorySeparatorChar + "TcbGen.Redis.Worker" + Path.DirectorySeparatorChar), "TcbGen.Redis.Worker.dll");
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };
            foreach (string argument in new[]
            {
                path, "--emulator", emulator.BaseAddress.ToString(), "--redis", connectionString, "--component-appid", emulator.ComponentAppId,
                "--component-secret", emulator.ComponentAppSecret, "--ticket", emulator.ComponentVerifyTicket, "--authorizer", AuthorizerAppId,
            })
            {
                start.ArgumentList.Add(argument);
            }

            return Process.Start(start)!;
        }

        private static async Task<string> AskAsync(Process worker, string? command)
        {
            if (command != null)
            {
                await worker.StandardInput.WriteLineAsync(command);
                await worker.StandardInput.FlushAsync();
            }

            return await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120)) ?? throw new EndOfStreamException("A worker exited.");
        }

        private static long Field(string answer, string name)
            => long.Parse(answer.Split(' ').Single(p => p.StartsWith(name + "=", StringComparison.Ordinal)).Substring(name.Length + 1), System.Globalization.CultureInfo.InvariantCulture);

        private static async Task<long> TotalCommandsAsync(IServer server)
        {
            IGrouping<string, KeyValuePair<string, string>>[] info = await server.InfoAsync("stats");
            return long.Parse(info.SelectMany(g => g).Single(p => p.Key == "total_commands_processed").Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static async Task WaitForAsync(ConnectionMultiplexer connection)
        {
            for (int attempt = 0; !connection.IsConnected && attempt < 100; attempt++)
            {
                await Task.Delay(100);
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

        private static class WeChat
        {
            public const string AuthorizerKind = WeChatEmulator.AuthorizerAccessTokenKind;
        }
    }
}
