using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>Valid requests get the spec's example response.</summary>
    public sealed class ExampleResponseTests
    {
        public static IEnumerable<object[]> SeedExamples()
            => SeedSpecs.Examples().Select(e => new object[] { e.Name, e.Index });

        [Fact]
        public void EveryEndpointHasAnExampleToPost()
        {
            Assert.Equal(
                new[] { "changeTcbEnv", "createCloudUser", "setCallBackConfig", "setCloudAccessToken" },
                SeedSpecs.Examples().Select(e => e.Name).Distinct().OrderBy(n => n));
        }

        [Theory]
        [MemberData(nameof(SeedExamples))]
        public async Task ExampleRequestGetsItsExampleResponse(string name, int index)
        {
            var example = SeedSpecs.Examples().Single(e => e.Name == name && e.Index == index);
            await using Session session = await Session.StartAsync();
            string token = session.Emulator.IssueToken(example.TokenKinds[0], Session.AppId);

            WireResponse response = await session.PostAsync(example.Path, token, example.Request);

            Assert.Equal(200, response.Status);
            Assert.Equal("application/json", response.MediaType);
            using JsonDocument expected = JsonDocument.Parse(example.Response);
            Assert.Equal(Normalize(expected.RootElement), Normalize(response.Json));
        }

        [Fact]
        public async Task RequestMatchingNoExampleGetsTheFirstExampleResponse()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/usecloudaccesstoken", session.AuthorizerToken(), "{\"action\":\"get\",\"env\":\"other-env\"}");

            Assert.Equal(0, response.Errcode);
            Assert.Equal(2, response.Json.GetProperty("version").GetInt32());
            Assert.Equal("/*", response.Json.GetProperty("api_whitelist")[0].GetString());
        }

        [Fact]
        public async Task ExampleMatchIgnoresMemberOrder()
        {
            await using Session session = await Session.StartAsync();
            string reordered = "{\"version\":6,\"api_whitelist\":[\"/*\"],\"env\":\"myttest-8gu57so0bd9f9e8a\",\"open\":true,\"action\":\"set\"}";

            WireResponse response = await session.PostAsync("/tcb/usecloudaccesstoken", session.AuthorizerToken(), reordered);

            Assert.Equal("{\"errcode\":0,\"errmsg\":\"ok\",\"open\":true}", response.Text);
        }

        private static string Normalize(JsonElement element) => JsonSerializer.Serialize(element);
    }
}
