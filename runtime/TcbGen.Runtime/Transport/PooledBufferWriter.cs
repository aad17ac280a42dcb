using System;
using System.Buffers;

namespace TcbGen.Runtime
{
    /// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>; dispose to return them.</summary>
    internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
    {
        private byte[] _buffer;
        private int _written;

        public PooledBufferWriter(int initialCapacity = 256)
        {
            _buffer = initialCapacity > 0 ? ArrayPool<byte>.Shared.Rent(initialCapacity) : Array.Empty<byte>();
        }

        public int WrittenCount => _written;

        public int Capacity => _buffer.Length;

        public ReadOnlyMemory<byte> WrittenMemory => new ReadOnlyMemory<byte>(_buffer, 0, _written);

        public ArraySegment<byte> WrittenSegment => new ArraySegment<byte>(_buffer, 0, _written);

        public void Advance(int count)
        {
            if (count < 0 || _written + count > _buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            _written += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            EnsureCapacity(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            EnsureCapacity(sizeHint);
            return _buffer.AsSpan(_written);
        }

        /// <summary>Makes room for at least <paramref name="sizeHint"/> more bytes (at least one).</summary>
        public void EnsureCapacity(int sizeHint)
        {
            int needed = Math.Max(sizeHint, 1);
            if (_buffer.Length - _written >= needed)
            {
                return;
            }

            int newSize = Math.Max(_buffer.Length * 2, _written + needed);
            byte[] larger = ArrayPool<byte>.Shared.Rent(newSize);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _written);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }

        /// <summary>The free part of the buffer, for reading a stream into it.</summary>
        public ArraySegment<byte> FreeSegment => new ArraySegment<byte>(_buffer, _written, _buffer.Length - _written);

        /// <summary>Forgets what was written and keeps the buffer, for the next use.</summary>
        public void Clear() => _written = 0;

        /// <summary>Returns the buffer to the pool; the writer stays usable and rents again when written to.</summary>
        public void Dispose()
        {
            byte[] buffer = _buffer;
            _buffer = Array.Empty<byte>();
            _written = 0;
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
