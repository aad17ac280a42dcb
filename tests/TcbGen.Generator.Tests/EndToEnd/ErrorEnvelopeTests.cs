using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// A generated reader never turns an error into success: with <c>errcode</c> twice in one body, the first non-zero
    /// code wins, whichever comes last. Answered by the emulator over real HTTP to a generated client.
    /// </summary>
    public sealed class ErrorEnvelopeTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public ErrorEnvelopeTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Theory]
        [InlineData("{\"errcode\":40097,\"errmsg\":\"invalid args\",\"errcode\":0}")]
        [InlineData("{\"errcode\":40097,\"errmsg\":\"invalid args\",\"count\":1,\"errcode\":0,\"tags\":[]}")]
        [InlineData("{\"errcode\":0,\"errmsg\":\"invalid args\",\"errcode\":40097}")]
        public async Task ADuplicateErrcodeKeepsTheError(string body)
        {
            _fixture.Emulator.ScriptResponse(DescribeTolerantlyEndpoint.Name, body);

            TcbApiException error = await Assert.ThrowsAnyAsync<TcbApiException>(
                () => _fixture.Client.DescribeTolerantlyAsync(new DescribeTolerantlyRequest { Env = "env-1" }));

            Assert.True(error.ErrorCode == 40097 && error.ErrorMessage == "invalid args", body + " was read as " + error.ErrorCode + " " + error.ErrorMessage);
        }
    }
}
