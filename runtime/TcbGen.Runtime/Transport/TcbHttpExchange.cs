using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
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
    /// One POST of a prepared JSON body and the interpretation of its answer. Transport failures
    /// (<see cref="HttpRequestException"/>, cancellation) propagate; answers are returned, never thrown.
    /// </summary>
    internal static class TcbHttpExchange
    {
        public static async Task<TcbExchangeResult<TResponse>> SendAsync<TRequest, TResponse>(
            HttpClient httpClient,
            Uri uri,
            ArraySegment<byte> body,
            TcbEndpoint<TRequest, TResponse> endpoint,
            int maxResponseBytes,
            TimeProvider timeProvider,
            CancellationToken cancellationToken)
            where TResponse : TcbResponse
        {
            using var content = new ByteArrayContent(body.Array!, body.Offset, body.Count);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

            int status = (int)response.StatusCode;
            TimeSpan? retryAfter = RetryAfterHeader.Read(response, timeProvider);
            using PooledBufferWriter? responseBody = await ResponseBodyReader.ReadAsync(response.Content, maxResponseBytes, cancellationToken).ConfigureAwait(false);
            if (responseBody is null)
            {
                var tooLarge = new TcbProtocolException(endpoint.Name, status, null, "the body is larger than MaxResponseBytes (" + maxResponseBytes + ")");
                return new TcbExchangeResult<TResponse>(null, tooLarge, status, retryAfter);
            }

            Exception? error = Interpret(endpoint, status, responseBody.WrittenMemory.Span, out TResponse? parsed);
            return new TcbExchangeResult<TResponse>(parsed, error, status, retryAfter);
        }

        /// <summary>
        /// Reads the body whatever its Content-Type says (WeChat sends JSON as text/plain at times), leniently
        /// (trailing commas, comments). An errcode other than 0 wins over every other reading of the body.
        /// </summary>
        internal static Exception? Interpret<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, int status, ReadOnlySpan<byte> rawBody, out TResponse? response)
            where TResponse : TcbResponse
        {
            response = null;
            ReadOnlySpan<byte> body = TcbResponseEnvelope.WithoutBom(rawBody);
            int errorCode;
            string? errorMessage;
            if (status < 200 || status > 299)
            {
                return TcbResponseEnvelope.TryRead(body, out errorCode, out errorMessage) && errorCode != 0
                    ? endpoint.CreateException(errorCode, errorMessage)
                    : new TcbHttpStatusException(endpoint.Name, status, BodyExcerpt.From(body));
            }

            try
            {
                var reader = new Utf8JsonReader(body, TcbResponseEnvelope.ReaderOptions);
                response = endpoint.ReadResponse(ref reader);
            }
            catch (Exception readFailure) when (readFailure is not OperationCanceledException)
            {
                // The typed reader may fail on an error body that lacks the success fields: the envelope still says why.
                if (TcbResponseEnvelope.TryRead(body, out errorCode, out errorMessage) && errorCode != 0)
                {
                    return endpoint.CreateException(errorCode, errorMessage);
                }

                return new TcbProtocolException(endpoint.Name, status, BodyExcerpt.From(body), body.IsEmpty ? "the body is empty" : "the body is not the expected JSON", readFailure);
            }

            if (response is null)
            {
                return new TcbProtocolException(endpoint.Name, status, BodyExcerpt.From(body), "the body holds no response object");
            }

            return response.ErrorCode != 0 ? endpoint.CreateException(response.ErrorCode, response.ErrorMessage) : null;
        }
    }
}
