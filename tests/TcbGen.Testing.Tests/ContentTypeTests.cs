using System.Threading.Tasks;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>The Content-Type of answers.</summary>
    public sealed class ContentTypeTests
    {
        [Fact]
        public async Task AnswersApplicationJsonByDefault()
        {
            await using Session session = await Session.StartAsync();

            WireResponse success = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}");
            WireResponse error = await session.PostAsync("/tcb/modifyenv", null, "{\"env\":\"e\"}");

            Assert.Equal("application/json", success.MediaType);
            Assert.Equal("application/json", error.MediaType);
        }

        [Fact]
        public async Task TextPlainResponsesAnswersTextPlainWithTheSameJson()
        {
            await using Session session = await Session.StartAsync(new WeChatEmulatorOptions { TextPlainResponses = true });

            WireResponse success = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}");
            WireResponse error = await session.PostAsync("/tcb/modifyenv", null, "{\"env\":\"e\"}");

            Assert.Equal("text/plain", success.MediaType);
            Assert.Equal("{\"errcode\":0,\"errmsg\":\"ok\"}", success.Text);
            Assert.Equal("text/plain", error.MediaType);
            Assert.Equal(41001, error.Errcode);
        }
    }
}
