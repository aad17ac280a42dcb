using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// Time fields (TestSpecs/listTimedLogs.tcb.json), over real HTTP against the emulator: written strictly in their own
    /// format in the query and the body, checked by the validator and the emulator, and read tolerantly: a value that is
    /// not a time leaves <see cref="TcbTime.Value"/> unset, keeps its text in <see cref="TcbTime.Raw"/>, and never fails
    /// a call that succeeded.
    /// </summary>
    public sealed class TimeTypeTests : IClassFixture<EmulatorFixture>
    {
        private const string Endpoint = ListTimedLogsEndpoint.Name;

        // 2023-11-15 06:13:20 in China time is 2023-11-14T22:13:20Z, unix 1700000000; written with another offset on purpose.
        private static readonly DateTimeOffset Instant = new DateTimeOffset(2023, 11, 14, 17, 13, 20, TimeSpan.FromHours(-5));

        private readonly EmulatorFixture _fixture;

        public TimeTypeTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task TimesAreSentInTheirOwnFormatInTheQueryAndTheBody()
        {
            var request = new ListTimedLogsRequest
            {
                Since = Instant,
                Until = Instant.AddSeconds(1),
                ExpiredTime = Instant.AddHours(2),
                Window = new ListTimedLogsWindow { StartMs = Instant.AddMilliseconds(123), At = new List<TcbTime> { Instant } },
            };

            ListTimedLogsResponse response = await _fixture.Client.ListTimedLogsAsync(request);

            Assert.Equal(0, response.ErrorCode);
            RecordedRequest sent = _fixture.Emulator.RequestsTo(Endpoint).Last();
            Assert.Equal("?access_token=***&since=1700000000&until=2023-11-15%2006%3A13%3A21", sent.Query);
            Assert.Equal("{\"expired_time\":1700007200,\"window\":{\"start_ms\":1700000000123,\"at\":[\"2023-11-15 06:13:20\"]}}", sent.Body);
        }

        [Fact]
        public async Task TheExampleResponseReadsAsTimes()
        {
            ListTimedLogsResponse response = await _fixture.Client.ListTimedLogsAsync(new ListTimedLogsRequest { Since = Instant, ExpiredTime = Instant });

            Assert.Equal(Instant, response.CreateTime!.Value.Value);
            Assert.Equal("2023-11-15 06:13:20", response.CreateTime.Value.Raw);
            Assert.Equal(Instant.AddHours(2), response.ExpiredTime!.Value.Value);
            Assert.Equal(Instant.AddMilliseconds(123), response.Logs![0].TimeMs!.Value.Value);
        }

        [Theory]
        [InlineData("\"1700000000\"")]
        [InlineData("1700000000.0")]
        [InlineData("\" 1700000000 \"")]
        public async Task AUnixTimeIsReadAsIntegersAre(string wire)
        {
            ListTimedLogsResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"expired_time\":" + wire + "}");

            Assert.Equal(Instant, response.ExpiredTime!.Value.Value);
        }

        [Theory]
        [InlineData("create_time", "1700000000", "1700000000")] // a number where the string was documented
        [InlineData("create_time", "\"2023/11/15 06:13:20\"", "2023/11/15 06:13:20")]
        [InlineData("create_time", "\"2023-11-15T06:13:20Z\"", "2023-11-15T06:13:20Z")]
        [InlineData("create_time", "true", "true")]
        [InlineData("expired_time", "\"soon\"", "soon")]
        [InlineData("expired_time", "1.5", "1.5")]
        [InlineData("expired_time", "99999999999999999", "99999999999999999")] // beyond DateTimeOffset
        [InlineData("expired_time", "\"2023-11-15 06:13:20\"", "2023-11-15 06:13:20")]
        public async Task AValueThatIsNotATimeIsUnsetKeepsItsTextAndTheCallSucceeds(string field, string wire, string raw)
        {
            ListTimedLogsResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"" + field + "\":" + wire + ",\"logs\":[{\"time_ms\":\"later\",\"text\":\"x\"}]}");

            TcbTime time = (field == "create_time" ? response.CreateTime : response.ExpiredTime)!.Value;
            Assert.False(time.HasValue);
            Assert.Null(time.Value);
            Assert.Equal(raw, time.Raw);
            Assert.Equal("later", response.Logs![0].TimeMs!.Value.Raw);
            Assert.Equal("x", response.Logs[0].Text);
        }

        [Fact]
        public async Task AnObjectWhereATimeWasDocumentedIsSkippedAndTheRestIsRead()
        {
            ListTimedLogsResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"expired_time\":{\"s\":[1]},\"create_time\":\"2023-11-15 06:13:20\"}");

            Assert.False(response.ExpiredTime!.Value.HasValue);
            Assert.Null(response.ExpiredTime.Value.Raw);
            Assert.Equal(Instant, response.CreateTime!.Value.Value);
        }

        [Fact]
        public void TheValidatorRejectsATimeThatHoldsNoTime()
        {
            // A time read from a response whose text was not one, sent back.
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("{\"errcode\":0,\"expired_time\":\"soon\"}"));
            TcbTime unread = ListTimedLogsEndpoint.Descriptor.ReadResponse(ref reader).ExpiredTime!.Value;

            var request = new ListTimedLogsRequest { Since = Instant, ExpiredTime = unread, Window = new ListTimedLogsWindow { At = new List<TcbTime> { Instant, default } } };

            IReadOnlyList<TcbValidationProblem> problems = ListTimedLogsValidator.Validate(request);
            Assert.Equal(new[] { "expired_time", "window.at[1]" }, problems.Select(p => p.Path));
            Assert.All(problems, p => Assert.Equal(TcbValidationProblemKind.InvalidTime, p.Kind));
            Assert.DoesNotContain("soon", string.Join(" ", problems.Select(p => p.Message)));
        }

        [Theory]
        [InlineData("since=1700000000", "{\"expired_time\":\"1700000000\"}", "expired_time must be a unix time in seconds")]
        [InlineData("since=1700000000", "{\"expired_time\":1700000000.5}", "expired_time must be a unix time in seconds")]
        [InlineData("since=1700000000", "{\"expired_time\":1,\"window\":{\"at\":[\"2023-11-15T06:13:20\"]}}", "window.at[0] must be a \"yyyy-MM-dd HH:mm:ss\" time")]
        [InlineData("since=1700000000", "{\"expired_time\":1,\"window\":{\"start_ms\":\"1\"}}", "window.start_ms must be a unix time in milliseconds")]
        [InlineData("since=soon", "{\"expired_time\":1}", "since must be a unix time in seconds")]
        [InlineData("since=1&until=2023-11-15", "{\"expired_time\":1}", "until must be a \"yyyy-MM-dd HH:mm:ss\" time")]
        public async Task TheEmulatorAnswersATimeInAnotherFormatWithInvalidArgs(string query, string body, string hint)
        {
            JsonElement answer = await Post(query, body);

            Assert.Equal(40097, answer.GetProperty("errcode").GetInt32());
            Assert.Contains(hint, answer.GetProperty("errmsg").GetString());
        }

        [Fact]
        public async Task TheEmulatorAcceptsTimesInTheirFormat()
        {
            JsonElement answer = await Post("since=1700000000&until=2023-11-15%2006%3A13%3A20", "{\"expired_time\":1700000000,\"window\":{\"start_ms\":1700000000123,\"at\":[\"2023-11-15 06:13:20\"]}}");

            Assert.Equal(0, answer.GetProperty("errcode").GetInt32());
        }

        private async Task<JsonElement> Post(string query, string body)
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            using var http = new HttpClient();
            using HttpResponseMessage response = await http.PostAsync(
                new Uri(_fixture.Emulator.BaseAddress, "/test/listtimedlogs?access_token=" + token + "&" + query),
                new StringContent(body, Encoding.UTF8, "application/json"));
            using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return answer.RootElement.Clone();
        }

        private async Task<ListTimedLogsResponse> Answer(string body)
        {
            _fixture.Emulator.ScriptResponse(Endpoint, body);
            ListTimedLogsResponse response = await _fixture.Client.ListTimedLogsAsync(new ListTimedLogsRequest { Since = Instant, ExpiredTime = Instant });
            Assert.Equal(0, response.ErrorCode);
            return response;
        }
    }
}
