using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// Response fields marked <c>"required": true</c> (TestSpecs/describeStrictly.tcb.json): WeChat always sends them, so
    /// a successful response without one (absent, null, or beyond tolerant reading) fails with a protocol error that says
    /// errcode was 0. Tolerant reading still applies first, optional fields stay as tolerant as before, and an error body
    /// (errcode other than 0), which never carries them, is still the API error.
    /// </summary>
    public sealed class RequiredResponseFieldTests : IClassFixture<EmulatorFixture>
    {
        private const string Endpoint = DescribeStrictlyEndpoint.Name;
        private const string Complete = "\"env_id\":\"env-1\",\"count\":2,\"expired_time\":1700000000,\"detail\":{\"alias\":\"main\"}";

        private readonly EmulatorFixture _fixture;

        public RequiredResponseFieldTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task TheExampleWithEveryRequiredFieldReads()
        {
            DescribeStrictlyResponse response = await _fixture.Client.DescribeStrictlyAsync();

            Assert.Equal("env-1", response.EnvId);
            Assert.Equal("main", response.Detail!.Alias);
            Assert.Null(response.Note);
        }

        [Fact]
        public async Task TolerantReadingAppliesFirst()
        {
            _fixture.Emulator.ScriptResponse(Endpoint, "{\"errcode\":0,\"errmsg\":\"ok\",\"env_id\":12,\"count\":\"2\",\"expired_time\":\"1700000000\",\"detail\":{\"alias\":\"main\",\"region\":null},\"tags\":null,\"note\":null}");

            DescribeStrictlyResponse response = await _fixture.Client.DescribeStrictlyAsync();

            Assert.Equal("12", response.EnvId);
            Assert.Equal(2, response.Count);
            Assert.Null(response.Tags);
        }

        [Theory]
        [InlineData("{\"errcode\":0,\"errmsg\":\"ok\",\"count\":2,\"expired_time\":1700000000,\"detail\":{\"alias\":\"main\"}}", "env_id")]
        [InlineData("{\"errcode\":0,\"errmsg\":\"ok\",\"env_id\":null,\"count\":2,\"expired_time\":1700000000,\"detail\":{\"alias\":\"main\"}}", "env_id")]
        [InlineData("{\"errcode\":0,\"errmsg\":\"ok\",\"env_id\":\"env-1\",\"count\":2,\"expired_time\":\"soon\",\"detail\":{\"alias\":\"main\"}}", "expired_time")]
        [InlineData("{\"errcode\":0,\"errmsg\":\"ok\",\"env_id\":\"env-1\",\"count\":2,\"expired_time\":1700000000,\"detail\":{}}", "alias")]
        [InlineData("{\"errcode\":0,\"errmsg\":\"ok\",\"env_id\":\"env-1\",\"count\":2,\"expired_time\":1700000000}", "detail")]
        [InlineData("{\"env_id\":\"env-1\",\"count\":2,\"expired_time\":1700000000}", "detail")]
        public async Task ASuccessfulResponseWithoutARequiredFieldIsAProtocolErrorWithErrcodeZero(string body, string field)
        {
            _fixture.Emulator.ScriptResponse(Endpoint, body);

            TcbProtocolException error = await Assert.ThrowsAsync<TcbProtocolException>(() => _fixture.Client.DescribeStrictlyAsync());

            Assert.Equal(0, error.ErrorCode);
            Assert.Equal(body, error.BodyExcerpt);
            Assert.Contains("errcode 0: the call itself succeeded", error.Message);
            Assert.Contains("'" + field + "'", error.InnerException!.Message);
        }

        [Fact]
        public async Task AMalformedRequiredFieldIsAProtocolErrorWithErrcodeZero()
        {
            string body = "{\"errcode\":0,\"errmsg\":\"ok\"," + Complete.Replace("\"count\":2", "\"count\":\"many\"") + "}";
            _fixture.Emulator.ScriptResponse(Endpoint, body);

            TcbProtocolException error = await Assert.ThrowsAsync<TcbProtocolException>(() => _fixture.Client.DescribeStrictlyAsync());

            Assert.Equal(0, error.ErrorCode);
            Assert.Equal(body, error.BodyExcerpt);
        }

        [Fact]
        public async Task AnErrorBodyWithoutTheRequiredFieldsIsTheApiError()
        {
            _fixture.Emulator.ScriptResponse(Endpoint, "{\"errcode\":40097,\"errmsg\":\"invalid args\"}");

            TcbApiException error = await Assert.ThrowsAnyAsync<TcbApiException>(() => _fixture.Client.DescribeStrictlyAsync());

            Assert.Equal(40097, error.ErrorCode);
        }

        [Fact]
        public void TheGeneratedReaderChecksRequiredFieldsAndOnlyThem()
        {
            Assert.Equal("main", Read("{\"errcode\":0," + Complete + ",\"tags\":[],\"note\":\"n\"}").Detail!.Alias);
            Assert.Null(Read("{\"errcode\":0," + Complete + "}").Detail!.Region);

            JsonException missing = Assert.Throws<JsonException>(() => Read("{\"errcode\":0," + Complete.Replace("\"count\":2,", string.Empty) + "}"));
            Assert.Equal("The response lacks 'count' (or it is null or not readable), which the spec says WeChat always sends.", missing.Message);
        }

        private static DescribeStrictlyResponse Read(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            return DescribeStrictlyEndpoint.Descriptor.ReadResponse(ref reader);
        }
    }
}
