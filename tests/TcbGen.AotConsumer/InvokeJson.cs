using System.Text.Json.Serialization;

namespace TcbGen.AotConsumer
{
    /// <summary>A cloud function's event: the app's own type.</summary>
    internal sealed class LoginEvent
    {
        public string? Code { get; set; }
    }

    /// <summary>What the function returns (the emulator answers the spec's example).</summary>
    internal sealed class LoginResult
    {
        [JsonPropertyName("appid")]
        public string? AppId { get; set; }
    }

    /// <summary>The app's own serializer context: the typed invokeCloudFunction call serializes only through it, so no reflection.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(LoginEvent))]
    [JsonSerializable(typeof(LoginResult))]
    internal sealed partial class InvokeJson : JsonSerializerContext
    {
    }
}
