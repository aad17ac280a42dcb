using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
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
    /// One request (the endpoint's method, with the prepared JSON body if it has one) and the interpretation of its answer. Transport failures
    /// (<see cref="HttpRequestException"/>, cancellation) propagate; answers are returned, never thrown.
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
            string? knownSecret = null,
            TcbHttpAttemptState? attemptState = null)
            where TResponse : TcbResponse
        {
            // No body (default segment) for endpoints whose requests have none, e.g. GET.
            using ByteArrayContent? content = body.Array is null ? null : new ByteArrayContent(body.Array, body.Offset, body.Count);
            // Stored as the raw value and written as is: no MediaTypeHeaderValue and parameter list per call.
            content?.Headers.TryAddWithoutValidation("Content-Type", JsonContentType);
            using var request = new HttpRequestMessage(endpoint.Method, uri) { Content = content };
            attemptState?.AttachTo(request);
            using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

            // The status as it came over the wire: the innermost handler may show an outer resilience handler a 2xx
            // answer's errcode -1/45011 as 503/429, which must not reach the caller, the span or the metrics.
            int status = attemptState?.LastStatus ?? (int)response.StatusCode;
            HttpContent? responseContent = response.Content;
            var reader = new ResponseBodyReader(maxResponseBytes, responseContent?.Headers.ContentLength);
            try
            {
                if (responseContent != null && !(responseContent.Headers.ContentLength > maxResponseBytes))
                {
#if NET5_0_OR_GREATER
                    Stream stream = await responseContent.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                    Stream stream = await responseContent.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                    using (stream)
                    {
                        while (true)
                        {
                            ArraySegment<byte> free = reader.GetFree();
#if NET5_0_OR_GREATER
                            int read = await stream.ReadAsync(free.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
                            int read = await stream.ReadAsync(free.Array!, free.Offset, free.Count, cancellationToken).ConfigureAwait(false);
#endif
                            if (!reader.Advance(read))
                            {
                                break;
                            }
                        }
                    }
                }
                else if (responseContent != null)
                {
                    reader.MarkTooLarge();
                }

                Exception? error = Interpret(endpoint, status, ref reader, maxResponseBytes, knownSecret, out TResponse? parsed);
                if (error is null)
                {
                    return new TcbExchangeResult<TResponse>(parsed, null, status, null);
                }

                return new TcbExchangeResult<TResponse>(null, error, status, RetryAfterHeader.Read(response, timeProvider));
            }
            finally
            {
                reader.Dispose();
            }
        }

        /// <summary>
        /// Interprets what <paramref name="reader"/> collected. Not async, so the body's segments are never held by the
        /// caller's state machine (which the connection may keep referring to after the call).
        /// </summary>
        private static Exception? Interpret<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, int status, ref ResponseBodyReader reader, int maxResponseBytes, string? knownSecret, out TResponse? response)
            where TResponse : TcbResponse
        {
            if (reader.IsTooLarge)
            {
                response = null;
                return new TcbProtocolException(endpoint.Name, status, null, "the body is larger than MaxResponseBytes (" + maxResponseBytes + ")");
            }

            return Interpret(endpoint, status, reader.Body, knownSecret, out response);
        }

        /// <summary>
        /// Reads the body whatever its Content-Type says (WeChat sends JSON as text/plain at times), leniently
        /// (trailing commas, comments). An errcode other than 0 wins over every other reading of the body. Every text taken
        /// from the body (errmsg, excerpt) goes through <see cref="TcbSecretRedactor"/> first.
        /// </summary>
        internal static Exception? Interpret<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, int status, in ReadOnlySequence<byte> rawBody, string? knownSecret, out TResponse? response)
            where TResponse : TcbResponse
        {
            response = null;
            ReadOnlySequence<byte> body = TcbResponseEnvelope.WithoutBom(rawBody);
            int errorCode;
            string? errorMessage;
            if (status < 200 || status > 299)
            {
                return TcbResponseEnvelope.TryRead(body, out errorCode, out errorMessage) && errorCode != 0
                    ? endpoint.CreateException(errorCode, TcbSecretRedactor.Redact(errorMessage, knownSecret, endpoint.SecretFields))
                    : new TcbHttpStatusException(endpoint.Name, status, BodyExcerpt.From(body, knownSecret, endpoint.SecretFields));
            }

            try
            {
                var reader = new Utf8JsonReader(body, TcbResponseEnvelope.ReaderOptions);
                response = endpoint.ReadResponse(ref reader);
            }
            catch (Exception readFailure) when (readFailure is not OperationCanceledException)
            {
                // The typed reader may fail on an error body that lacks the success fields: the envelope still says why.
                bool isObject = TcbResponseEnvelope.TryRead(body, out errorCode, out errorMessage);
                if (isObject && errorCode != 0)
                {
                    return endpoint.CreateException(errorCode, TcbSecretRedactor.Redact(errorMessage, knownSecret, endpoint.SecretFields));
                }

                // errcode 0 (or none) in a JSON object: the call succeeded, only a value could not be read; say so.
                return new TcbProtocolException(
                    endpoint.Name, status, isObject ? 0 : null, BodyExcerpt.From(body, knownSecret, endpoint.SecretFields),
                    body.IsEmpty ? "the body is empty" : isObject ? "a response field is missing or malformed" : "the body is not the expected JSON", readFailure);
            }

            if (response is null)
            {
                return new TcbProtocolException(endpoint.Name, status, BodyExcerpt.From(body, knownSecret, endpoint.SecretFields), "the body holds no response object");
            }

            return response.ErrorCode != 0 ? endpoint.CreateException(response.ErrorCode, TcbSecretRedactor.Redact(response.ErrorMessage, knownSecret, endpoint.SecretFields)) : null;
        }
    }
}
