using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using TcbGen.Specs;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Writes the time types (and JSON text) into requests, for generated writers: strictly, in the field's own format (unix time as a
    /// JSON integer; WeChat's date-time as <c>yyyy-MM-dd HH:mm:ss</c> in China time, whatever the value's offset).
    /// A <see cref="TcbTime"/> without a value is rejected by the generated validator before anything is written.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class TcbWireWriter
    {
        /// <summary>Writes a string holding JSON text, as it is.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="value">The value.</param>
        public static void JsonText(Utf8JsonWriter writer, TcbJsonText value) => writer.WriteStringValue(value.Text);

        /// <summary>Writes unix seconds.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="value">The time.</param>
        public static void UnixSeconds(Utf8JsonWriter writer, TcbTime value) => writer.WriteNumberValue(WireTime.ToUnix(Require(value), TimeEncoding.UnixSeconds));

        /// <summary>Writes unix milliseconds.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="value">The time.</param>
        public static void UnixMilliseconds(Utf8JsonWriter writer, TcbTime value) => writer.WriteNumberValue(WireTime.ToUnix(Require(value), TimeEncoding.UnixMilliseconds));

        /// <summary>Writes <c>yyyy-MM-dd HH:mm:ss</c> in China time (UTC+8).</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="value">The time.</param>
        public static void WeChatDateTime(Utf8JsonWriter writer, TcbTime value) => writer.WriteStringValue(WireTime.FormatDateTime(Require(value)));

        /// <summary>Unix seconds as query text.</summary>
        /// <param name="value">The time.</param>
        /// <returns>The text.</returns>
        public static string UnixSecondsText(TcbTime value) => WireTime.ToUnix(Require(value), TimeEncoding.UnixSeconds).ToString(CultureInfo.InvariantCulture);

        /// <summary>Unix milliseconds as query text.</summary>
        /// <param name="value">The time.</param>
        /// <returns>The text.</returns>
        public static string UnixMillisecondsText(TcbTime value) => WireTime.ToUnix(Require(value), TimeEncoding.UnixMilliseconds).ToString(CultureInfo.InvariantCulture);

        /// <summary><c>yyyy-MM-dd HH:mm:ss</c> in China time, as query text.</summary>
        /// <param name="value">The time.</param>
        /// <returns>The text.</returns>
        public static string WeChatDateTimeText(TcbTime value) => WireTime.FormatDateTime(Require(value));

        // The raw text stays out of the message: whatever it holds, it came from a response.
        private static DateTimeOffset Require(TcbTime value) =>
            value.Value ?? throw new ArgumentException("A time read from a response that held no time cannot be sent.", nameof(value));
    }
}
