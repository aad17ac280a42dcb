using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Reads the errcode of a small answer before the transport does, leaving the body readable: an answer of at most
    /// <see cref="Limit"/> bytes is buffered and put back as a byte array; a larger one is put back as its read start
    /// followed by the rest of the stream, and has no errcode worth surfacing (error answers are small).
    /// </summary>
    internal static class ErrorCodePeek
    {
        internal const int Limit = 16 * 1024;

        public static async Task<(int? ErrorCode, string? ErrorMessage)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            HttpContent? content = response.Content;
            if (content is null || content.Headers.ContentLength > Limit)
            {
                return (null, null);
            }

#if NET5_0_OR_GREATER
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            byte[] buffer = ArrayPool<byte>.Shared.Rent(Limit + 1);
            try
            {
                int length = 0;
                int read;
                while (length <= Limit && (read = await stream.ReadAsync(buffer, length, Limit + 1 - length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                byte[] start = new byte[length];
                Buffer.BlockCopy(buffer, 0, start, 0, length);
                if (length > Limit)
                {
                    response.Content = WithHeadersOf(content, new StreamContent(new PrefixedStream(start, stream)));
                    return (null, null);
                }

                stream.Dispose();
                response.Content = WithHeadersOf(content, new ByteArrayContent(start));
                content.Dispose();
                return TcbResponseEnvelope.TryRead(new ReadOnlySequence<byte>(start), out int errorCode, out string? errorMessage) && errorCode != 0
                    ? (errorCode, errorMessage)
                    : (null, null);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static HttpContent WithHeadersOf(HttpContent original, HttpContent replacement)
        {
            foreach (var header in original.Headers)
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return replacement;
        }
    }
}
