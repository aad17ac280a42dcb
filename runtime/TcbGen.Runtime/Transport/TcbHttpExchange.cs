using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>What one HTTP exchange produced: a response, or the API/protocol error the body describes.</summary>
    internal readonly struct TcbExchangeResult<TResponse>
        where TResponse : TcbResponse
    {
        public TcbExchangeResult(TResponse? response, Exception? error, int statusCode, TimeSpan? retryAfter)
        {
            Response = response;
            Error = error;
            StatusCode = statusCode;
            RetryAfter = retryAfter;
        }

        public TResponse? Response { get; }

        /// <summary>A <see cref="TcbApiException"/> or <see cref="TcbProtocolException"/>, not thrown yet.</summary>
        public Exception? Error { get; }

        public int StatusCode { get; }

        public TimeSpan? RetryAfter { get; }
    }

    /// <summary>
    /// One request (the endpoint's method, with the prepared JSON body if it has one) and the interpretation of its
    /// answer, for the token sources' own calls (the transport walks the same policies inline, in its one state machine).
    /// Transport failures (<see cref="HttpRequestException"/>, cancellation) propagate; answers are returned, never thrown.
    /// </summary>
    internal static class TcbHttpExchange
    {
        private const string JsonContentType = "application/json; charset=utf-8";

        /// <summary>
        /// Sends <paramref name="body"/> (none when it is the default segment) to <paramref name="uri"/> with the endpoint's
        /// method and reads the whole answer, in one state machine (boxed only when something really waits). Retry-After is
        /// read only from error answers. <paramref name="knownSecret"/> (the token in <paramref name="uri"/>) is removed from
        /// every text of the answer an error carries.
        /// </summary>
        public static async ValueTask<TcbExchangeResult<TResponse>> SendAsync<TRequest, TResponse>(
            HttpClient httpClient,
            Uri uri,
            ArraySegment<byte> body,
            TcbEndpoint<TRequest, TResponse> endpoint,
            int maxResponseBytes,
            TimeProvider timeProvider,
            CancellationToken cancellationToken,
            string? knownSecret = null)
            where TResponse : TcbResponse
        {
            using HttpRequestMessage request = CreateRequest(endpoint.Method, uri, body);
            using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            HttpContent? content = response.Content;
            ResponseBodyReader reader = TcbBodyLimitPolicy.StartReading(maxResponseBytes, content);
            try
            {
                if (TcbBodyLimitPolicy.ShouldRead(content, encoded: false, ref reader))
                {
#if NET5_0_OR_GREATER
                    using Stream stream = await content!.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    while (reader.Advance(await stream.ReadAsync(reader.GetFree().AsMemory(), cancellationToken).ConfigureAwait(false)))
                    {
                    }
#else
                    using Stream stream = await content!.ReadAsStreamAsync().ConfigureAwait(false);
                    while (true)
                    {
                        ArraySegment<byte> free = reader.GetFree();
                        if (!reader.Advance(await stream.ReadAsync(free.Array!, free.Offset, free.Count, cancellationToken).ConfigureAwait(false)))
                        {
                            break;
                        }
                    }
#endif
                }

                Exception? error = TcbBodyLimitPolicy.Interpret(endpoint, status, ref reader, knownSecret, out TResponse? parsed);
                return error is null
                    ? new TcbExchangeResult<TResponse>(parsed, null, status, null)
                    : new TcbExchangeResult<TResponse>(null, error, status, RetryAfterHeader.Read(response, timeProvider));
            }
            finally
            {
                reader.Dispose();
            }
        }

        /// <summary>The request of one send: <paramref name="body"/> as its JSON content, none when it is the default segment (e.g. GET).</summary>
        public static HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, ArraySegment<byte> body)
        {
            ByteArrayContent? content = body.Array is null ? null : new ByteArrayContent(body.Array, body.Offset, body.Count);

            // Stored as the raw value and written as is: no MediaTypeHeaderValue and parameter list per call.
            content?.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
            return new HttpRequestMessage(method, uri) { Content = content };
        }
    }
}
