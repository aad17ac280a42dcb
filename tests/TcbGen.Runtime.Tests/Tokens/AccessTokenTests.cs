using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens
{
    public sealed class AccessTokenTests
    {
        [Fact]
        public void ToString_never_shows_the_value()
        {
            var token = new TcbAccessToken("canary-token-value", new DateTimeOffset(2024, 1, 1, 2, 0, 0, TimeSpan.Zero));

            Assert.DoesNotContain("canary-token-value", token.ToString());
            Assert.Contains("***", token.ToString());
            Assert.Contains("2024-01-01T02:00:00", token.ToString());
        }

        [Fact]
        public void Freshness_honours_the_margin()
        {
            var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var token = new TcbAccessToken("t", now.AddMinutes(10));

            Assert.True(token.IsFresh(now, TimeSpan.FromMinutes(5)));
            Assert.False(token.IsFresh(now.AddMinutes(5), TimeSpan.FromMinutes(5)));
            Assert.True(new TcbAccessToken("t", null).IsFresh(now.AddYears(10), TimeSpan.FromMinutes(5)));
        }

        [Fact]
        public async Task The_delegate_source_hears_about_the_rejected_token_and_the_call_is_sent_again_with_the_new_one()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Error(40014, "invalid access_token")).On(TestEndpoints.Path, Respond.Ok());
            string current = "user-token-1";
            TcbAccessToken? rejected = null;
            var tokens = new TcbDelegateAccessTokenSource(
                (_, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken(current, null)),
                (_, failed, _) =>
                {
                    rejected = failed;
                    current = "user-token-2";
                    return default;
                });

            await Build.Transport(server, tokens: tokens).SendAsync(TestEndpoints.Echo(), TcbTokenKey.ForAuthorizer("wxapp"), new EchoRequest(), CancellationToken.None);

            Assert.Equal("user-token-1", rejected!.Value);
            Assert.Equal("user-token-2", server.Requests[1].QueryValue("access_token"));
        }

        [Fact]
        public async Task A_static_token_rejected_twice_surfaces_the_error_after_two_requests()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Error(40001, "invalid credential"));

            var exception = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None));

            Assert.Equal(40001, exception.ErrorCode);
            Assert.Equal(2, server.Requests.Count);
        }
    }
}
