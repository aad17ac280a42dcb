using System;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace TcbGen.Generator.Emit
{
    /// <summary>
    /// A generated file held as UTF-8 bytes instead of a UTF-16 string: about one byte per character rather than two.
    /// Made only by <see cref="SourceWriter.ToSourceText"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The driver keeps every generated text for as long as the compilation lives, which in an IDE is the whole session.
    /// At a thousand specs the text is about 38 million characters: 76 MB as strings, under 40 MB as UTF-8, since
    /// generated code is ASCII apart from a spec's own text (Chinese titles, descriptions).
    /// </para>
    /// <para>
    /// Roslyn reads a text through <see cref="Length"/>, the indexer and <see cref="CopyTo"/>, mostly in sequential
    /// chunks (the lexer's window, line starts, checksums); the base class builds everything else on those. An all-ASCII
    /// text maps positions to bytes one to one. Otherwise the byte offset of every <see cref="CheckpointInterval"/>-th
    /// character is recorded on first use, so a read decodes at most that many characters before its start. Encoding and
    /// checksum algorithm are those <c>AddSource(string, string)</c> uses.
    /// </para>
    /// </remarks>
    internal sealed class Utf8SourceText : SourceText
    {
        /// <summary>Characters between two recorded byte offsets of a non-ASCII text.</summary>
        internal const int CheckpointInterval = 256;

        /// <summary>Throws on a lone surrogate instead of silently replacing it, so no text is ever changed by holding it.</summary>
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly byte[] _utf8;
        private readonly int _length;

        /// <summary>For checkpoint k: the byte offset and character index of the code point holding character k × interval.</summary>
        private Checkpoint[]? _checkpoints;

        /// <summary>The checksum algorithm of the string text <c>AddSource(string, string)</c> makes, whatever the Roslyn version.</summary>
        private static readonly SourceHashAlgorithm StringTextChecksumAlgorithm = SourceText.From(string.Empty, Encoding.UTF8).ChecksumAlgorithm;

        private Utf8SourceText(byte[] utf8, int length)
            : base(checksumAlgorithm: StringTextChecksumAlgorithm)
        {
            _utf8 = utf8;
            _length = length;
        }

        /// <inheritdoc />
        public override Encoding Encoding => Encoding.UTF8;

        /// <inheritdoc />
        public override int Length => _length;

        private bool IsAscii => _utf8.Length == _length;

        /// <inheritdoc />
        public override char this[int position]
        {
            get
            {
                if ((uint)position >= (uint)_length)
                {
                    throw new ArgumentOutOfRangeException(nameof(position));
                }

                if (IsAscii)
                {
                    return (char)_utf8[position];
                }

                int offset = Seek(position, out char pendingLow);
                if (pendingLow != '\0')
                {
                    return pendingLow;
                }

                ReadCodePoint(offset, out char high, out _);
                return high;
            }
        }

        /// <summary>The text a writer built, as UTF-8; a text UTF-8 cannot hold as is (a lone surrogate) stays a string text.</summary>
        public static SourceText From(StringBuilder builder) => From(builder, new char[Math.Min(1024, Math.Max(builder.Length, 2))]);

        /// <summary>
        /// <see cref="From(StringBuilder)"/>, copying the text through <paramref name="chunk"/> (at least two characters),
        /// a piece at a time: it is counted, then encoded into an array of exactly that size, with no copy of the whole text.
        /// </summary>
        public static SourceText From(StringBuilder builder, char[] chunk)
        {
            int length = builder.Length;
            try
            {
                int byteCount = 0;
                for (int start = 0; start < length;)
                {
                    int count = CopyChunk(builder, start, chunk);
                    byteCount += StrictUtf8.GetByteCount(chunk, 0, count);
                    start += count;
                }

                var utf8 = new byte[byteCount];
                int written = 0;
                for (int start = 0; start < length;)
                {
                    int count = CopyChunk(builder, start, chunk);
                    written += StrictUtf8.GetBytes(chunk, 0, count, utf8, written);
                    start += count;
                }

                return new Utf8SourceText(utf8, length);
            }
            catch (EncoderFallbackException)
            {
                return SourceText.From(builder.ToString(), Encoding.UTF8);
            }
        }

        /// <summary>Copies the next chunk from <paramref name="start"/>; it never ends between the halves of a surrogate pair.</summary>
        private static int CopyChunk(StringBuilder builder, int start, char[] chunk)
        {
            int count = Math.Min(chunk.Length, builder.Length - start);
            builder.CopyTo(start, chunk, 0, count);
            if (count > 1 && start + count < builder.Length && char.IsHighSurrogate(chunk[count - 1]))
            {
                count--;
            }

            return count;
        }

        /// <inheritdoc />
        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            if (destinationIndex < 0 || destinationIndex > destination.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(destinationIndex));
            }

            if (IsAscii)
            {
                // ASCII bytes are their characters; on .NET this is a vectorized widening.
                Encoding.UTF8.GetChars(_utf8, sourceIndex, count, destination, destinationIndex);
                return;
            }

            Decode(sourceIndex, destination, destinationIndex, count);
        }

        private void Decode(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            int offset = Seek(sourceIndex, out char pendingLow);
            int end = destinationIndex + count;
            int at = destinationIndex;
            if (pendingLow != '\0' && at < end)
            {
                destination[at++] = pendingLow;
            }

            while (at < end)
            {
                byte b = _utf8[offset];
                if (b < 0x80)
                {
                    destination[at++] = (char)b;
                    offset++;
                    continue;
                }

                offset += ReadCodePoint(offset, out char high, out char low);
                destination[at++] = high;
                if (low != '\0' && at < end)
                {
                    destination[at++] = low;
                }
            }
        }

        /// <summary>
        /// The byte offset of the code point that starts at character <paramref name="index"/>; when that character is
        /// the low half of a surrogate pair, the offset after the pair, with the half in <paramref name="pendingLow"/>.
        /// </summary>
        private int Seek(int index, out char pendingLow)
        {
            Checkpoint checkpoint = (_checkpoints ?? RecordCheckpoints())[index / CheckpointInterval];
            int offset = checkpoint.ByteOffset;
            int at = checkpoint.CharIndex;
            pendingLow = '\0';
            while (at < index)
            {
                offset += ReadCodePoint(offset, out _, out char low);
                at += low == '\0' ? 1 : 2;
                if (at > index)
                {
                    pendingLow = low;
                }
            }

            return offset;
        }

        /// <summary>Decodes the code point at <paramref name="offset"/> (well-formed: it was encoded strictly) and returns its byte count.</summary>
        private int ReadCodePoint(int offset, out char high, out char low)
        {
            byte b = _utf8[offset];
            low = '\0';
            if (b < 0x80)
            {
                high = (char)b;
                return 1;
            }

            if (b < 0xE0)
            {
                high = (char)(((b & 0x1F) << 6) | (_utf8[offset + 1] & 0x3F));
                return 2;
            }

            if (b < 0xF0)
            {
                high = (char)(((b & 0x0F) << 12) | ((_utf8[offset + 1] & 0x3F) << 6) | (_utf8[offset + 2] & 0x3F));
                return 3;
            }

            int codePoint = ((b & 0x07) << 18) | ((_utf8[offset + 1] & 0x3F) << 12) | ((_utf8[offset + 2] & 0x3F) << 6) | (_utf8[offset + 3] & 0x3F);
            codePoint -= 0x10000;
            high = (char)(0xD800 + (codePoint >> 10));
            low = (char)(0xDC00 + (codePoint & 0x3FF));
            return 4;
        }

        private Checkpoint[] RecordCheckpoints()
        {
            var checkpoints = new Checkpoint[(_length / CheckpointInterval) + 1];
            int next = 0;
            int offset = 0;
            int index = 0;
            while (index < _length)
            {
                int size = ReadCodePoint(offset, out _, out char low);
                int end = index + (low == '\0' ? 1 : 2);

                // The code point holding character next × interval starts here (the character may be its low half).
                if (next * CheckpointInterval < end)
                {
                    checkpoints[next++] = new Checkpoint(offset, index);
                }

                offset += size;
                index = end;
            }

            if (next < checkpoints.Length)
            {
                checkpoints[next] = new Checkpoint(offset, index);
            }

            // Racing threads compute the same table; either copy may win.
            Interlocked.CompareExchange(ref _checkpoints, checkpoints, null);
            return _checkpoints!;
        }

        private readonly struct Checkpoint
        {
            public Checkpoint(int byteOffset, int charIndex)
            {
                ByteOffset = byteOffset;
                CharIndex = charIndex;
            }

            public int ByteOffset { get; }

            public int CharIndex { get; }
        }
    }
}
