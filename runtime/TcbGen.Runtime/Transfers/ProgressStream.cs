using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// A read-only view of a stream that reports the bytes read so far and checks the cancellation token before every read,
    /// so an upload stops between chunks on every target (netstandard2.0's HttpClient does not cancel a body copy itself).
    /// </summary>
    internal sealed class ProgressStream : Stream
    {
        private readonly Stream _inner;
        private readonly IProgress<long>? _progress;
        private readonly CancellationToken _cancellationToken;
        private long _read;

        public ProgressStream(Stream inner, IProgress<long>? progress, CancellationToken cancellationToken)
        {
            _inner = inner;
            _progress = progress;
            _cancellationToken = cancellationToken;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            return Count(_inner.Read(buffer, offset, count));
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            cancellationToken.ThrowIfCancellationRequested();
            return Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            if (read > 0)
            {
                _read += read;
                _progress?.Report(_read);
            }

            return read;
        }
    }
}
