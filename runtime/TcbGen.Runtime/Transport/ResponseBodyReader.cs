using System;
using System.Buffers;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Collects a response body into an array rented from <see cref="ArrayPool{T}.Shared"/>, refusing bodies above a
    /// size limit. A mutable struct, so the read loop in <see cref="TcbHttpExchange.SendAsync"/> needs no state machine
    /// or object of its own; <see cref="Dispose"/> returns the array.
    /// </summary>
    internal struct ResponseBodyReader : IDisposable
    {
        private const int InitialSize = 4096;

        private readonly int _maxBytes;
        private byte[]? _buffer;
        private int _length;
        private bool _tooLarge;

        public ResponseBodyReader(int maxBytes)
        {
            _maxBytes = maxBytes;
            _buffer = null;
            _length = 0;
            _tooLarge = false;
        }

        /// <summary>Whether the body is larger than the limit; set by <see cref="Advance"/> or <see cref="MarkTooLarge"/>.</summary>
        public bool IsTooLarge => _tooLarge;

        /// <summary>The body read so far.</summary>
        public ReadOnlySpan<byte> Span => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, 0, _length);

        /// <summary>Free space to read into: rents the first array, or a twice larger one when it is full.</summary>
        public ArraySegment<byte> GetFree()
        {
            if (_buffer is null)
            {
                _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
            }
            else if (_length == _buffer.Length)
            {
                byte[] larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
                Buffer.BlockCopy(_buffer, 0, larger, 0, _length);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            return new ArraySegment<byte>(_buffer, _length, _buffer.Length - _length);
        }

        /// <summary>Records <paramref name="read"/> bytes read into <see cref="GetFree"/>; false when the reading is over (end or too large).</summary>
        public bool Advance(int read)
        {
            _length += read;
            _tooLarge = _length > _maxBytes;
            return read > 0 && !_tooLarge;
        }

        /// <summary>Refuses the body unread, e.g. when its declared length is above the limit.</summary>
        public void MarkTooLarge() => _tooLarge = true;

        public void Dispose()
        {
            byte[]? buffer = _buffer;
            _buffer = null;
            _length = 0;
            if (buffer != null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
