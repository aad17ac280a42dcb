using System.Text.Json.Serialization;

namespace TcbGen.Sample
{
    /// <summary>What the sample's cloud function receives: its event, the app's own type.</summary>
    internal sealed class MessageEvent
    {
        public string? Text { get; set; }
    }

    /// <summary>What the function returns (the emulator answers the spec's example: the event it saw and the caller's appid).</summary>
    internal sealed class MessageResult
    {
        [JsonPropertyName("appid")]
        public string? AppId { get; set; }
    }

    /// <summary>
    /// The app's own serializer context: the typed invokeCloudFunction call serializes the event and reads the result
    /// only through it, with no reflection, so it stays trimming- and AOT-safe.
    /// </summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(MessageEvent))]
    [JsonSerializable(typeof(MessageResult))]
    internal sealed partial class FunctionJson : JsonSerializerContext
    {
    }
}
