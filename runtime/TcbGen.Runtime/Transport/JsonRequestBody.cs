using System;
using System.Buffers;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Writes request bodies: with a <see cref="Utf8JsonWriter"/> over a <see cref="PooledBufferWriter"/> kept per thread
    /// and reused (as System.Text.Json caches its own writers), then copied into an array of the body's size class that
    /// the call holds while it sends and gives back with <see cref="Return"/>. The writer never leaves its thread (it is
    /// taken and put back within <see cref="Write"/>, which does not wait), so calls in flight never need writers of their
    /// own whose buffers grow to the pool's 8 KB class for a body of a few hundred bytes.
    /// </summary>
    /// <remarks>
    /// The bodies' arrays come from a pool of their own that keeps up to 1,024 arrays per size class up to 4 KB: a burst
    /// of a thousand calls in flight would empty <see cref="ArrayPool{T}.Shared"/>'s few dozen arrays per class and
    /// allocate a new array for nearly every call. That pool is filled by the largest burst the process saw (at most
    /// about 8 MB if every class filled; a few hundred KB for typical bodies) and keeps it. Larger bodies use the shared pool.
    /// </remarks>
    internal sealed class JsonRequestBody
    {
        /// <summary>A larger writer buffer goes back to the pool instead of staying with the thread.</summary>
        private const int MaxRetainedBytes = 16 * 1024;

        /// <summary>The largest body held in an array of <see cref="Bodies"/>.</summary>
        private const int MaxPooledBodyBytes = 4 * 1024;

        private static readonly ArrayPool<byte> Bodies = ArrayPool<byte>.Create(MaxPooledBodyBytes, 1024);

        [ThreadStatic]
        private static JsonRequestBody? t_cached;

        private readonly PooledBufferWriter _buffer;
        private readonly Utf8JsonWriter _writer;

        private JsonRequestBody()
        {
            _buffer = new PooledBufferWriter(0);
            _writer = new Utf8JsonWriter(_buffer);
        }

        /// <summary>Writes <paramref name="request"/>; the bytes stay valid until they are given to <see cref="Return"/>.</summary>
        public static ArraySegment<byte> Write<TRequest>(TcbRequestWriter<TRequest> write, TRequest request)
        {
            // Taken out of the slot while writing, so a writer that (re-entrantly) writes another body gets its own.
            JsonRequestBody body = t_cached ?? new JsonRequestBody();
            t_cached = null;
            try
            {
                body._buffer.Clear();
                body._writer.Reset();
                write(body._writer, request);
                body._writer.Flush();
                int length = body._buffer.WrittenCount;
                if (length == 0)
                {
                    return new ArraySegment<byte>(Array.Empty<byte>());
                }

                byte[] copy = length <= MaxPooledBodyBytes ? Bodies.Rent(length) : ArrayPool<byte>.Shared.Rent(length);
                Buffer.BlockCopy(body._buffer.WrittenSegment.Array!, 0, copy, 0, length);
                return new ArraySegment<byte>(copy, 0, length);
            }
            finally
            {
                body.ReturnToThread();
            }
        }

        /// <summary>Gives a body from <see cref="Write"/> back (nothing for the default segment); the caller must not use it afterwards.</summary>
        public static void Return(ArraySegment<byte> body)
        {
            byte[]? array = body.Array;
            if (array is null || array.Length == 0)
            {
                return;
            }

            if (array.Length <= MaxPooledBodyBytes)
            {
                Bodies.Return(array);
            }
            else
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }

        private void ReturnToThread()
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
