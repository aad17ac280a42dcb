using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TcbGen.Redis.Tests.Infrastructure;
using TcbGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TcbGen.Redis.Tests
{
    /// <summary>
    /// WeChat's pushes reaching one of several instances (separate OS processes, each serving the authorization-event URL
    /// on Kestrel, sharing one redis-server), with the emulator as WeChat's API.
    /// </summary>
    [Collection(WorkerProcessCollection.Name)]
    public sealed class PushesAcrossInstancesTests
    {
        private const string Merchant = "wx-new-merchant";
        private static readonly TimeSpan Answer = TimeSpan.FromSeconds(90);

        /// <summary>The drop-propagation bound the instances run with (<c>FirstLevelStaleness</c>; pub/sub is usually far quicker).</summary>
        private static readonly TimeSpan StalenessBound = TimeSpan.FromSeconds(3);
        private readonly ITestOutputHelper _output;

        public PushesAcrossInstancesTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [SkippableFact]
        public async Task A_ticket_and_an_authorization_pushed_to_A_serve_B_at_once_and_a_revocation_pushed_to_B_stops_A_within_the_bound()
        {
            using RedisServer redis = RedisServer.Start();
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();
            using var wechat = new WeChatPushes(emulator.ComponentAppId);
            string[] settings = WeChatPushes.WorkerSettings.Concat(new[] { "--staleness-ms", ((int)StalenessBound.TotalMilliseconds).ToString() }).ToArray();
            WorkerProcess[] instances = await Task.WhenAll(WorkerProcess.StartAsync(emulator, redis, Merchant, settings), WorkerProcess.StartAsync(emulator, redis, Merchant, settings));
            (WorkerProcess a, WorkerProcess b) = (instances[0], instances[1]);
            try
            {
                // From zero: no instance has a ticket, so none can get the component token.
                Assert.StartsWith("error InvalidOperationException", await b.AskAsync("component", Answer));

                Assert.Equal("200 success", await wechat.VerifyTicketAsync(a.EventsAddress!, emulator.ComponentVerifyTicket));
                Assert.Equal("ok", await b.AskAsync("component", Answer));
                Assert.Equal(1, emulator.TokenFetchCount(WeChatEmulator.ComponentAccessTokenKind));

                // A exchanges the code with the component token B fetched, and stores what it got where B reads it.
                string code = emulator.IssueAuthorizationCode(Merchant, 1, 2);
                Assert.Equal("200 success", await wechat.AuthorizedAsync(a.EventsAddress!, Merchant, code));
                Assert.Equal("ok", await b.AskAsync("call", Answer));
                Assert.Equal(1, emulator.TokenFetchCount(WeChatEmulator.ComponentAccessTokenKind));
                Assert.Equal(0, emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));
                Assert.Single(emulator.RequestsTo(WeChatEmulator.QueryAuthEndpointName));
                Assert.Equal(emulator.CurrentRefreshToken(Merchant), await Instances.StoredRefreshTokenAsync(redis, emulator.ComponentAppId, Merchant));

                // A holds the merchant's token in process when the revocation reaches B.
                Assert.Equal("ok", await a.AskAsync("call", Answer));
                int callsBefore = emulator.RequestsTo("setCloudAccessToken").Count;
                Assert.Equal("200 success", await wechat.UnauthorizedAsync(b.EventsAddress!, Merchant));
                var sinceDrop = Stopwatch.StartNew();
                string answer;
                int callsByA = 0;
                do
                {
                    answer = await a.AskAsync("call", Answer);
                    callsByA += answer == "ok" ? 1 : 0;
                }
                while (answer == "ok" && sinceDrop.Elapsed < StalenessBound + TimeSpan.FromSeconds(2));

                TimeSpan stopped = sinceDrop.Elapsed;
                _output.WriteLine("A stopped using the merchant " + stopped.TotalMilliseconds + " ms after the push to B, after " + callsByA + " more calls; answer: " + answer);
                Assert.StartsWith("error TcbAuthorizerNotFoundException", answer);
                Assert.True(stopped < StalenessBound, "A used the revoked merchant for " + stopped);
                Assert.Equal(callsBefore + callsByA, emulator.RequestsTo("setCloudAccessToken").Count);
                Assert.Null(await Instances.StoredRefreshTokenAsync(redis, emulator.ComponentAppId, Merchant));
                Assert.StartsWith("error TcbAuthorizerNotFoundException", await b.AskAsync("call", Answer));
            }
            finally
            {
                Array.ForEach(instances, w => w.Dispose());
            }
        }
    }
}
