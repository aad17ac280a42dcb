using System;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A <see cref="Utf8JsonWriter"/> over a <see cref="PooledBufferWriter"/>, kept per thread and reused, as System.Text.Json
    /// caches its own writers: a call rents the pair, writes its request body, keeps the bytes for as long as it sends
    /// them (across awaits and threads) and returns the pair when done. A rented pair is taken out of the thread's slot,
    /// so a call that starts while another is writing or sending on the same thread (re-entrancy, interleaved async
    /// calls) gets a new pair; a pair returned to an occupied slot gives its buffer back to the pool and is dropped.
    /// </summary>
    internal sealed class JsonRequestBody
    {
        /// <summary>A larger buffer goes back to the pool instead of staying with the thread.</summary>
        private const int MaxRetainedBytes = 16 * 1024;

        [ThreadStatic]
        private static JsonRequestBody? t_cached;

        private readonly PooledBufferWriter _buffer;
        private readonly Utf8JsonWriter _writer;

        private JsonRequestBody()
        {
            _buffer = new PooledBufferWriter(0);
            _writer = new Utf8JsonWriter(_buffer);
        }

        /// <summary>This thread's cached pair, taken out of the cache, or a new one.</summary>
        public static JsonRequestBody Rent()
        {
            JsonRequestBody? body = t_cached;
            if (body is null)
            {
                return new JsonRequestBody();
            }

            t_cached = null;
            return body;
        }

        /// <summary>Writes <paramref name="request"/> from the start of the buffer; the bytes stay valid until <see cref="Return"/>.</summary>
        public ArraySegment<byte> Write<TRequest>(TcbRequestWriter<TRequest> write, TRequest request)
        {
            _buffer.Clear();
            _writer.Reset();
            write(_writer, request);
            _writer.Flush();
            return _buffer.WrittenSegment;
        }

        /// <summary>Gives the pair back to the current thread's cache; the caller must not use it afterwards.</summary>
        public void Return()
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
