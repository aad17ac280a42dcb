using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Reads response values as WeChat really sends them, for generated readers: a number quoted as a string or written
    /// as <c>1.0</c>, a boolean as <c>0</c>/<c>1</c>, a number where a string was documented. A value that fits none of
    /// these, or an integer out of its field's range, is a <see cref="JsonException"/> (the call then fails with a
    /// <see cref="TcbProtocolException"/> whose <see cref="TcbProtocolException.ErrorCode"/> is 0).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class TcbWireReader
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
