using System;
using System.Buffers;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>
    /// One call's request body: written through this thread's <see cref="Utf8JsonWriter"/> scratch (as System.Text.Json
    /// caches its own writers), then copied into an array rented from <see cref="ArrayPool{T}.Shared"/> at the body's own
    /// size, which the call keeps for as long as it sends (across awaits and threads) and gives back in
    /// <see cref="Return"/>. The scratch is only ever held while a body is written, which never awaits, so it is never
    /// out when another call on the thread needs it, however many calls are in flight; what a call holds across its
    /// sends is a 512-byte array for a 413-byte body, not the scratch's 8 KB (the writer asks for 4 KB of room whenever
    /// it grows), so a burst of concurrent calls does not drain the shared pool's large buckets.
    /// </summary>
    internal sealed class JsonRequestBody
    {
        private byte[]? _rented;

        private JsonRequestBody()
        {
        }

        /// <summary>A holder for one call's body; <see cref="Return"/> it when the call is over.</summary>
        public static JsonRequestBody Rent() => new JsonRequestBody();

        /// <summary>Writes <paramref name="request"/>; the bytes stay valid until <see cref="Return"/>.</summary>
        public ArraySegment<byte> Write<TRequest>(TcbRequestWriter<TRequest> write, TRequest request)
        {
            ReleaseRented();
            Scratch scratch = Scratch.Take();
            try
            {
                ReadOnlySpan<byte> written = scratch.Write(write, request);
                byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(written.Length, 1));
                written.CopyTo(rented);
                _rented = rented;
                return new ArraySegment<byte>(rented, 0, written.Length);
            }
            finally
            {
                scratch.Release();
            }
        }

        /// <summary>Gives the body's array back to the pool; safe to call more than once, and when nothing was written.</summary>
        public void Return() => ReleaseRented();

        private void ReleaseRented()
        {
            byte[]? rented = _rented;
            _rented = null;
            if (rented != null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        /// <summary>A <see cref="Utf8JsonWriter"/> over a <see cref="PooledBufferWriter"/>, one per thread, held only while a body is written.</summary>
        private sealed class Scratch
        {
            /// <summary>A larger buffer goes back to the pool after the write instead of staying with the thread.</summary>
            private const int MaxRetainedBytes = 16 * 1024;

            [ThreadStatic]
            private static Scratch? t_cached;

            private readonly PooledBufferWriter _buffer = new PooledBufferWriter(0);
            private readonly Utf8JsonWriter _writer;

            private Scratch()
            {
                _writer = new Utf8JsonWriter(_buffer);
            }

            /// <summary>This thread's scratch, or a new one when it is out (a writer that itself writes a body on this thread).</summary>
            public static Scratch Take()
            {
                Scratch? scratch = t_cached;
                t_cached = null;
                return scratch ?? new Scratch();
            }

            public ReadOnlySpan<byte> Write<TRequest>(TcbRequestWriter<TRequest> write, TRequest request)
            {
                _buffer.Clear();
                _writer.Reset();
                write(_writer, request);
                _writer.Flush();
                return _buffer.WrittenMemory.Span;
            }

            /// <summary>Puts the scratch back in the thread's slot (giving a large buffer back to the pool first).</summary>
            public void Release()
            {
                _writer.Reset();
                _buffer.Clear();
                if (_buffer.Capacity > MaxRetainedBytes)
                {
                    _buffer.Dispose();
                }

                if (t_cached is null)
                {
                    t_cached = this;
                }
                else
                {
                    _buffer.Dispose();
                }
            }
        }
    }
}
