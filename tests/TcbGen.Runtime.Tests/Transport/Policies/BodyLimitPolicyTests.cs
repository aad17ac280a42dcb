using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport.Policies
{
    /// <summary>The body-limit policy alone, around real answers of a Kestrel server on 127.0.0.1.</summary>
    public sealed class BodyLimitPolicyTests
    {
        private const int Limit = 64;

        [Fact]
        public async Task A_body_within_the_limit_is_read_and_interpreted()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Ok("fits"));

            (Exception? error, EchoResponse? response) = await ReadAsync(server);

            Assert.Null(error);
            Assert.Equal("fits", response!.Result);
        }

        [Fact]
        public async Task A_declared_length_over_the_limit_is_refused_unread()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Ok(new string('x', Limit)));
            using var client = new HttpClient();
            using HttpResponseMessage answer = await client.PostAsync(server.BaseAddress + "tcb/echo", new StringContent("{}"));
            var policy = new TcbBodyLimitPolicy(Limit);
            ResponseBodyReader reader = policy.StartReading(answer.Content);
            try
            {
                Assert.False(TcbBodyLimitPolicy.ShouldRead(answer.Content, encoded: false, ref reader));
                Exception? error = TcbBodyLimitPolicy.Interpret(TestEndpoints.Echo(), 200, ref reader, null, out EchoResponse? response);

                Assert.Null(response);
                Assert.Contains("larger than MaxResponseBytes (64)", Assert.IsType<TcbProtocolException>(error).Message);
            }
            finally
            {
                reader.Dispose();
            }
        }

        [Fact]
        public async Task An_undeclared_body_over_the_limit_stops_being_read_at_the_limit()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, async context =>
            {
                // Written in pieces without a Content-Length: the answer is chunked.
                for (int i = 0; i < 8; i++)
                {
                    await context.Response.WriteAsync(new string(' ', 32));
                    await context.Response.Body.FlushAsync();
                }
            });

            (Exception? error, EchoResponse? response) = await ReadAsync(server);

            Assert.Null(response);
            Assert.IsType<TcbProtocolException>(error);
        }

        private static async Task<(Exception? Error, EchoResponse? Response)> ReadAsync(TestServer server)
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress + "tcb/echo") { Content = new StringContent("{}") };
            using HttpResponseMessage answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var policy = new TcbBodyLimitPolicy(Limit);
            ResponseBodyReader reader = policy.StartReading(answer.Content);
            try
            {
                if (TcbBodyLimitPolicy.ShouldRead(answer.Content, encoded: false, ref reader))
                {
                    using Stream stream = await answer.Content.ReadAsStreamAsync();
                    while (true)
                    {
                        ArraySegment<byte> free = reader.GetFree();
                        if (!reader.Advance(await stream.ReadAsync(free.Array!, free.Offset, free.Count)))
                        {
                            break;
                        }
                    }
                }

                Exception? error = TcbBodyLimitPolicy.Interpret(TestEndpoints.Echo(), (int)answer.StatusCode, ref reader, null, out EchoResponse? response);
                return (error, response);
            }
            finally
            {
                reader.Dispose();
            }
        }
    }
}
