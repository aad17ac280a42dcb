using System;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The transport's content decoding, when <c>AddTcbGen</c> leaves it to the transport (see
    /// <see cref="TcbDecompressionFilter"/>): asks for <c>gzip, deflate</c> and decodes an answer sent so, as the primary
    /// handler's automatic decompression would, without that handler's per-request work (its own state machine and the
    /// parsed <c>Accept-Encoding</c> values it adds to every request). The body limit counts the decoded bytes.
    /// </summary>
    internal static class TcbContentDecodingPolicy
    {
        private const string AcceptEncodingHeader = "Accept-Encoding";
        private const string ContentEncodingHeader = "Content-Encoding";

        /// <summary>What the request asks for: the encodings an automatically decompressing handler would ask for.</summary>
        private const string AcceptedEncodings = "gzip, deflate";

        /// <summary>Asks for the encodings the transport decodes (stored as the raw value and written as is).</summary>
        public static void Advertise(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation(AcceptEncodingHeader, AcceptedEncodings);

        /// <summary>Whether the answer is encoded in a way this policy decodes; no allocation when it is not encoded.</summary>
        public static bool IsEncoded(HttpContent content, out bool gzip)
        {
            gzip = false;
#if NET6_0_OR_GREATER
            if (!content.Headers.NonValidated.TryGetValues(ContentEncodingHeader, out System.Net.Http.Headers.HeaderStringValues values) || values.Count != 1)
            {
                return false;
            }

            string? encoding = values.ToString();
#else
            if (!content.Headers.TryGetValues(ContentEncodingHeader, out var values))
            {
                return false;
            }

            string? encoding = null;
            foreach (string value in values)
            {
                if (encoding != null)
                {
                    return false;
                }

                encoding = value;
            }
#endif
            encoding = encoding?.Trim();
            gzip = string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase);
            return gzip || string.Equals(encoding, "deflate", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The decoded body of an answer <see cref="IsEncoded"/> accepted; disposing it disposes <paramref name="encoded"/>.</summary>
        public static Stream Decode(Stream encoded, bool gzip)
            => gzip ? new GZipStream(encoded, CompressionMode.Decompress) : new ZLibOrDeflateStream(encoded);

        /// <summary>
        /// HTTP's <c>deflate</c> is zlib-wrapped (RFC 9110), yet some servers send raw deflate: the first two bytes decide,
        /// as in .NET's own decompression.
        /// </summary>
        private sealed class ZLibOrDeflateStream : Stream
        {
            private readonly Stream _encoded;
            private DeflateStream? _inflater;

            public ZLibOrDeflateStream(Stream encoded)
            {
                _encoded = encoded;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (_inflater is null)
                {
                    byte[] start = new byte[2];
                    int length = 0;
                    int read;
                    while (length < 2 && (read = _encoded.Read(start, length, 2 - length)) > 0)
                    {
                        length += read;
                    }

                    Start(start, length);
                }

                return _inflater!.Read(buffer, offset, count);
            }

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                if (_inflater is null)
                {
                    byte[] start = new byte[2];
                    int length = 0;
                    int read;
                    while (length < 2 && (read = await _encoded.ReadAsync(start, length, 2 - length, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        length += read;
                    }

                    Start(start, length);
                }

                return await _inflater!.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    if (_inflater != null)
                    {
                        _inflater.Dispose();
                    }
                    else
                    {
                        _encoded.Dispose();
                    }
                }

                base.Dispose(disposing);
            }

            private void Start(byte[] start, int length)
            {
                // A zlib header: compression method 8 and a check value that makes the first two bytes a multiple of 31.
                bool zlib = length == 2 && (start[0] & 0x0F) == 8 && ((start[0] << 8) | start[1]) % 31 == 0;
                Stream rest = zlib ? _encoded : new PrefixedStream(length == 2 ? start : start.AsSpan(0, length).ToArray(), _encoded);
                _inflater = new DeflateStream(rest, CompressionMode.Decompress);
            }
        }
    }
}
