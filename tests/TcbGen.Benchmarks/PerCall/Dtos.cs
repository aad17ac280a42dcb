using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TcbGen.Benchmarks.PerCall
{
    // Hand-written equivalents of the generated setCallBackConfig types, as a Refit or HttpClient user writes them.
    // Shared by the Refit client (reflection-based System.Text.Json) and the hand-written client (source-generated context).

    public sealed class SetCallBackConfigRequestDto
    {
        [JsonPropertyName("function_config")]
        public CallbackFunctionConfigDto? FunctionConfig { get; set; }

        [JsonPropertyName("container_config")]
        public CallbackContainerConfigDto? ContainerConfig { get; set; }
    }

    public sealed class CallbackFunctionConfigDto
    {
        [JsonPropertyName("enable")]
        public bool Enable { get; set; }

        [JsonPropertyName("callbacks")]
        public List<CallbackRuleDto>? Callbacks { get; set; }
    }

    public sealed class CallbackRuleDto
    {
        [JsonPropertyName("msgType")]
        public string MsgType { get; set; } = string.Empty;

        [JsonPropertyName("event")]
        public string? Event { get; set; }

        [JsonPropertyName("env")]
        public string Env { get; set; } = string.Empty;

        [JsonPropertyName("functionName")]
        public string FunctionName { get; set; } = string.Empty;

        [JsonPropertyName("enable")]
        public bool Enable { get; set; }
    }

    public sealed class CallbackContainerConfigDto
    {
        [JsonPropertyName("enable")]
        public bool Enable { get; set; }

        [JsonPropertyName("qbase_env")]
        public string? QbaseEnv { get; set; }

        [JsonPropertyName("qbase_container_path")]
        public string? QbaseContainerPath { get; set; }

        [JsonPropertyName("text_mode")]
        public CallbackTextModeDto? TextMode { get; set; }
    }

    public enum CallbackTextModeDto
    {
        Json = 1,
        Xml = 2,
    }

    public sealed class SetCallBackConfigResponseDto
    {
        [JsonPropertyName("errcode")]
        public int ErrCode { get; set; }

        [JsonPropertyName("errmsg")]
        public string? ErrMsg { get; set; }
    }

    /// <summary>The System.Text.Json source-generated metadata the hand-written client uses.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(SetCallBackConfigRequestDto))]
    [JsonSerializable(typeof(SetCallBackConfigResponseDto))]
    internal sealed partial class HandWrittenJsonContext : JsonSerializerContext
    {
    }
}
