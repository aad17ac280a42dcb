using System;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport.Policies
{
    /// <summary>The content-decoding policy alone, against real answers of a Kestrel server on 127.0.0.1.</summary>
    public sealed class ContentDecodingPolicyTests
    {
        private const string Json = "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":\"decoded\"}";

        [Theory]
        [InlineData("gzip")]
        [InlineData("deflate")]
        [InlineData("raw-deflate")]
        public async Task An_encoded_answer_is_decoded_and_the_request_asks_for_it(string encoding)
        {
            await using TestServer server = await TestServer.StartAsync();
            string? asked = null;
            server.On(TestEndpoints.Path, async context =>
            {
                asked = context.Request.Headers.AcceptEncoding.ToString();
                await Respond.Bytes(Compress(Json, encoding), encoding == "raw-deflate" ? "deflate" : encoding)(context);
            });
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseAddress + "tcb/echo") { Content = new StringContent("{}") };
            TcbContentDecodingPolicy.Advertise(request);

            using HttpResponseMessage answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.True(TcbContentDecodingPolicy.IsEncoded(answer.Content, out bool gzip));
            Assert.Equal(encoding == "gzip", gzip);
            using Stream decoded = TcbContentDecodingPolicy.Decode(await answer.Content.ReadAsStreamAsync(), gzip);
            using var text = new StreamReader(decoded, Encoding.UTF8);

            Assert.Equal("gzip, deflate", asked);
            Assert.Equal(Json, await text.ReadToEndAsync());
        }

        [Fact]
        public async Task An_answer_without_an_encoding_or_with_another_is_left_as_it_is()
        {
            await using TestServer server = await TestServer.StartAsync();
            server.Once(TestEndpoints.Path, Respond.Ok()).On(TestEndpoints.Path, Respond.Bytes(Encoding.UTF8.GetBytes(Json), "br"));
            using var client = new HttpClient();

            using HttpResponseMessage plain = await client.PostAsync(server.BaseAddress + "tcb/echo", new StringContent("{}"));
            using HttpResponseMessage other = await client.PostAsync(server.BaseAddress + "tcb/echo", new StringContent("{}"));

            Assert.False(TcbContentDecodingPolicy.IsEncoded(plain.Content, out _));
            Assert.False(TcbContentDecodingPolicy.IsEncoded(other.Content, out _));
        }

        private static byte[] Compress(string json, string encoding)
        {
            var compressed = new MemoryStream();
            using (Stream compressor = encoding switch
            {
                "gzip" => new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
                "deflate" => new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
                _ => new DeflateStream(compressed, CompressionLevel.Fastest, leaveOpen: true),
            })
            {
                compressor.Write(Encoding.UTF8.GetBytes(json));
            }

            return compressed.ToArray();
        }
    }
}
