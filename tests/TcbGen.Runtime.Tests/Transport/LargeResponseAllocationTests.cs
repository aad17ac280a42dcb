using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TcbGen.Runtime.Tests.Transport
{
    /// <summary>
    /// A 64 MB body with <see cref="TcbGenOptions.MaxResponseBytes"/> at 128 MiB must cost at most 1.5× its size in
    /// allocations per call, whether the server declares its length or streams it chunked. Measured with
    /// <see cref="GC.GetTotalAllocatedBytes(bool)"/> around one call to a loopback server (the server's own
    /// allocations are included, so the bound holds for both sides together), not by timing.
    /// </summary>
    [Collection(AllocationMeasurements.Name)]
    public sealed class LargeResponseAllocationTests
    {
        private const int BodyBytes = 64 * 1000 * 1000;
        private const double MaxRatio = 1.5;
        private const double MaxHeldRatio = 0.5;

        private readonly ITestOutputHelper _output;

        public LargeResponseAllocationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_64_MB_body_allocates_at_most_one_and_a_half_times_its_size(bool declaresLength)
        {
            // Most of the body is a field the endpoint does not know, so the reader skips it: what is measured is the
            // transport's own cost, not the strings a response type chooses to hold.
            byte[] body = PaddedBody(BodyBytes);
            byte[] small = PaddedBody(10_000);
            await using TestServer server = await TestServer.StartAsync();
            byte[] current = small;
            server.On(TestEndpoints.Path, async context =>
            {
                context.Response.ContentType = "application/json";
                if (declaresLength)
                {
                    context.Response.ContentLength = current.Length;
                }

                // In slices, as a real server streams, so a chunked answer really arrives in many chunks.
                for (int offset = 0; offset < current.Length; offset += 1 << 20)
                {
                    await context.Response.Body.WriteAsync(current.AsMemory(offset, Math.Min(1 << 20, current.Length - offset)));
                }
            });
            TcbHttpTransport transport = Build.Transport(server, o => o.MaxResponseBytes = 128 * 1024 * 1024);
            var endpoint = TestEndpoints.Echo();

            // Warm up every path (JIT, connection) with a small body.
            Assert.Equal("x", (await transport.SendAsync(endpoint, TcbTokenKey.Component, new EchoRequest(), CancellationToken.None)).Result);
            current = body;
            long heldBefore = GC.GetTotalMemory(forceFullCollection: true);

            // The first large call (no pooled buffer of that size yet) and the next one (whatever the first left in pools).
            for (int call = 1; call <= 2; call++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                EchoResponse response = await transport.SendAsync(endpoint, TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
                long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

                Assert.Equal("x", response.Result);
                double ratio = (double)allocated / BodyBytes;
                _output.WriteLine($"declared length: {declaresLength}; call {call}: allocated {allocated / (1024.0 * 1024):F1} MiB for a {BodyBytes / (1024.0 * 1024):F1} MiB body ({ratio:F2}x)");
                Assert.True(ratio <= MaxRatio, $"Call {call}: a {BodyBytes:N0}-byte body allocated {allocated:N0} bytes ({ratio:F2}x), above {MaxRatio}x.");
            }

            // What stays held after the calls (pooled buffers kept for the next large body): bounded too, not a copy of the
            // body per size class. One more small call first, so the connection's last read no longer refers to the large one.
            current = small;
            await transport.SendAsync(endpoint, TcbTokenKey.Component, new EchoRequest(), CancellationToken.None);
            double held = (double)(GC.GetTotalMemory(forceFullCollection: true) - heldBefore) / BodyBytes;
            _output.WriteLine($"declared length: {declaresLength}; held after the calls: {held:F2}x the body");
            Assert.True(held <= MaxHeldRatio, $"{held:F2}x the body stays held after the calls, above {MaxHeldRatio}x.");
        }

        private static byte[] PaddedBody(int size)
        {
            const string head = "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":\"x\",\"padding\":\"";
            const string tail = "\"}";
            byte[] bytes = new byte[size];
            Encoding.ASCII.GetBytes(head).CopyTo(bytes, 0);
            bytes.AsSpan(head.Length, size - head.Length - tail.Length).Fill((byte)'a');
            Encoding.ASCII.GetBytes(tail).CopyTo(bytes, size - tail.Length);
            return bytes;
        }
    }

    /// <summary>Tests that measure process-wide allocations run alone, not beside other tests of the assembly.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class AllocationMeasurements
    {
        public const string Name = "Allocation measurements";
    }
}
