using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>Reads a whole response body into a pooled buffer, refusing bodies above a size limit.</summary>
    internal static class ResponseBodyReader
    {
        /// <summary>Reads the body; returns <see langword="null"/> if it is larger than <paramref name="maxBytes"/>.</summary>
        public static async Task<PooledBufferWriter?> ReadAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
        {
            var body = new PooledBufferWriter(4096);
            if (content is null)
            {
                return body;
            }

            try
            {
                long? declared = content.Headers.ContentLength;
                if (declared > maxBytes)
                {
                    body.Dispose();
                    return null;
                }

#if NET5_0_OR_GREATER
                Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                using (stream)
                {
                    while (true)
                    {
                        body.EnsureCapacity(4096);
                        ArraySegment<byte> free = body.FreeSegment;
                        int read = await stream.ReadAsync(free.Array!, free.Offset, free.Count, cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            return body;
                        }

                        body.Advance(read);
                        if (body.WrittenCount > maxBytes)
                        {
                            body.Dispose();
                            return null;
                        }
                    }
                }
            }
            catch
            {
                body.Dispose();
                throw;
            }
        }
    }
}
