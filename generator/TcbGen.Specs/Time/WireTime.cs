using System;
using System.Globalization;

namespace TcbGen.Specs
{
    /// <summary>How a time field is written on the wire.</summary>
    internal enum TimeEncoding
    {
        /// <summary>Unix time in seconds, a JSON integer.</summary>
        UnixSeconds,

        /// <summary>Unix time in milliseconds, a JSON integer.</summary>
        UnixMilliseconds,

        /// <summary>WeChat's <c>"yyyy-MM-dd HH:mm:ss"</c> string, in China time (UTC+8).</summary>
        WeChatDateTime,
    }

    /// <summary>
    /// The wire forms of the time types, in one place: compiled into the spec module (the emulator's and the example
    /// checker's strict checks) and, as linked source, into TcbGen.Runtime (the generated code's tolerant reader and strict
    /// writer), so the format, the offset and the range cannot disagree between them.
    /// </summary>
    internal static class WireTime
    {
        /// <summary>WeChat's date-time pattern, always in China time.</summary>
        public const string DateTimePattern = "yyyy-MM-dd HH:mm:ss";

        /// <summary>China time: WeChat's strings carry no offset and mean UTC+8.</summary>
        public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

        // DateTimeOffset's own range, as unix seconds: 0001-01-01 to 9999-12-31T23:59:59 UTC.
        private const long MinSeconds = -62135596800L;
        private const long MaxSeconds = 253402300799L;

        /// <summary>A unix time as a <see cref="DateTimeOffset"/> in UTC; false when it is outside the range a DateTimeOffset holds.</summary>
        public static bool TryFromUnix(long number, TimeEncoding encoding, out DateTimeOffset value)
        {
            bool milliseconds = encoding == TimeEncoding.UnixMilliseconds;
            long min = milliseconds ? MinSeconds * 1000 : MinSeconds;
            long max = milliseconds ? (MaxSeconds * 1000) + 999 : MaxSeconds;
            if (number < min || number > max)
            {
                value = default;
                return false;
            }

            value = milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(number) : DateTimeOffset.FromUnixTimeSeconds(number);
            return true;
        }

        /// <summary>Exactly <c>yyyy-MM-dd HH:mm:ss</c>, read as China time.</summary>
        public static bool TryParseDateTime(string text, out DateTimeOffset value)
        {
            if (DateTime.TryParseExact(text, DateTimePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
            {
                value = new DateTimeOffset(local, ChinaOffset);
                return true;
            }

            value = default;
            return false;
        }

        /// <summary>The value as WeChat writes it: <c>yyyy-MM-dd HH:mm:ss</c> in China time, whatever its offset.</summary>
        public static string FormatDateTime(DateTimeOffset value) =>
            value.ToOffset(ChinaOffset).ToString(DateTimePattern, CultureInfo.InvariantCulture);

        /// <summary>The value as a unix time in <paramref name="encoding"/>'s unit (seconds or milliseconds).</summary>
        public static long ToUnix(DateTimeOffset value, TimeEncoding encoding) =>
            encoding == TimeEncoding.UnixMilliseconds ? value.ToUnixTimeMilliseconds() : value.ToUnixTimeSeconds();

        /// <summary>
        /// A unix time from its text (a JSON number's, or a string's content). Strictly, only an integer; tolerantly, as the
        /// response reader reads integers, also an integral float (<c>1557310488.0</c>) and surrounding white space.
        /// </summary>
        public static bool TryParseUnix(string text, TimeEncoding encoding, bool tolerant, out DateTimeOffset value)
        {
            string trimmed = tolerant ? text.Trim() : text;
            if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
            {
                return TryFromUnix(number, encoding, out value);
            }

            if (tolerant && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)
                && real == Math.Floor(real) && real >= long.MinValue && real < long.MaxValue)
            {
                return TryFromUnix((long)real, encoding, out value);
            }

            value = default;
            return false;
        }

        /// <summary>Whether wire text (a query value, or a JSON value's text) is the encoding's strict form.</summary>
#pragma warning disable CS8524 // Exhaustive over the named encodings: a new TimeEncoding must be handled here (CS8509).
        public static bool IsStrictText(string text, TimeEncoding encoding) => encoding switch
        {
            TimeEncoding.UnixSeconds or TimeEncoding.UnixMilliseconds => TryParseUnix(text, encoding, tolerant: false, out _),
            TimeEncoding.WeChatDateTime => TryParseDateTime(text, out _),
        };

        /// <summary>Whether a JSON value's wire time is a string (WeChat's date-time) rather than a number (a unix time).</summary>
        public static bool IsText(TimeEncoding encoding) => encoding switch
        {
            TimeEncoding.UnixSeconds or TimeEncoding.UnixMilliseconds => false,
            TimeEncoding.WeChatDateTime => true,
        };
#pragma warning restore CS8524
    }
}
