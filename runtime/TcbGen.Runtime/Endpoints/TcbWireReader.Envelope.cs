using System;
using System.Text;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>The envelope fields every answer may carry, read so that an error is never lost to a malformed body.</summary>
    public static partial class TcbWireReader
    {
        /// <summary>Decodes text whose bytes are not all UTF-8, replacing each bad sequence with U+FFFD.</summary>
        private static readonly UTF8Encoding ReplacingUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

        /// <summary>
        /// An <c>errcode</c>, read as <see cref="Int32"/> reads, where the body may hold the key more than once: the first
        /// non-zero code read wins over any later one, so an error is never turned into success by a duplicate
        /// <c>"errcode":0</c>.
        /// </summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <param name="readBefore">The errcode read so far (0 when none).</param>
        /// <returns>The errcode.</returns>
        public static int ErrorCode(ref Utf8JsonReader reader, int readBefore)
        {
            int code = Int32(ref reader);
            return readBefore != 0 ? readBefore : code;
        }

        /// <summary>
        /// An <c>errmsg</c>: a string whose invalid UTF-8 bytes become U+FFFD (so the errcode beside it survives), a
        /// number or boolean as its JSON text, and <see langword="null"/> for an object or array (skipped).
        /// </summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The message.</returns>
        public static string? ErrorMessage(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    try
                    {
                        return reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return WithBadBytesReplaced(ref reader);
                    }

                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    reader.Skip();
                    return null;
                default:
                    return String(ref reader);
            }
        }

        /// <summary>
        /// The string the reader is on, whose bytes are not valid UTF-8: the raw bytes are decoded with replacement,
        /// re-encoded (now valid) and read again as a JSON string, so escapes are still unescaped. Only on this rare path.
        /// </summary>
        private static string WithBadBytesReplaced(ref Utf8JsonReader reader)
        {
            byte[] raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            byte[] repaired = Encoding.UTF8.GetBytes("\"" + ReplacingUtf8.GetString(raw) + "\"");
            var again = new Utf8JsonReader(repaired);
            try
            {
                again.Read();
                return again.GetString()!;
            }
            catch (Exception failure) when (failure is JsonException || failure is InvalidOperationException)
            {
                return ReplacingUtf8.GetString(raw);
            }
        }
    }
}
