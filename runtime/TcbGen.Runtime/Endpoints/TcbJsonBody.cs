using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A request body the caller supplies (<c>"requestBody": "caller-json"</c> in the spec): one JSON value, sent as given,
    /// such as the input of the cloud function invokeCloudFunction runs. Make one from your own type with
    /// <see cref="From{T}"/> (your <c>JsonSerializerContext</c>'s metadata: no reflection, trimming- and AOT-safe), or from
    /// JSON text with <see cref="Parse"/>. The bytes are made once, so a resend sends the same body.
    /// </summary>
    public sealed class TcbJsonBody
    {
        private readonly byte[] _utf8;

        private TcbJsonBody(byte[] utf8)
        {
            _utf8 = utf8;
        }

        /// <summary>The body <c>{}</c>.</summary>
        public static TcbJsonBody EmptyObject { get; } = new TcbJsonBody(new[] { (byte)'{', (byte)'}' });

        /// <summary>The body's length in UTF-8 bytes.</summary>
        public int Length => _utf8.Length;

        /// <summary>The body <paramref name="value"/> serializes to, with your type's metadata.</summary>
        /// <typeparam name="T">The value's type.</typeparam>
        /// <param name="value">The value, e.g. the function's event.</param>
        /// <param name="typeInfo">Its metadata, e.g. <c>MyJsonContext.Default.MyEvent</c>.</param>
        /// <returns>The body.</returns>
        public static TcbJsonBody From<T>(T value, JsonTypeInfo<T> typeInfo) =>
            new TcbJsonBody(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo ?? throw new ArgumentNullException(nameof(typeInfo))));

        /// <summary>The body <paramref name="json"/> holds: exactly one JSON value (an object, an array, a string, ...).</summary>
        /// <param name="json">The JSON text, e.g. <c>{"a":1}</c>.</param>
        /// <returns>The body.</returns>
        /// <exception cref="ArgumentException"><paramref name="json"/> is not exactly one JSON value.</exception>
        public static TcbJsonBody Parse(string json)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            // The text is not quoted: a body may hold the caller's secrets.
            return TcbJsonText.IsOneJsonValue(utf8)
                ? new TcbJsonBody(utf8)
                : throw new ArgumentException("The body must be exactly one JSON value.", nameof(json));
        }

        /// <summary>Writes the body as it is.</summary>
        /// <param name="writer">The request's writer, before anything is written.</param>
        internal void WriteTo(Utf8JsonWriter writer) => writer.WriteRawValue(_utf8, skipInputValidation: true);

        /// <summary>The body's size, never its content (it may hold secrets).</summary>
        /// <returns>A short description.</returns>
        public override string ToString() => "TcbJsonBody (" + _utf8.Length + " bytes)";
    }
}
