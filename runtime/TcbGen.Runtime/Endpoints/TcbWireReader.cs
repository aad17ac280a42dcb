using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TcbGen.Specs;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Reads response values as WeChat really sends them, for generated readers: a number quoted as a string or written
    /// as <c>1.0</c>, a boolean as <c>0</c>/<c>1</c>, a number where a string was documented. A value that fits none of
    /// these, or an integer out of its field's range, is a <see cref="JsonException"/> (the call then fails with a
    /// <see cref="TcbProtocolException"/> whose <see cref="TcbProtocolException.ErrorCode"/> is 0).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class TcbWireReader
    {
        // The largest doubles that still convert to a long: 2^63 itself does not.
        private const double MinInt64AsDouble = -9223372036854775808.0;
        private const double Int64LimitAsDouble = 9223372036854775808.0;

        /// <summary>A string; a number or boolean is read as its JSON text.</summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static string String(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString()!;
                case JsonTokenType.Number:
                    return RawText(ref reader);
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                default:
                    throw Unexpected("a string", ref reader);
            }
        }

        /// <summary>A string holding JSON text, read as <see cref="String"/> reads; whether it is JSON is the caller's to find out.</summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static TcbJsonText JsonText(ref Utf8JsonReader reader) => new TcbJsonText(String(ref reader));

        /// <summary><c>true</c>/<c>false</c>, <c>0</c>/<c>1</c>, or one of these quoted.</summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static bool Boolean(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Number when reader.TryGetInt32(out int number) && (number == 0 || number == 1):
                    return number == 1;
                case JsonTokenType.String:
                    string? text = reader.GetString();
                    if (text == "1" || text == "true")
                    {
                        return true;
                    }

                    if (text == "0" || text == "false")
                    {
                        return false;
                    }

                    break;
            }

            throw Unexpected("true, false, 0 or 1", ref reader);
        }

        /// <summary>A 32-bit integer: a JSON integer, an integral float (<c>1.0</c>) or either quoted.</summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static int Int32(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value))
            {
                return value;
            }

            long wide = Int64(ref reader);
            if (wide < int.MinValue || wide > int.MaxValue)
            {
                throw new JsonException("An integer beyond the 32-bit range was sent for a 32-bit field.");
            }

            return (int)wide;
        }

        /// <summary>A 64-bit integer: a JSON integer, an integral float (<c>1557310488.0</c>) or either quoted.</summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static long Int64(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                if (reader.TryGetInt64(out long value))
                {
                    return value;
                }

                if (reader.TryGetDouble(out double number) && TryIntegral(number, out value))
                {
                    return value;
                }
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                string text = reader.GetString()!.Trim();
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed))
                {
                    return parsed;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && TryIntegral(number, out parsed))
                {
                    return parsed;
                }
            }

            throw Unexpected("an integer", ref reader);
        }

        /// <summary>A number, or a number quoted.</summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static double Double(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return reader.GetDouble();
            }

            if (reader.TokenType == JsonTokenType.String
                && double.TryParse(reader.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                return number;
            }

            throw Unexpected("a number", ref reader);
        }

        /// <summary>
        /// A unix time in seconds: read as an integer is (also quoted or as an integral float); anything else, or a time
        /// out of range, leaves <see cref="TcbTime.Value"/> unset with the text in <see cref="TcbTime.Raw"/>. Never throws.
        /// </summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static TcbTime UnixSeconds(ref Utf8JsonReader reader) => Unix(ref reader, TimeEncoding.UnixSeconds);

        /// <summary>A unix time in milliseconds, read as <see cref="UnixSeconds"/> is.</summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static TcbTime UnixMilliseconds(ref Utf8JsonReader reader) => Unix(ref reader, TimeEncoding.UnixMilliseconds);

        /// <summary>
        /// WeChat's <c>yyyy-MM-dd HH:mm:ss</c> in China time (UTC+8). Any other value (a number, another layout) leaves
        /// <see cref="TcbTime.Value"/> unset with the text in <see cref="TcbTime.Raw"/>. Never throws.
        /// </summary>
        /// <param name="reader">The reader, on the value.</param>
        /// <returns>The value.</returns>
        public static TcbTime WeChatDateTime(ref Utf8JsonReader reader)
        {
            string? raw = TimeText(ref reader);
            return TcbTime.FromWire(reader.TokenType == JsonTokenType.String && WireTime.TryParseDateTime(raw!, out DateTimeOffset value) ? value : (DateTimeOffset?)null, raw);
        }

        private static TcbTime Unix(ref Utf8JsonReader reader, TimeEncoding encoding)
        {
            string? raw = TimeText(ref reader);
            bool scalar = reader.TokenType is JsonTokenType.Number or JsonTokenType.String;
            return TcbTime.FromWire(scalar && WireTime.TryParseUnix(raw!, encoding, tolerant: true, out DateTimeOffset value) ? value : (DateTimeOffset?)null, raw);
        }

        /// <summary>A time's text: a string's content or a scalar's JSON text; an object or array is skipped and has none.</summary>
        private static string? TimeText(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    reader.Skip();
                    return null;
                case JsonTokenType.String:
                    return reader.GetString();
                default:
                    return RawText(ref reader);
            }
        }

        private static bool TryIntegral(double number, out long value)
        {
            if (number >= MinInt64AsDouble && number < Int64LimitAsDouble && Math.Floor(number) == number)
            {
                value = (long)number;
                return true;
            }

            value = 0;
            return false;
        }

        private static string RawText(ref Utf8JsonReader reader) =>
            Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());

        // The value itself stays out of the message: it may be a secret. The exception's body excerpt is redacted.
        private static JsonException Unexpected(string expected, ref Utf8JsonReader reader) =>
            new JsonException("Expected " + expected + ", found a JSON " + reader.TokenType + " that is not one.");
    }
}
