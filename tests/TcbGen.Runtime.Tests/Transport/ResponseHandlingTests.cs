using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport
{
    public sealed class ResponseHandlingTests
    {
        private static readonly EchoRequest Request = new() { Env = "env-1" };

        [Fact]
        public async Task Posts_json_body_with_access_token_in_query_and_reads_the_response()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Ok("hello"));

            EchoResponse response = await Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.ForAuthorizer("wxapp"), Request, default);

            Assert.Equal("hello", response.Result);
            Assert.Equal(0, response.ErrorCode);
            RecordedRequest sent = Assert.Single(server.Requests);
            Assert.Equal("POST", sent.Method);
            Assert.Equal(TestEndpoints.Path, sent.Path);
            Assert.Equal(Build.Token, sent.QueryValue("access_token"));
            Assert.Equal("{\"env\":\"env-1\"}", sent.Body);
            Assert.StartsWith("application/json", sent.ContentType);
        }

        [Fact]
        public async Task Errcode_throws_the_endpoint_typed_exception_with_rid_and_solution()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Error(-601049, "env not found rid: 6543-21ab"));

            var exception = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo("changeTcbEnv"), TcbTokenKey.Component, Request, default));

            Assert.Equal(EchoErrorCode.EnvNotFound, exception.Code);
            Assert.True(exception.IsDocumented);
            Assert.Equal(-601049, exception.ErrorCode);
            Assert.Equal("env not found rid: 6543-21ab", exception.ErrorMessage);
            Assert.Equal("6543-21ab", exception.RequestId);
            Assert.Equal("changeTcbEnv", exception.EndpointName);
            Assert.Equal("Check that the environment id exists.", exception.Solution);
        }

        [Fact]
        public async Task Json_sent_as_text_plain_is_read()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Json("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":\"plain\"}", contentType: "text/plain"));

            EchoResponse response = await Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default);

            Assert.Equal("plain", response.Result);
        }

        [Fact]
        public async Task Trailing_commas_comments_and_a_bom_are_tolerated()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Json("\uFEFF{ /* doc example */ \"errcode\": 0, \"errmsg\": \"ok\", \"result\": \"loose\", }"));

            EchoResponse response = await Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default);

            Assert.Equal("loose", response.Result);
        }

        [Fact]
        public async Task Errcode_in_a_body_the_typed_reader_rejects_still_throws_the_api_exception()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Error(40013, "invalid appid"));

            var exception = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(strictReader: true), TcbTokenKey.Component, Request, default));

            Assert.Equal(40013, exception.ErrorCode);
            Assert.False(exception.IsDocumented);
        }

        [Fact]
        public async Task A_body_that_is_not_json_throws_a_protocol_exception_with_status_and_bounded_excerpt()
        {
            await using TestServer server = await TestServer.StartAsync();
            string html = "<html>" + new string('x', 3000) + "</html>";
            server.On(TestEndpoints.Path, Respond.Json(html, contentType: "text/html"));

            var exception = await Assert.ThrowsAsync<TcbProtocolException>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.IsNotAssignableFrom<TcbApiException>(exception);
            Assert.IsNotType<TcbHttpStatusException>(exception);
            Assert.Equal(200, exception.StatusCode);
            Assert.Equal(512, exception.BodyExcerpt!.Length);
            Assert.StartsWith("<html>xxx", exception.BodyExcerpt);
            Assert.IsAssignableFrom<JsonException>(exception.InnerException);
            Assert.Contains("HTTP 200", exception.Message);
        }

        [Fact]
        public async Task A_json_success_body_the_reader_rejects_throws_a_protocol_exception()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Json("{\"errcode\":0,\"errmsg\":\"ok\"}"));

            var exception = await Assert.ThrowsAsync<TcbProtocolException>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(strictReader: true), TcbTokenKey.Component, Request, default));

            Assert.Equal("{\"errcode\":0,\"errmsg\":\"ok\"}", exception.BodyExcerpt);
        }

        [Fact]
        public async Task The_excerpt_redacts_token_like_fields()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Json("{\"authorizer_access_token\":\"very-secret\",\"x\":1 oops"));

            var exception = await Assert.ThrowsAsync<TcbProtocolException>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.DoesNotContain("very-secret", exception.ToString());
            Assert.Contains("\"authorizer_access_token\":\"***\"", exception.BodyExcerpt);
        }

        [Fact]
        public async Task Server_error_without_errcode_throws_http_status_exception()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Status(502, "<h1>Bad gateway</h1>"));

            var exception = await Assert.ThrowsAsync<TcbHttpStatusException>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.Equal(502, exception.StatusCode);
            Assert.Equal("<h1>Bad gateway</h1>", exception.BodyExcerpt);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task Non_2xx_with_an_errcode_body_throws_the_api_exception()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Error(-601049, "env not found", status: 400));

            var exception = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.Equal(EchoErrorCode.EnvNotFound, exception.Code);
        }

        [Fact]
        public async Task A_body_above_the_size_limit_throws_a_protocol_exception()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Json("{\"errcode\":0,\"result\":\"" + new string('y', 5000) + "\"}"));

            var exception = await Assert.ThrowsAsync<TcbProtocolException>(
                () => Build.Transport(server, o => o.MaxResponseBytes = 1024).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, default));

            Assert.Contains("MaxResponseBytes", exception.Message);
        }

        [Fact]
        public async Task Concurrent_calls_on_one_transport_each_get_their_own_answer()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.EchoEnv());
            var transport = Build.Transport(server);
            var endpoint = TestEndpoints.Echo();

            var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            {
                EchoResponse r = await transport.SendAsync(endpoint, TcbTokenKey.Component, new EchoRequest { Env = "env-" + i }, CancellationToken.None);
                return (Expected: "env-" + i, Actual: r.Result);
            })));

            Assert.Equal(50, server.Requests.Count);
            Assert.All(results, r => Assert.Equal(r.Expected, r.Actual));
        }
    }
}
