using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>What the emulator records, and that it never records a credential.</summary>
    public sealed class RecordingTests
    {
        [Fact]
        public async Task RecordsEachRequestWithWhatWasAnswered()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
            await using Session session = await Session.StartAsync(new WeChatEmulatorOptions { TimeProvider = time });
            string token = session.AuthorizerToken();

            await session.PostAsync("/tcb/modifyenv", token, "{\"env\":\"e\"}");
            await session.PostAsync("/tcb/createclouduser", token, "{}");
            await session.PostAsync("/tcb/modifyenv", token, "{}");

            Assert.Equal(3, session.Emulator.Requests.Count);
            RecordedRequest first = session.Emulator.Requests[0];
            Assert.Equal("changeTcbEnv", first.EndpointName);
            Assert.Equal("POST", first.Method);
            Assert.Equal("/tcb/modifyenv", first.Path);
            Assert.Equal("?access_token=***", first.Query);
            Assert.Equal("authorizer_access_token", first.TokenKind);
            Assert.Equal(Session.AppId, first.AuthorizerAppId);
            Assert.Equal("{\"env\":\"e\"}", first.Body);
            Assert.Equal(0, first.Errcode);
            Assert.Equal(200, first.StatusCode);
            Assert.Equal(time.GetUtcNow(), first.Timestamp);
            Assert.Equal(new int?[] { 0, 40101 }, session.Emulator.RequestsTo("changeTcbEnv").Select(r => r.Errcode));
            Assert.Single(session.Emulator.RequestsTo("createCloudUser"));
        }

        [Fact]
        public async Task NoRecordHoldsTheTokenAnywhere()
        {
            await using Session session = await Session.StartAsync();
            string authorizer = session.AuthorizerToken();
            string component = session.ComponentToken();

            await session.PostAsync("/tcb/modifyenv", authorizer, "{\"env\":\"e\"}");
            await session.PostAsync("/tcb/createclouduser", component, "{}");
            await session.SendAsync(HttpMethod.Post, $"/tcb/modifyenv?x=1&access_token={Uri.EscapeDataString(authorizer)}&y=2", "{\"env\":\"e\"}");
            await session.SendAsync(HttpMethod.Post, $"/tcb/nosuchapi?component_access_token={Uri.EscapeDataString(component)}", "{}");
            session.Emulator.ExpireToken(authorizer);
            await session.PostAsync("/tcb/modifyenv", authorizer, "{\"env\":\"e\"}");

            Assert.Equal(5, session.Emulator.Requests.Count);
            foreach (RecordedRequest record in session.Emulator.Requests)
            {
                string everything = string.Join("|", record.ToString(), record.Query, record.Body, record.Path, record.EndpointName, record.TokenKind, record.AuthorizerAppId);
                Assert.DoesNotContain(authorizer, everything);
                Assert.DoesNotContain(component, everything);
            }

            Assert.Equal("?x=1&access_token=***&y=2", session.Emulator.Requests[2].Query);
            Assert.Equal("?component_access_token=***", session.Emulator.Requests[3].Query);
            Assert.Equal("POST /tcb/modifyenv?access_token=*** (changeTcbEnv) -> 200 errcode 42001", session.Emulator.Requests[4].ToString());
        }

        [Theory]
        [InlineData("/tcb/nosuchapi")]
        [InlineData("/cgi-bin/nosuch/thing")]
        public async Task AnUnknownPathRecordsNoSecretNamedParameterOrFieldInTheRecordsOrTheAdminApi(string path)
        {
            await using Session session = await Session.StartAsync();

            await session.SendAsync(HttpMethod.Post, path + "?secret=CANARY-Q1&x_ticket=CANARY-Q2&AppSecret=CANARY-Q3&env=e", "{\"secret\":\"CANARY-B1\",\"n\":{\"component_verify_ticket\":\"CANARY-B2\",\"list\":[{\"refresh_token\":\"CANARY-B3\"}]},\"env\":\"e\"}");
            string admin = (await session.SendAsync(HttpMethod.Get, "/__admin/requests", null)).Text;

            RecordedRequest record = Assert.Single(session.Emulator.Requests);
            Assert.Equal("?secret=***&x_ticket=***&AppSecret=***&env=e", record.Query);
            Assert.Equal("{\"secret\":\"***\",\"n\":{\"component_verify_ticket\":\"***\",\"list\":[{\"refresh_token\":\"***\"}]},\"env\":\"e\"}", record.Body);
            Assert.Contains("env=e", admin);
            Assert.DoesNotContain("CANARY", admin + record);
        }

        [Theory]
        [InlineData("/tcb/modifyenv")]
        [InlineData("/tcb/nosuchapi")]
        public async Task AQueryValueCarryingAnEscapedSecretParameterIsRecordedMasked(string path)
        {
            await using Session session = await Session.StartAsync();

            await session.SendAsync(HttpMethod.Post, path + "?env=e&note=a%3D1%26component_appsecret%3DCANARY-Q1%26b%3D2&echo=x%5Cu0026x_ticket%5Cu003dCANARY-Q2&access_token%3DCANARY-Q3&plain=a%3Db", "{\"env\":\"e\"}");

            RecordedRequest record = Assert.Single(session.Emulator.Requests);
            Assert.Equal("?env=e&note=***&echo=***&***&plain=a%3Db", record.Query);
        }

        [Fact]
        public async Task TokenKindIsRecordedEvenWhenTheKindIsRejected()
        {
            await using Session session = await Session.StartAsync();

            await session.PostAsync("/tcb/createclouduser", session.ComponentToken(), "{}");

            RecordedRequest record = Assert.Single(session.Emulator.Requests);
            Assert.Equal("component_access_token", record.TokenKind);
            Assert.Null(record.AuthorizerAppId);
            Assert.Equal(40014, record.Errcode);
        }

        [Fact]
        public async Task UnknownPathIsRecordedWithoutAnEndpointName()
        {
            await using Session session = await Session.StartAsync();

            await session.PostAsync("/tcb/nosuchapi", null, "{}");

            RecordedRequest record = Assert.Single(session.Emulator.Requests);
            Assert.Null(record.EndpointName);
            Assert.Equal(404, record.StatusCode);
            Assert.Equal(-1, record.Errcode);
        }

        [Fact]
        public async Task ClearRequestsForgetsTheRecords()
        {
            await using Session session = await Session.StartAsync();
            await session.PostAsync("/tcb/modifyenv", null, "{}");

            session.Emulator.ClearRequests();

            Assert.Empty(session.Emulator.Requests);
            await session.PostAsync("/tcb/modifyenv", null, "{}");
            Assert.Single(session.Emulator.Requests);
        }

        [Fact]
        public async Task WaitForRequestsAsyncCompletesOnceEnoughAreRecordedAndCanBeCancelled()
        {
            await using Session session = await Session.StartAsync();
            Task<IReadOnlyList<RecordedRequest>> two = session.Emulator.WaitForRequestsAsync(2);

            await session.PostAsync("/tcb/modifyenv", null, "{}");
            Assert.False(two.IsCompleted);
            await session.PostAsync("/tcb/createclouduser", null, "{}");

            Assert.Equal(2, (await two.WaitAsync(TimeSpan.FromSeconds(30))).Count);
            using var cancelled = new CancellationTokenSource();
            Task<IReadOnlyList<RecordedRequest>> three = session.Emulator.WaitForRequestsAsync(3, cancelled.Token);
            cancelled.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => three);
        }
    }
}
