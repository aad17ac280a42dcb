using System;
using System.Globalization;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A time field (<c>unix-seconds</c>, <c>unix-milliseconds</c> or <c>wechat-datetime</c> in the spec): the
    /// <see cref="DateTimeOffset"/> it holds, and, when read from a response, the text WeChat sent. A value the reader
    /// cannot read as a time never fails the call: <see cref="Value"/> is then <see langword="null"/> and
    /// <see cref="Raw"/> keeps the text. A <see cref="DateTimeOffset"/> converts to it implicitly, so a request sets
    /// <c>ExpiredTime = DateTimeOffset.UtcNow.AddHours(1)</c>.
    /// </summary>
    public readonly struct TcbTime : IEquatable<TcbTime>
    {
        private TcbTime(DateTimeOffset? value, string? raw)
        {
            Value = value;
            Raw = raw;
        }

        /// <summary>Creates a time holding <paramref name="value"/>; it is sent in the field's own format.</summary>
        /// <param name="value">The time; its offset does not matter.</param>
        public TcbTime(DateTimeOffset value)
            : this(value, null)
        {
        }

        /// <summary>The time, or <see langword="null"/> when the response held something that is not one (see <see cref="Raw"/>).</summary>
        public DateTimeOffset? Value { get; }

        /// <summary>
        /// The text WeChat sent (a JSON number's text, or a string's content), kept whether or not it read as a time;
        /// <see langword="null"/> for a time created in code.
        /// </summary>
        public string? Raw { get; }

        /// <summary>Whether <see cref="Value"/> holds a time.</summary>
        public bool HasValue => Value.HasValue;

        /// <summary>A time holding <paramref name="value"/>.</summary>
        /// <param name="value">The time.</param>
        public static implicit operator TcbTime(DateTimeOffset value) => new TcbTime(value);

        /// <summary>Whether two times hold the same instant and the same raw text.</summary>
        public static bool operator ==(TcbTime left, TcbTime right) => left.Equals(right);

        /// <summary>Whether two times differ in instant or raw text.</summary>
        public static bool operator !=(TcbTime left, TcbTime right) => !left.Equals(right);

        /// <summary>A time read from the wire: <paramref name="value"/> when it read, and the text it was read from.</summary>
        internal static TcbTime FromWire(DateTimeOffset? value, string? raw) => new TcbTime(value, raw);

        /// <inheritdoc/>
        public bool Equals(TcbTime other) => Nullable.Equals(Value, other.Value) && string.Equals(Raw, other.Raw, StringComparison.Ordinal);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is TcbTime other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => (Value?.GetHashCode() ?? 0) ^ (Raw?.GetHashCode() ?? 0);

        /// <summary>The time in ISO 8601 (round-trip) form, or the raw text when it did not read as a time.</summary>
        /// <returns>The text.</returns>
        public override string ToString() => Value?.ToString("O", CultureInfo.InvariantCulture) ?? Raw ?? string.Empty;
    }
}
