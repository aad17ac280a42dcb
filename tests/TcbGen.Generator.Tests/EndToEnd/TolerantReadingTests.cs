using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// Responses are read tolerantly: each body below is what WeChat has been seen to send (an enum value added without
    /// notice, numbers quoted or as floats, 0/1 booleans, null arrays) for a call that succeeded, answered by the
    /// emulator over real HTTP to a generated client. Only a body that is not JSON, or a value that fits no reading,
    /// fails, and then the exception says errcode was 0.
    /// </summary>
    public sealed class TolerantReadingTests : IClassFixture<EmulatorFixture>
    {
        private const string Endpoint = DescribeTolerantlyEndpoint.Name;
        private readonly EmulatorFixture _fixture;

        public TolerantReadingTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task AnEnumValueTheSpecDoesNotListKeepsItsRawValue()
        {
            DescribeTolerantlyResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"status\":\"ISOLATED\"}");

            DescribeTolerantlyStatus status = response.Status!.Value;
            Assert.Equal("ISOLATED", status.ToString());
            Assert.False(status.IsKnown);
            Assert.NotEqual(DescribeTolerantlyStatus.Normal, status);
            Assert.Equal(new DescribeTolerantlyStatus("ISOLATED"), status);
        }

        [Fact]
        public async Task AListedEnumValueComparesEqualToItsMember()
        {
            DescribeTolerantlyResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"status\":\"UNAVAILABLE\"}");

            Assert.Equal(DescribeTolerantlyStatus.Unavailable, response.Status);
            Assert.True(response.Status!.Value.IsKnown);
        }

        [Fact]
        public async Task AnIntegerSentAsAStringIsRead()
        {
            DescribeTolerantlyResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"count\":\"123\",\"created\":\"1557310488\"}");

            Assert.Equal(123, response.Count);
            Assert.Equal(1557310488L, response.Created);
        }

        [Fact]
        public async Task AnIntegerSentAsAnIntegralFloatIsRead()
        {
            DescribeTolerantlyResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"count\":1.0,\"created\":1557310488.0}");

            Assert.Equal(1, response.Count);
            Assert.Equal(1557310488L, response.Created);
        }

        [Fact]
        public async Task AnInt64BeyondTheInt32RangeIsRead()
        {
            DescribeTolerantlyResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"created\":4294967295}");

            Assert.Equal(4294967295L, response.Created);
        }

        [Theory]
        [InlineData("1", true)]
        [InlineData("0", false)]
        [InlineData("\"1\"", true)]
        [InlineData("true", true)]
        public async Task ABooleanSentAsZeroOrOneIsRead(string wire, bool expected)
        {
            DescribeTolerantlyResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"enabled\":" + wire + "}");

            Assert.Equal(expected, response.Enabled);
        }

        [Fact]
        public async Task NullForAnArrayOrAnObjectReadsAsAbsent()
        {
            DescribeTolerantlyResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"tags\":null,\"detail\":null,\"count\":null}");

            Assert.Null(response.Tags);
            Assert.Null(response.Detail);
            Assert.Null(response.Count);
        }

        [Fact]
        public async Task ANumberWhereAStringWasDocumentedIsReadAsItsText()
        {
            DescribeTolerantlyResponse response = await Answer("{\"errcode\":0,\"errmsg\":\"ok\",\"tags\":[\"a\",12,null],\"ratio\":\"0.5\"}");

            Assert.Equal(new[] { "a", "12" }, response.Tags);
            Assert.Equal(0.5, response.Ratio);
        }

        [Fact]
        public async Task AMalformedValueIsAProtocolErrorThatSaysTheCallSucceeded()
        {
            _fixture.Emulator.ScriptResponse(Endpoint, "{\"errcode\":0,\"errmsg\":\"ok\",\"count\":\"many\"}");

            TcbProtocolException error = await Assert.ThrowsAsync<TcbProtocolException>(() => Call());

            Assert.Equal(0, error.ErrorCode);
            Assert.Contains("errcode 0: the call itself succeeded", error.Message);
            Assert.Contains("\"count\":\"many\"", error.BodyExcerpt);
        }

        [Fact]
        public async Task AnInt32FieldBeyondItsRangeIsAProtocolErrorThatSaysTheCallSucceeded()
        {
            _fixture.Emulator.ScriptResponse(Endpoint, "{\"errcode\":0,\"errmsg\":\"ok\",\"count\":4294967295}");

            TcbProtocolException error = await Assert.ThrowsAsync<TcbProtocolException>(() => Call());

            Assert.Equal(0, error.ErrorCode);
        }

        [Fact]
        public async Task ABodyThatIsNotJsonIsAProtocolErrorWithoutAnErrcode()
        {
            _fixture.Emulator.ScriptHttpStatus(Endpoint, 200, body: "<html>busy</html>");

            TcbProtocolException error = await Assert.ThrowsAsync<TcbProtocolException>(() => Call());

            Assert.Null(error.ErrorCode);
            Assert.Contains("<html>busy</html>", error.BodyExcerpt);
        }

        private async Task<DescribeTolerantlyResponse> Answer(string body)
        {
            _fixture.Emulator.ScriptResponse(Endpoint, body);
            DescribeTolerantlyResponse response = await Call();
            Assert.Equal(0, response.ErrorCode);
            return response;
        }

        private Task<DescribeTolerantlyResponse> Call() => _fixture.Client.DescribeTolerantlyAsync(new DescribeTolerantlyRequest { Env = "env-1" });
    }
}
