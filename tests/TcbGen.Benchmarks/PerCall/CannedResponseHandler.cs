using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Benchmarks.PerCall
{
    /// <summary>
    /// The in-memory end of every per-call benchmark: it drains the request body to <see cref="Stream.Null"/> (so
    /// lazily serialized content is really serialized, as a socket handler would) and answers 200 with a canned
    /// <c>{"errcode":0,"errmsg":"ok"}</c>. No network. With <see cref="Capture"/> on, it keeps the last request for checks.
    /// </summary>
    internal sealed class CannedResponseHandler : HttpMessageHandler
    {
        public static readonly byte[] OkBody = "{\"errcode\":0,\"errmsg\":\"ok\"}"u8.ToArray();

        public bool Capture { get; set; }

        public Uri? LastUri { get; private set; }

        public byte[]? LastBody { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Capture)
            {
                return CaptureAsync(request, cancellationToken);
            }

            Task drained = request.Content is null ? Task.CompletedTask : request.Content.CopyToAsync(Stream.Null, cancellationToken);
            return drained.IsCompletedSuccessfully ? Task.FromResult(Respond(request)) : RespondAfter(drained, request);
        }

        private static async Task<HttpResponseMessage> RespondAfter(Task drained, HttpRequestMessage request)
        {
            await drained.ConfigureAwait(false);
            return Respond(request);
        }

        private async Task<HttpResponseMessage> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastUri = request.RequestUri;
            LastBody = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Respond(request);
        }

        private static HttpResponseMessage Respond(HttpRequestMessage request)
        {
            var content = new ByteArrayContent(OkBody);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}
