using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport
{
    /// <summary>
    /// Bodies WeChat (or a proxy before it) has been seen to send that are not clean JSON: an error must stay an error
    /// with its errcode, and a compressed answer must be read. Real HTTP on 127.0.0.1.
    /// </summary>
    public sealed class BadBodyTests
    {
        private static readonly EchoRequest Request = new() { Env = "env-1" };

        [Theory]
        [InlineData("{\"errcode\":40097,\"errmsg\":\"invalid args\",\"errcode\":0}", false)]
        [InlineData("{\"errcode\":0,\"errmsg\":\"invalid args\",\"errcode\":40097}", false)]
        [InlineData("{\"errcode\":40097,\"errmsg\":\"invalid args\",\"errcode\":\"0\"}", false)]
        [InlineData("{\"errcode\":40097,\"errmsg\":\"invalid args\",\"errcode\":0}", true)]
        public async Task A_duplicate_errcode_never_turns_an_error_into_success(string body, bool strictReader)
        {
            await using TestServer server = await TestServer.StartAsync();
            server.On(TestEndpoints.Path, Respond.Json(body));

            var error = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(strictReader: strictReader), TcbTokenKey.Component, Request, default));

            Assert.Equal(40097, error.ErrorCode);
        }

        [Fact]
        public void The_envelope_reader_keeps_the_first_non_zero_errcode_of_a_duplicate_key()
        {
            byte[] body = Encoding.UTF8.GetBytes("{\"errcode\":-1,\"errmsg\":\"busy\",\"errcode\":0}");

            Assert.True(TcbResponseEnvelope.TryRead(new System.Buffers.ReadOnlySequence<byte>(body), out int errorCode, out string? message));

            Assert.Equal(-1, errorCode);
            Assert.Equal("busy", message);
        }

        [Theory]
        [InlineData(false, 200)]
        [InlineData(true, 200)]
        [InlineData(false, 500)]
        public async Task An_errmsg_with_invalid_utf8_keeps_its_errcode_and_the_bad_bytes_are_replaced(bool strictReader, int status)
        {
            await using TestServer server = await TestServer.StartAsync();
            byte[] body = Concat("{\"errcode\":-601049,\"errmsg\":\"env \\u4e2d ", new byte[] { 0xC3, 0x28, 0xFF }, " rid: 1-2\"}");
            server.On(TestEndpoints.Path, Respond.Bytes(body, status: status));

            var error = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => Build.Transport(server).SendAsync(TestEndpoints.Echo(strictReader: strictReader), TcbTokenKey.Component, Request, default));

            Assert.Equal(EchoErrorCode.EnvNotFound, error.Code);
            Assert.Equal("env \u4e2d \uFFFD(\uFFFD rid: 1-2", error.ErrorMessage);
        }

        [Theory]
        [InlineData("gzip")]
        [InlineData("deflate")]
        public async Task A_compressed_answer_is_decoded_by_the_client_AddTcbGen_creates(string encoding)
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Bytes(Compress("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":\"unzipped\"}", encoding), encoding))
                .On(TestEndpoints.Path, Respond.Bytes(Compress("{\"errcode\":-601049,\"errmsg\":\"env not found\"}", encoding), encoding));
            var services = new ServiceCollection();
            services.AddTcbGen(o => o.BaseAddress = server.BaseAddress)
                .UseAccessTokens((_, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken("token", null)));
            await using ServiceProvider provider = services.BuildServiceProvider();
            ITcbTransport transport = provider.GetRequiredService<ITcbTransport>();

            EchoResponse response = await transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, CancellationToken.None);
            var error = await Assert.ThrowsAsync<TcbApiException<EchoErrorCode>>(
                () => transport.SendAsync(TestEndpoints.Echo(), TcbTokenKey.Component, Request, CancellationToken.None));

            Assert.Equal("unzipped", response.Result);
            Assert.Equal(EchoErrorCode.EnvNotFound, error.Code);
        }

        private static byte[] Concat(string head, byte[] middle, string tail)
        {
            var bytes = new MemoryStream();
            bytes.Write(Encoding.UTF8.GetBytes(head));
            bytes.Write(middle);
            bytes.Write(Encoding.UTF8.GetBytes(tail));
            return bytes.ToArray();
        }

        private static byte[] Compress(string json, string encoding)
        {
            var compressed = new MemoryStream();
            using (Stream compressor = encoding == "gzip"
                ? new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)
                : new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                compressor.Write(Encoding.UTF8.GetBytes(json));
            }

            return compressed.ToArray();
        }
    }
}
