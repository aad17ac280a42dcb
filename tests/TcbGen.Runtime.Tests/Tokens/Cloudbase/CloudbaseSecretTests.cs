using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens.Cloudbase
{
    /// <summary>Cloud-call tokens from the header scope and the file never reach logs, exceptions or spans, even when echoed back.</summary>
    public sealed class CloudbaseSecretTests
    {
        private const string HeaderToken = "CANARY-CLOUD-HEADER-4d2";
        private const string FileToken = "CANARY-CLOUD-FILE-8e1";

        [Fact]
        public async Task Header_and_file_tokens_stay_out_of_logs_exceptions_and_spans()
        {
            string directory = Directory.CreateTempSubdirectory("tcbgen-cloud-secret-").FullName;
            try
            {
                string file = Path.Combine(directory, "cloudbase_access_token");
                File.WriteAllText(file, FileToken);
                var logs = new CapturingLoggerProvider();
                using var activities = new ActivityCapture();
                await using TestServer server = await TestServer.StartAsync();
                // A gateway that echoes the token it got, bare and as the parameter.
                server.On(TestEndpoints.Path, context =>
                {
                    string token = context.Request.Query["cloudbase_access_token"].ToString();
                    return Respond.Error(40001, "invalid credential " + token + " (cloudbase_access_token=" + token + ") rid: r-1")(context);
                });
                var services = new ServiceCollection();
                services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
                services.AddTcbGen(o =>
                {
                    o.BaseAddress = server.BaseAddress;
                    o.Retry.MaxAttempts = 1;
                }).UseCloudbaseAccessToken(o => o.FilePath = file);
                await using ServiceProvider provider = services.BuildServiceProvider();
                var transport = provider.GetRequiredService<ITcbTransport>();
                var key = new TcbTokenKey(TcbTokenKind.CloudbaseAccessToken, "wxapp");
                var exceptions = new List<Exception>();

                using (TcbCloudbaseTokenScope.Begin(HeaderToken))
                {
                    exceptions.Add(await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(() => transport.SendAsync(TestEndpoints.Echo(), key, new EchoRequest(), CancellationToken.None)));
                }

                exceptions.Add(await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(() => transport.SendAsync(TestEndpoints.Echo(), key, new EchoRequest(), CancellationToken.None)));
                File.Delete(file);
                exceptions.Add(await Assert.ThrowsAsync<TcbTokenUnavailableException>(() => transport.SendAsync(TestEndpoints.Echo(), key, new EchoRequest(), CancellationToken.None)));

                // The calls really carried both tokens, so the scan below is not vacuous.
                string?[] sent = server.RequestsTo(TestEndpoints.Path).Select(r => r.QueryValue("cloudbase_access_token")).Distinct().ToArray();
                Assert.Equal(new[] { HeaderToken, FileToken }, sent);
                Assert.Contains(logs.Lines, l => l.Contains("?cloudbase_access_token=***"));
                var haystacks = logs.Lines
                    .Concat(exceptions.Select(e => e.ToString()))
                    .Concat(activities.AllTagText())
                    .ToList();
                string[] leaks = haystacks.Where(h => h.Contains(HeaderToken, StringComparison.Ordinal) || h.Contains(FileToken, StringComparison.Ordinal)).ToArray();
                Assert.True(leaks.Length == 0, string.Join("\n", leaks));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
