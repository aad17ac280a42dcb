using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A string field that holds JSON text (<c>"format": "json"</c> in the spec), such as invokeCloudFunction's
    /// <c>resp_data</c>, the function's result. On the wire it is a JSON string; <see cref="Text"/> is its content.
    /// Read it as your own type with <see cref="Deserialize{T}"/> and a <see cref="JsonTypeInfo{T}"/> from your own
    /// <c>JsonSerializerContext</c> (no reflection, so it is trimming- and AOT-safe). A string converts to it implicitly.
    /// </summary>
    public readonly struct TcbJsonText : IEquatable<TcbJsonText>
    {
        private readonly string? _text;

        /// <summary>Holds <paramref name="text"/>, sent as given; a request's validator checks that it is one JSON value.</summary>
        /// <param name="text">The JSON text.</param>
        public TcbJsonText(string text)
        {
            _text = text ?? throw new ArgumentNullException(nameof(text));
        }

        /// <summary>The text, as WeChat sent it or as it will be sent; empty for <c>default</c>.</summary>
        public string Text => _text ?? string.Empty;

        /// <summary>Whether <see cref="Text"/> is exactly one JSON value (whitespace around it allowed).</summary>
        public bool IsJson => IsOneJsonValue(Text);

        /// <summary>Serializes <paramref name="value"/> into JSON text with your type's metadata.</summary>
        /// <typeparam name="T">The value's type.</typeparam>
        /// <param name="value">The value.</param>
        /// <param name="typeInfo">Its metadata, e.g. <c>MyJsonContext.Default.MyEvent</c>.</param>
        /// <returns>The JSON text.</returns>
        public static TcbJsonText Serialize<T>(T value, JsonTypeInfo<T> typeInfo) =>
            new TcbJsonText(JsonSerializer.Serialize(value, typeInfo ?? throw new ArgumentNullException(nameof(typeInfo))));

        /// <summary>Reads <see cref="Text"/> as <typeparamref name="T"/> with your type's metadata.</summary>
        /// <typeparam name="T">The type the text holds.</typeparam>
        /// <param name="typeInfo">Its metadata, e.g. <c>MyJsonContext.Default.MyResult</c>.</param>
        /// <returns>The value; <see langword="default"/> when the text is JSON <c>null</c>.</returns>
        /// <exception cref="JsonException">The text is not JSON, or not JSON of <typeparamref name="T"/>.</exception>
        public T? Deserialize<T>(JsonTypeInfo<T> typeInfo) =>
            JsonSerializer.Deserialize(Text, typeInfo ?? throw new ArgumentNullException(nameof(typeInfo)));

        /// <summary>Holds <paramref name="text"/>.</summary>
        /// <param name="text">The JSON text.</param>
        public static implicit operator TcbJsonText(string text) => new TcbJsonText(text);

        /// <summary>Compares by text.</summary>
        /// <param name="left">One value.</param>
        /// <param name="right">The other.</param>
        /// <returns>Whether the texts are equal.</returns>
        public static bool operator ==(TcbJsonText left, TcbJsonText right) => left.Equals(right);

        /// <summary>Compares by text.</summary>
        /// <param name="left">One value.</param>
        /// <param name="right">The other.</param>
        /// <returns>Whether the texts differ.</returns>
        public static bool operator !=(TcbJsonText left, TcbJsonText right) => !left.Equals(right);

        /// <inheritdoc />
        public bool Equals(TcbJsonText other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is TcbJsonText other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

        /// <summary>The text.</summary>
        /// <returns><see cref="Text"/>.</returns>
        public override string ToString() => Text;

        /// <summary>Whether <paramref name="text"/> is exactly one JSON value; a rented buffer, so checking allocates nothing.</summary>
        internal static bool IsOneJsonValue(string text)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            try
            {
                int length = Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, 0);
                return IsOneJsonValue(new ReadOnlySpan<byte>(buffer, 0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        /// <summary>Whether <paramref name="utf8"/> is exactly one JSON value.</summary>
        internal static bool IsOneJsonValue(ReadOnlySpan<byte> utf8)
        {
            var reader = new Utf8JsonReader(utf8);
            try
            {
                if (!reader.Read())
                {
                    return false;
                }

                reader.Skip();
                // Anything but whitespace after the value throws; the end of the input reads false.
                return !reader.Read();
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
