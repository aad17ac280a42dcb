using System;
using System.Buffers;
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
            JsonRequestBody first = JsonRequestBody.Rent();
            JsonRequestBody second = JsonRequestBody.Rent();

            ArraySegment<byte> one = first.Write(WriteEnv, "one");
            ArraySegment<byte> two = second.Write(WriteEnv, "two");

            Assert.NotSame(one.Array, two.Array);
            Assert.Equal("{\"env\":\"one\"}", Encoding.UTF8.GetString(one.Array!, one.Offset, one.Count));
            Assert.Equal("{\"env\":\"two\"}", Encoding.UTF8.GetString(two.Array!, two.Offset, two.Count));
            first.Return();
            second.Return();
        }

        [Fact]
        public void Returning_twice_gives_the_array_back_to_the_pool_once()
        {
            JsonRequestBody body = JsonRequestBody.Rent();
            ArraySegment<byte> written = body.Write(WriteEnv, new string('x', 400));
            int size = written.Array!.Length;

            body.Return();
            body.Return();

            // Returned twice, the array would come out of the pool twice in a row.
            byte[] a = ArrayPool<byte>.Shared.Rent(size);
            byte[] b = ArrayPool<byte>.Shared.Rent(size);
            Assert.NotSame(a, b);
            ArrayPool<byte>.Shared.Return(a);
            ArrayPool<byte>.Shared.Return(b);
        }

        [Fact]
        public void A_writer_that_throws_leaves_nothing_rented_and_the_next_body_is_whole()
        {
            JsonRequestBody failing = JsonRequestBody.Rent();
            Assert.Throws<InvalidOperationException>(() => failing.Write<string>((writer, _) =>
            {
                writer.WriteStartObject();
                throw new InvalidOperationException("writer failed");
            }, "x"));
            failing.Return();

            JsonRequestBody next = JsonRequestBody.Rent();
            ArraySegment<byte> written = next.Write(WriteEnv, "after");
            Assert.Equal("{\"env\":\"after\"}", Encoding.UTF8.GetString(written.Array!, written.Offset, written.Count));
            next.Return();
        }

        private static void WriteEnv(System.Text.Json.Utf8JsonWriter writer, string env)
        {
            writer.WriteStartObject();
            writer.WriteString("env", env);
            writer.WriteEndObject();
        }
    }
}
