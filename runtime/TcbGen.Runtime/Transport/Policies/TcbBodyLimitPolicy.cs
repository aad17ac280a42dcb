using System;
using System.Net.Http;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The transport's body limit: an answer is read into pooled arrays (<see cref="ResponseBodyReader"/>) only up to
    /// <see cref="TcbGenOptions.MaxResponseBytes"/>; a larger one (declared or read) becomes a
    /// <see cref="TcbProtocolException"/> without being kept. Synchronous hooks around the caller's read loop, so reading
    /// adds no state machine of its own.
    /// </summary>
    internal sealed class TcbBodyLimitPolicy
    {
        public TcbBodyLimitPolicy(int maxResponseBytes)
        {
            MaxResponseBytes = maxResponseBytes;
        }

        public int MaxResponseBytes { get; }

        /// <summary>The reader of an answer's body, sized by its Content-Length (not for an encoded body: it counts decoded bytes); the caller disposes it.</summary>
        public ResponseBodyReader StartReading(HttpContent? content, bool encoded = false) => StartReading(MaxResponseBytes, content, encoded);

        /// <summary>The same, for a caller that holds only the limit (the token sources' own exchanges).</summary>
        public static ResponseBodyReader StartReading(int maxResponseBytes, HttpContent? content, bool encoded = false)
            => new ResponseBodyReader(maxResponseBytes, encoded ? null : content?.Headers.ContentLength);

        /// <summary>
        /// Whether the body is worth reading: there is one and its declared length is within the limit (else it is
        /// marked too large unread). An encoded body's declared length is not its decoded one, so only reading tells.
        /// </summary>
        public static bool ShouldRead(HttpContent? content, bool encoded, ref ResponseBodyReader reader)
        {
            if (content is null)
            {
                return false;
            }

            if (!encoded && content.Headers.ContentLength > reader.MaxBytes)
            {
                reader.MarkTooLarge();
                return false;
            }

            return true;
        }

        /// <summary>
        /// Interprets what <paramref name="reader"/> collected: the limit's error when the body was too large, else what
        /// <see cref="TcbErrorMappingPolicy.Interpret"/> makes of it. Not async, so the body's segments are never held by
        /// the caller's state machine (which the connection may keep referring to after the call).
        /// </summary>
        public static Exception? Interpret<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, int status, ref ResponseBodyReader reader, string? knownSecret, out TResponse? response)
            where TResponse : TcbResponse
        {
            if (reader.IsTooLarge)
            {
                response = null;
                return new TcbProtocolException(endpoint.Name, status, null, "the body is larger than MaxResponseBytes (" + reader.MaxBytes + ")");
            }

            return TcbErrorMappingPolicy.Interpret(endpoint, status, reader.Body, knownSecret, out response);
        }
    }
}
