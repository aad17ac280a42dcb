using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>Scripted faults: what each does, and how they are consumed.</summary>
    public sealed class FaultScriptTests
    {
        private const string Body = "{\"env\":\"e\"}";

        [Fact]
        public async Task ScriptedErrcodeUsesTheSpecMessageByDefault()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptErrcode("createCloudUser", -601026);

            WireResponse response = await session.PostAsync("/tcb/createclouduser", session.AuthorizerToken(), "{}");

            response.AssertError(-601026, "template message sending frequency limit");
        }

        [Fact]
        public async Task ScriptedErrcodeWithAMessageAndACodeNoTableLists()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptErrcode("changeTcbEnv", 85088, errmsg: "no qbase privilege");
            session.Emulator.ScriptErrcode("changeTcbEnv", 99999);

            WireResponse custom = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body);
            WireResponse unlisted = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body);

            custom.AssertError(85088, "no qbase privilege rid: ");
            unlisted.AssertError(99999, "emulated error 99999");
        }

        [Fact]
        public async Task ScriptedResponseIsAnsweredAsItIs()
        {
            await using Session session = await Session.StartAsync();
            const string Json = "{\"errcode\":0,\"errmsg\":\"ok\",\"open\":false,\"api_whitelist\":[],\"version\":9}";
            session.Emulator.ScriptResponse("setCloudAccessToken", Json);

            WireResponse response = await session.PostAsync("/tcb/usecloudaccesstoken", session.AuthorizerToken(), "{\"action\":\"get\",\"env\":\"e\"}");

            Assert.Equal(Json, response.Text);
        }

        [Fact]
        public async Task ScriptedResponseMustBeJson()
        {
            await using Session session = await Session.StartAsync();

            Assert.Throws<ArgumentException>(() => session.Emulator.ScriptResponse("changeTcbEnv", "{not json"));
        }

        [Fact]
        public async Task ScriptedHttpStatusIsAnsweredWithItsBody()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptHttpStatus("changeTcbEnv", 502, body: "Bad Gateway");
            session.Emulator.ScriptHttpStatus("changeTcbEnv", 503);

            WireResponse withBody = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body);
            WireResponse withoutBody = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body);

            Assert.Equal(502, withBody.Status);
            Assert.Equal("Bad Gateway", withBody.Text);
            Assert.Equal("text/plain", withBody.MediaType);
            Assert.Equal(503, withoutBody.Status);
            Assert.Equal(string.Empty, withoutBody.Text);
        }

        [Fact]
        public async Task ScriptedLatencyDelaysThenAnswersNormally()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptLatency("changeTcbEnv", TimeSpan.FromMilliseconds(200));

            var watch = Stopwatch.StartNew();
            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body);
            watch.Stop();

            Assert.Equal(0, response.Errcode);
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150), $"answered after {watch.Elapsed}");
        }

        [Fact]
        public async Task ClientGivingUpDuringLatencyAbortsTheWaitAndTheNextCallIsNormal()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptLatency("changeTcbEnv", TimeSpan.FromMinutes(5));
            string token = session.AuthorizerToken();

            using (var giveUp = new CancellationTokenSource())
            {
                Task<WireResponse> call = session.PostAsync("/tcb/modifyenv", token, Body, giveUp.Token);

                // Give up only once the emulator holds the call (its latency fault is taken); on a loaded machine a
                // fixed delay can cancel the request before it was ever sent.
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (session.Emulator.PendingFaultCount("changeTcbEnv") > 0 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(10);
                }

                Assert.Equal(0, session.Emulator.PendingFaultCount("changeTcbEnv"));
                giveUp.Cancel();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            }

            // The emulator notices the client leaving and records the call unanswered, long before the 5 minutes.
            using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                RecordedRequest abandoned = Assert.Single(await session.Emulator.WaitForRequestsAsync(1, patience.Token));
                Assert.Null(abandoned.StatusCode);
                Assert.Null(abandoned.Errcode);
            }

            WireResponse next = await session.PostAsync("/tcb/modifyenv", token, Body);

            Assert.Equal(0, next.Errcode);
            Assert.Equal(0, session.Emulator.PendingFaultCount("changeTcbEnv"));
        }

        [Fact]
        public async Task DisposingCutsOffACallWaitingOnLatency()
        {
            Session session = await Session.StartAsync();
            session.Emulator.ScriptLatency("changeTcbEnv", TimeSpan.FromMinutes(5));
            Task<WireResponse> waiting = session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body);
            while (session.Emulator.PendingFaultCount("changeTcbEnv") > 0)
            {
                await Task.Yield();
            }

            await session.Emulator.DisposeAsync();

            // The server stops well before the 5-minute delay; the client sees the connection go, not an answer.
            await Assert.ThrowsAsync<HttpRequestException>(() => waiting);
            session.Http.Dispose();
        }

        [Fact]
        public async Task DroppedConnectionFailsTheClientWithoutAnAnswer()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptDroppedConnection("changeTcbEnv");

            await Assert.ThrowsAsync<HttpRequestException>(() => session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body));

            RecordedRequest record = Assert.Single(session.Emulator.RequestsTo("changeTcbEnv"));
            Assert.Null(record.StatusCode);
            Assert.Null(record.Errcode);
        }

        [Fact]
        public async Task FaultScriptedTwiceHitsTwoCallsAndTheThirdIsNormal()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptErrcode("changeTcbEnv", -1, times: 2);
            string token = session.AuthorizerToken();

            WireResponse first = await session.PostAsync("/tcb/modifyenv", token, Body);
            WireResponse second = await session.PostAsync("/tcb/modifyenv", token, Body);
            WireResponse third = await session.PostAsync("/tcb/modifyenv", token, Body);

            Assert.Equal(-1, first.Errcode);
            Assert.Equal(-1, second.Errcode);
            Assert.Equal(0, third.Errcode);
        }

        [Fact]
        public async Task FaultsAreConsumedInTheOrderScriptedAndPerEndpoint()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptHttpStatus("changeTcbEnv", 500);
            session.Emulator.ScriptErrcode("changeTcbEnv", -1);
            session.Emulator.ScriptErrcode("createCloudUser", -1000);
            string token = session.AuthorizerToken();

            WireResponse other = await session.PostAsync("/tcb/createclouduser", token, "{}");
            WireResponse first = await session.PostAsync("/tcb/modifyenv", token, Body);
            WireResponse second = await session.PostAsync("/tcb/modifyenv", token, Body);

            Assert.Equal(-1000, other.Errcode);
            Assert.Equal(500, first.Status);
            Assert.Equal(-1, second.Errcode);
        }

        [Fact]
        public async Task CallsRejectedBeforeTheFaultStepDoNotConsumeIt()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptErrcode("changeTcbEnv", -1);

            WireResponse noToken = await session.PostAsync("/tcb/modifyenv", null, Body);
            WireResponse faulted = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body);

            Assert.Equal(41001, noToken.Errcode);
            Assert.Equal(-1, faulted.Errcode);
        }

        [Fact]
        public async Task FaultComesBeforeBodyChecks()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptErrcode("changeTcbEnv", -1);

            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{}");

            Assert.Equal(-1, response.Errcode);
        }

        [Fact]
        public async Task ScriptingAnUnknownEndpointNameThrows()
        {
            await using Session session = await Session.StartAsync();

            ArgumentException error = Assert.Throws<ArgumentException>(() => session.Emulator.ScriptErrcode("createCloudUsr", -1));
            Assert.Contains("createCloudUser", error.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => session.Emulator.ScriptErrcode("createCloudUser", -1, times: 0));
        }

        [Fact]
        public async Task ClearFaultsDropsWhatIsQueued()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptDroppedConnection("changeTcbEnv", times: 3);

            session.Emulator.ClearFaults();

            Assert.Equal(0, session.Emulator.PendingFaultCount("changeTcbEnv"));
            Assert.Equal(0, (await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), Body)).Errcode);
        }

        [Fact]
        public async Task ConcurrentCallsConsumeEachFaultExactlyOnce()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptErrcode("changeTcbEnv", -1, times: 5);
            string token = session.AuthorizerToken();

            WireResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => session.PostAsync("/tcb/modifyenv", token, Body)));

            Assert.Equal(5, responses.Count(r => r.Errcode == -1));
            Assert.Equal(7, responses.Count(r => r.Errcode == 0));
        }
    }
}
