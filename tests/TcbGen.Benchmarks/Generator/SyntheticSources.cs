using System.Globalization;
using System.Text;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// Synthetic inputs of the same shape for both generators. Spec <c>i</c> is setCallBackConfig with its own
    /// endpoint name and its own type names (nested objects, an array of objects, an integer enum, conditional
    /// requirements, 10 errcodes) plus a response with a nested object, a string enum and an array. The Refit side
    /// gets method <c>X{i}</c> with the hand-written equivalent request and response classes.
    /// </summary>
    internal static class SyntheticSources
    {
        public const string UnrelatedPath = "Unrelated.cs";

        public static string SpecFileName(int i) => "/specs/bench" + Id(i) + ".tcb.json";

        /// <summary>A spec shaped like setCallBackConfig; <paramref name="revision"/> changes one description (an edit).</summary>
        public static string Spec(int i, int revision = 0)
        {
            string id = Id(i);
            string p = "B" + id;
            var json = new StringBuilder(6000);
            json.Append(@"{
  ""$schema"": ""./schema/tcb-endpoint.schema.json"",
  ""name"": ""bench").Append(id).Append(@"Config"",
  ""title"": ""上传消息推送配置 (upload the message push configuration) #").Append(id).Append(@""",
  ""description"": ""Synthetic copy ").Append(id).Append(" of setCallBackConfig, revision ").Append(revision.ToString(CultureInfo.InvariantCulture)).Append(@". function_config and container_config are optional and an omitted one is left unchanged."",
  ""notes"": [""access_token is a URL query parameter, never a body field.""],
  ""permissionSets"": [49, 64],
  ""method"": ""POST"",
  ""path"": ""/tcb/x").Append(id).Append(@""",
  ""tokenKinds"": [""authorizer_access_token""],
  ""retrySafe"": true,
  ""request"": {
    ""fields"": [
      {
        ""name"": ""function_config"", ""type"": ""object"", ""typeName"": """).Append(p).Append(@"FunctionConfig"",
        ""description"": ""The cloud function push configuration; omitted means unchanged."",
        ""fields"": [
          { ""name"": ""enable"", ""type"": ""boolean"", ""description"": ""Whether pushing to cloud functions is on."", ""required"": true },
          {
            ""name"": ""callbacks"", ""type"": ""array"", ""description"": ""The configuration items."",
            ""items"": {
              ""type"": ""object"", ""typeName"": """).Append(p).Append(@"Rule"",
              ""fields"": [
                { ""name"": ""msgType"", ""type"": ""string"", ""description"": ""The message type, e.g. event or image."", ""required"": true },
                { ""name"": ""event"", ""type"": ""string"", ""description"": ""The event type. Required when msgType is event."", ""requiredWhen"": { ""field"": ""msgType"", ""equals"": ""event"" } },
                { ""name"": ""env"", ""type"": ""string"", ""description"": ""The environment id."", ""required"": true },
                { ""name"": ""functionName"", ""type"": ""string"", ""description"": ""The cloud function name."", ""required"": true },
                { ""name"": ""enable"", ""type"": ""boolean"", ""description"": ""Whether this item is on."", ""required"": true }
              ]
            }
          }
        ]
      },
      {
        ""name"": ""container_config"", ""type"": ""object"", ""typeName"": """).Append(p).Append(@"ContainerConfig"",
        ""description"": ""The cloud hosting (container) push configuration; omitted means unchanged."",
        ""fields"": [
          { ""name"": ""enable"", ""type"": ""boolean"", ""description"": ""Whether pushing to cloud hosting is on."", ""required"": true },
          { ""name"": ""qbase_env"", ""type"": ""string"", ""description"": ""The environment id."", ""requiredWhen"": { ""field"": ""enable"", ""equals"": true } },
          { ""name"": ""qbase_container_path"", ""type"": ""string"", ""description"": ""The path."", ""requiredWhen"": { ""field"": ""enable"", ""equals"": true } },
          {
            ""name"": ""text_mode"", ""type"": ""integer"", ""typeName"": """).Append(p).Append(@"TextMode"",
            ""description"": ""The text format of pushed messages."",
            ""requiredWhen"": { ""field"": ""enable"", ""equals"": true },
            ""enum"": [
              { ""value"": 1, ""name"": ""Json"", ""description"": ""JSON."" },
              { ""value"": 2, ""name"": ""Xml"", ""description"": ""XML."" }
            ]
          }
        ]
      }
    ]
  },
  ""response"": {
    ""fields"": [
      {
        ""name"": ""env_info"", ""type"": ""object"", ""typeName"": """).Append(p).Append(@"EnvInfo"", ""description"": ""The environment."",
        ""fields"": [
          { ""name"": ""env"", ""type"": ""string"", ""description"": ""The environment id."" },
          {
            ""name"": ""status"", ""type"": ""string"", ""typeName"": """).Append(p).Append(@"EnvStatus"", ""description"": ""The environment's state."",
            ""enum"": [
              { ""value"": ""NORMAL"", ""name"": ""Normal"" },
              { ""value"": ""UNAVAILABLE"", ""name"": ""Unavailable"" }
            ]
          },
          { ""name"": ""create_time"", ""type"": ""integer"", ""format"": ""int64"", ""description"": ""Unix time in seconds."" }
        ]
      },
      { ""name"": ""tags"", ""type"": ""array"", ""description"": ""Tags."", ""items"": { ""type"": ""string"" } }
    ]
  },
  ""errors"": [
    { ""code"": 0, ""name"": ""Ok"", ""message"": ""ok"", ""solution"": ""ok"" },
    { ""code"": -1, ""name"": ""SystemBusy"", ""message"": ""system error"", ""solution"": ""系统繁忙: the system is busy; wait and try again."" },
    { ""code"": -1000, ""name"": ""SystemError"", ""message"": ""system error"", ""solution"": ""系统错误 (system error)."" },
    { ""code"": 40014, ""name"": ""InvalidAccessToken"", ""message"": ""invalid access_token"", ""solution"": ""不合法的 access_token: check the access_token."" },
    { ""code"": 40101, ""name"": ""MissingParameter"", ""message"": ""missing parameter"", ""solution"": ""缺少必填参数: a required parameter is missing."" },
    { ""code"": 41001, ""name"": ""AccessTokenMissing"", ""message"": ""access_token missing"", ""solution"": ""缺少 access_token 参数."" },
    { ""code"": 42001, ""name"": ""AccessTokenExpired"", ""message"": ""access_token expired"", ""solution"": ""access_token 超时: obtain a new one."" },
    { ""code"": 43002, ""name"": ""RequirePostMethod"", ""message"": ""require POST method"", ""solution"": ""需要 POST 请求."" },
    { ""code"": 44002, ""name"": ""EmptyPostData"", ""message"": ""empty post data"", ""solution"": ""POST 的数据包为空."" },
    { ""code"": 47001, ""name"": ""BadPostData"", ""message"": ""data format error"", ""solution"": ""POST 数据格式错误."" }
  ],
  ""examples"": [
    {
      ""description"": ""HTTPS request"",
      ""request"": {
        ""function_config"": {
          ""enable"": false,
          ""callbacks"": [
            { ""msgType"": ""event"", ""event"": ""user_enter_tempsession"", ""env"": ""test-env"", ""functionName"": ""callback"", ""enable"": false }
          ]
        },
        ""container_config"": { ""enable"": true, ""qbase_env"": ""test-env"", ""qbase_container_path"": ""/container-echo"", ""text_mode"": 1 }
      },
      ""response"": { ""errcode"": 0, ""errmsg"": ""ok"" }
    }
  ]
}
");
            return json.ToString();
        }

        /// <summary>The user code a Refit user writes for endpoint <paramref name="i"/>: request/response classes and enums.</summary>
        public static string RefitTypes(int i)
        {
            string p = "B" + Id(i);
            return @"using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Bench.Refit
{
    public enum " + p + @"TextMode { Json = 1, Xml = 2 }

    public enum " + p + @"EnvStatus { Normal, Unavailable }

    public enum " + p + @"Error { Ok = 0, SystemBusy = -1, SystemError = -1000, InvalidAccessToken = 40014, MissingParameter = 40101, AccessTokenMissing = 41001, AccessTokenExpired = 42001, RequirePostMethod = 43002, EmptyPostData = 44002, BadPostData = 47001 }

    public sealed class " + p + @"Rule
    {
        [JsonPropertyName(""msgType"")] public string MsgType { get; set; } = """";
        [JsonPropertyName(""event"")] public string? Event { get; set; }
        [JsonPropertyName(""env"")] public string Env { get; set; } = """";
        [JsonPropertyName(""functionName"")] public string FunctionName { get; set; } = """";
        [JsonPropertyName(""enable"")] public bool Enable { get; set; }
    }

    public sealed class " + p + @"FunctionConfig
    {
        [JsonPropertyName(""enable"")] public bool Enable { get; set; }
        [JsonPropertyName(""callbacks"")] public List<" + p + @"Rule>? Callbacks { get; set; }
    }

    public sealed class " + p + @"ContainerConfig
    {
        [JsonPropertyName(""enable"")] public bool Enable { get; set; }
        [JsonPropertyName(""qbase_env"")] public string? QbaseEnv { get; set; }
        [JsonPropertyName(""qbase_container_path"")] public string? QbaseContainerPath { get; set; }
        [JsonPropertyName(""text_mode"")] public " + p + @"TextMode? TextMode { get; set; }
    }

    public sealed class Req" + Id(i) + @"
    {
        [JsonPropertyName(""function_config"")] public " + p + @"FunctionConfig? FunctionConfig { get; set; }
        [JsonPropertyName(""container_config"")] public " + p + @"ContainerConfig? ContainerConfig { get; set; }
    }

    public sealed class " + p + @"EnvInfo
    {
        [JsonPropertyName(""env"")] public string? Env { get; set; }
        [JsonPropertyName(""status"")] public " + p + @"EnvStatus? Status { get; set; }
        [JsonPropertyName(""create_time"")] public long? CreateTime { get; set; }
    }

    public sealed class Resp" + Id(i) + @"
    {
        [JsonPropertyName(""errcode"")] public int ErrCode { get; set; }
        [JsonPropertyName(""errmsg"")] public string? ErrMsg { get; set; }
        [JsonPropertyName(""env_info"")] public " + p + @"EnvInfo? EnvInfo { get; set; }
        [JsonPropertyName(""tags"")] public List<string>? Tags { get; set; }
    }
}
";
        }

        /// <summary>One Refit interface with <paramref name="count"/> methods; <paramref name="revision"/> changes method 0's path (an edit).</summary>
        public static string RefitInterface(int count, int revision = 0)
        {
            var code = new StringBuilder(count * 100 + 300);
            code.Append("using System.Threading.Tasks;\nusing Refit;\n\nnamespace Bench.Refit\n{\n    public interface IBenchApi\n    {\n");
            for (int i = 0; i < count; i++)
            {
                string id = Id(i);
                string path = i == 0 && revision != 0 ? "/tcb/x" + id + "v" + revision.ToString(CultureInfo.InvariantCulture) : "/tcb/x" + id;
                code.Append("        [Post(\"").Append(path).Append("\")] Task<Resp").Append(id).Append("> X").Append(id).Append("([Body] Req").Append(id).Append(" r);\n");
            }

            code.Append("    }\n}\n");
            return code.ToString();
        }

        /// <summary>A user file that has nothing to do with either generator; <paramref name="revision"/> is the edit.</summary>
        public static string Unrelated(int revision) =>
            "namespace Bench.User\n{\n    internal static class Unrelated\n    {\n        public const int Revision = " + revision.ToString(CultureInfo.InvariantCulture) + ";\n    }\n}\n";

        private static string Id(int i) => i.ToString("D4", CultureInfo.InvariantCulture);
    }
}
