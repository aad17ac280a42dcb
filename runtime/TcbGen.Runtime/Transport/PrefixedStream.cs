using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>A read-only stream of bytes already read followed by the rest of the original stream.</summary>
    internal sealed class PrefixedStream : Stream
    {
        private readonly byte[] _prefix;
        private readonly Stream _rest;
        private int _position;

        public PrefixedStream(byte[] prefix, Stream rest)
        {
            _prefix = prefix;
            _rest = rest;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int fromPrefix = TakePrefix(buffer, offset, count);
            return fromPrefix > 0 ? fromPrefix : _rest.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int fromPrefix = TakePrefix(buffer, offset, count);
            return fromPrefix > 0 ? Task.FromResult(fromPrefix) : _rest.ReadAsync(buffer, offset, count, cancellationToken);
        }

#if NET5_0_OR_GREATER
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int available = _prefix.Length - _position;
            if (available > 0)
            {
                int take = Math.Min(available, buffer.Length);
                _prefix.AsSpan(_position, take).CopyTo(buffer.Span);
                _position += take;
                return new ValueTask<int>(take);
            }

            return _rest.ReadAsync(buffer, cancellationToken);
        }
#endif

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
                _rest.Dispose();
            }

            base.Dispose(disposing);
        }

        private int TakePrefix(byte[] buffer, int offset, int count)
        {
            int take = Math.Min(_prefix.Length - _position, count);
            if (take <= 0)
            {
                return 0;
            }

            Buffer.BlockCopy(_prefix, _position, buffer, offset, take);
            _position += take;
            return take;
        }
    }
}
