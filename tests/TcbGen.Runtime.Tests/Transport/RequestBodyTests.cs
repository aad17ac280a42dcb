using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport
{
    /// <summary>
    /// Each call's request body is its own until the call ends, however many calls are in flight: the bodies are written
    /// through one scratch writer per thread and copied into pooled arrays the calls hold across their sends.
    /// </summary>
    public sealed class RequestBodyTests
    {
        [Fact]
        public async Task Concurrent_calls_each_send_their_own_body_small_or_large()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.EchoEnv());
            TcbHttpTransport transport = Build.Transport(server);
            var endpoint = TestEndpoints.Echo();

            // Sizes across the pool's buckets and past what the per-thread scratch keeps (16 KB).
            int[] sizes = { 1, 100, 500, 3_000, 5_000, 20_000 };
            string[] envs = Enumerable.Range(0, 300).Select(i => i.ToString("D4") + new string((char)('a' + (i % 26)), sizes[i % sizes.Length])).ToArray();

            EchoResponse[] responses = await Task.WhenAll(envs.Select(env => transport.SendAsync(endpoint, TcbTokenKey.Component, new EchoRequest { Env = env }, CancellationToken.None)));

            for (int i = 0; i < envs.Length; i++)
            {
                Assert.Equal(envs[i], responses[i].Result);
            }
        }

        [Fact]
        public void Two_bodies_written_on_one_thread_keep_their_own_bytes_until_returned()
        {
            ArraySegment<byte> one = JsonRequestBody.Write<string>(WriteEnv, "one");
            ArraySegment<byte> two = JsonRequestBody.Write<string>(WriteEnv, "two");

            Assert.NotSame(one.Array, two.Array);
            Assert.Equal("{\"env\":\"one\"}", Encoding.UTF8.GetString(one.Array!, one.Offset, one.Count));
            Assert.Equal("{\"env\":\"two\"}", Encoding.UTF8.GetString(two.Array!, two.Offset, two.Count));
            JsonRequestBody.Return(one);
            JsonRequestBody.Return(two);
        }

        [Fact]
        public void A_writer_that_throws_leaves_the_next_body_whole()
        {
            Assert.Throws<InvalidOperationException>(() => JsonRequestBody.Write<string>((writer, _) =>
            {
                writer.WriteStartObject();
                throw new InvalidOperationException("writer failed");
            }, "x"));

            ArraySegment<byte> written = JsonRequestBody.Write<string>(WriteEnv, "after");
            Assert.Equal("{\"env\":\"after\"}", Encoding.UTF8.GetString(written.Array!, written.Offset, written.Count));
            JsonRequestBody.Return(written);
        }

        private static void WriteEnv(System.Text.Json.Utf8JsonWriter writer, string env)
        {
            writer.WriteStartObject();
            writer.WriteString("env", env);
            writer.WriteEndObject();
        }
    }
}
