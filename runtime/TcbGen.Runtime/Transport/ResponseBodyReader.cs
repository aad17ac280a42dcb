using System;
using System.Buffers;
using System.Collections.Generic;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Collects a response body in arrays rented from <see cref="ArrayPool{T}.Shared"/>, refusing bodies above a size
    /// limit. Small bodies live in one array that doubles (with a copy) up to <see cref="SegmentSize"/>; past that the
    /// body goes on in further arrays of that size, never copied again, and is read as a multi-segment
    /// <see cref="ReadOnlySequence{T}"/>. So a body costs about its own size whatever its length, and the pool never
    /// holds arrays larger than <see cref="SegmentSize"/> nor more than <see cref="PooledSegments"/> + 1 per body. A mutable struct, so the read loop in
    /// <see cref="TcbHttpTransport"/> needs no state machine or object of its own; <see cref="Dispose"/>
    /// returns the arrays.
    /// </summary>
    internal struct ResponseBodyReader : IDisposable
    {
        /// <summary>The largest array rented; also the size of every array after the first.</summary>
        internal const int SegmentSize = 1024 * 1024;

        /// <summary>How many segments after the first come from the pool; the rest are plain arrays the GC takes back, so a rare huge body does not stay held by the process-wide pool.</summary>
        internal const int PooledSegments = 8;

        private const int InitialSize = 4096;

        private readonly int _maxBytes;
        private byte[]? _head;
        private int _headLength;
        private List<byte[]>? _tail;
        private int _lastLength;
        private long _total;
        private bool _tooLarge;

        /// <summary>Creates the reader.</summary>
        /// <param name="maxBytes">The limit.</param>
        /// <param name="declaredLength">The Content-Length, if the server declared one: sizes the first array.</param>
        public ResponseBodyReader(int maxBytes, long? declaredLength = null)
        {
            _maxBytes = maxBytes;
            _head = ArrayPool<byte>.Shared.Rent(FirstArraySize(declaredLength));
            _headLength = 0;
            _tail = null;
            _lastLength = 0;
            _total = 0;
            _tooLarge = false;
        }

        /// <summary>The limit the reader was created with.</summary>
        public int MaxBytes => _maxBytes;

        /// <summary>
        /// The declared length and one byte more (so the end is seen without growing), up to <see cref="SegmentSize"/>;
        /// <see cref="InitialSize"/> when no length was declared. A 27-byte <c>{"errcode":0,"errmsg":"ok"}</c> so takes a
        /// 32-byte array, not 4 KB: under many concurrent calls the pool's small buckets run dry later, and a miss costs little.
        /// </summary>
        private static int FirstArraySize(long? declaredLength)
            => declaredLength is long length && length >= 0 ? (int)Math.Min(length + 1, SegmentSize) : InitialSize;

        /// <summary>Whether the body is larger than the limit; set by <see cref="Advance"/> or <see cref="MarkTooLarge"/>.</summary>
        public bool IsTooLarge => _tooLarge;

        /// <summary>The body read so far; one segment unless it grew past <see cref="SegmentSize"/>.</summary>
        public ReadOnlySequence<byte> Body
        {
            get
            {
                if (_head is null)
                {
                    return ReadOnlySequence<byte>.Empty;
                }

                if (_tail is null)
                {
                    return new ReadOnlySequence<byte>(_head, 0, _headLength);
                }

                var first = new BodySegment(new ReadOnlyMemory<byte>(_head, 0, _headLength));
                BodySegment last = first;
                for (int i = 0; i < _tail.Count; i++)
                {
                    last = last.Append(new ReadOnlyMemory<byte>(_tail[i], 0, i == _tail.Count - 1 ? _lastLength : _tail[i].Length));
                }

                return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
            }
        }

        /// <summary>Free space to read into: the rest of the current array, a twice larger first array, or a new segment.</summary>
        public ArraySegment<byte> GetFree()
        {
            byte[] head = _head!;
            if (_tail is null)
            {
                if (_headLength < head.Length)
                {
                    return new ArraySegment<byte>(head, _headLength, head.Length - _headLength);
                }

                if (head.Length < SegmentSize)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(head.Length * 2, SegmentSize));
                    Buffer.BlockCopy(head, 0, larger, 0, _headLength);
                    ArrayPool<byte>.Shared.Return(head);
                    _head = larger;
                    return new ArraySegment<byte>(larger, _headLength, larger.Length - _headLength);
                }

                _tail = new List<byte[]>();
            }
            else if (_lastLength < _tail[_tail.Count - 1].Length)
            {
                byte[] current = _tail[_tail.Count - 1];
                return new ArraySegment<byte>(current, _lastLength, current.Length - _lastLength);
            }

            byte[] segment = _tail.Count < PooledSegments ? ArrayPool<byte>.Shared.Rent(SegmentSize) : new byte[SegmentSize];
            _tail.Add(segment);
            _lastLength = 0;
            return new ArraySegment<byte>(segment, 0, segment.Length);
        }

        /// <summary>Records <paramref name="read"/> bytes read into <see cref="GetFree"/>; false when the reading is over (end or too large).</summary>
        public bool Advance(int read)
        {
            if (_tail is null)
            {
                _headLength += read;
            }
            else
            {
                _lastLength += read;
            }

            _total += read;
            _tooLarge = _total > _maxBytes;
            return read > 0 && !_tooLarge;
        }

        /// <summary>Refuses the body unread, e.g. when its declared length is above the limit.</summary>
        public void MarkTooLarge() => _tooLarge = true;

        public void Dispose()
        {
            byte[]? head = _head;
            List<byte[]>? tail = _tail;
            _head = null;
            _tail = null;
            _headLength = 0;
            _total = 0;
            if (head != null)
            {
                ArrayPool<byte>.Shared.Return(head);
            }

            if (tail != null)
            {
                for (int i = 0; i < tail.Count && i < PooledSegments; i++)
                {
                    ArrayPool<byte>.Shared.Return(tail[i]);
                }
            }
        }

        private sealed class BodySegment : ReadOnlySequenceSegment<byte>
        {
            public BodySegment(ReadOnlyMemory<byte> memory)
            {
                Memory = memory;
            }

            public BodySegment Append(ReadOnlyMemory<byte> memory)
            {
                var next = new BodySegment(memory) { RunningIndex = RunningIndex + Memory.Length };
                Next = next;
                return next;
            }
        }
    }
}
