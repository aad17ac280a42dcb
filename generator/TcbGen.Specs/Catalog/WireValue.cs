using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    /// <summary>
    /// A JSON value as a field type's <see cref="WireForm"/> judges it, whoever parsed it: the spec module's
    /// <see cref="JsonNode"/> (examples) or the emulator's <c>JsonElement</c> (requests). <see cref="Text"/> is a string's
    /// content or a number's raw text, and null for every other kind.
    /// </summary>
    internal readonly struct WireValue
    {
        public WireValue(JsonNodeKind kind, string? text)
        {
            Kind = kind;
            Text = text;
        }

        public JsonNodeKind Kind { get; }

        public string? Text { get; }

        /// <summary>The value of a node of the spec module's JSON.</summary>
        public static WireValue Of(JsonNode node) => node switch
        {
            JsonString text => new WireValue(JsonNodeKind.String, text.Value),
            JsonNumber number => new WireValue(JsonNodeKind.Number, number.Raw),
            _ => new WireValue(node.Kind, null),
        };

        /// <summary>The text of a number, or (when <paramref name="tolerant"/>, as the response reader reads) of a string.</summary>
        public string? NumberText(bool tolerant) =>
            Kind == JsonNodeKind.Number || (tolerant && Kind == JsonNodeKind.String) ? Text : null;
    }
}
