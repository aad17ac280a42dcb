using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Resilience
{
    /// <summary>
    /// With the runtime's retries off, the innermost handler reads a 2xx answer's errcode before the transport does.
    /// Answers without a Content-Length (chunked, as this server sends them) take both of its paths: a small one is
    /// buffered whole, a large one is put back as the read start followed by the rest of the stream.
    /// </summary>
    public sealed class ErrorCodePeekTests
    {
        [Fact]
        public async Task A_chunked_errcode_minus_1_is_surfaced_and_retried_by_the_handler()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Error(-1, "system error")).On(TestEndpoints.Path, Respond.Ok("second"));

            EchoResponse response = await RecipeTransport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);

            Assert.Equal("second", response.Result);
            Assert.Equal(2, server.RequestsTo(TestEndpoints.Path).Count);
        }

        [Theory]
        [InlineData(ErrorCodePeek.Limit - 100)]
        [InlineData(ErrorCodePeek.Limit)]
        [InlineData(ErrorCodePeek.Limit + 1)]
        [InlineData(300_000)]
        public async Task A_chunked_success_body_of_any_size_reaches_the_reader_intact(int size)
        {
            await using TestServer server = await TestServer.StartAsync();
            const string head = "{\"errcode\":0,\"errmsg\":\"ok\",\"padding\":\"";
            const string tail = "\",\"result\":\"after the padding\"}";
            server.On(TestEndpoints.Path, Respond.Json(head + new string('p', size - head.Length - tail.Length) + tail));

            EchoResponse response = await RecipeTransport(server).SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);

            Assert.Equal("after the padding", response.Result);
            Assert.Single(server.RequestsTo(TestEndpoints.Path));
        }

        private static ITcbTransport RecipeTransport(TestServer server)
        {
            var services = new ServiceCollection();
            services.AddTcbGen(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.Retry.Enabled = false;
            })
            .UseAccessTokens((_, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken(Build.Token, null)))
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.Delay = TimeSpan.FromMilliseconds(10);
                o.Retry.BackoffType = DelayBackoffType.Constant;
            });
            return services.BuildServiceProvider().GetRequiredService<ITcbTransport>();
        }
    }
}
