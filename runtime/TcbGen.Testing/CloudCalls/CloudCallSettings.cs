using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace TcbGen.Testing.CloudCalls
{
    /// <summary>
    /// The whitelist setCloudAccessToken keeps per env: a successful <c>action=set</c> stores it, <c>action=get</c> reads it
    /// back, and every cloud call is checked against its token's env. Thread-safe.
    /// </summary>
    internal sealed class CloudCallSettings
    {
        /// <summary>The spec whose calls change the settings.</summary>
        public const string EndpointName = "setCloudAccessToken";

        private readonly ConcurrentDictionary<string, CloudCallSetting> _byEnv = new ConcurrentDictionary<string, CloudCallSetting>(StringComparer.Ordinal);

        /// <summary>The env's setting; <see cref="CloudCallSetting.Default"/> for an env never set or a token without one.</summary>
        public CloudCallSetting For(string? env) => env != null && _byEnv.TryGetValue(env, out CloudCallSetting? setting) ? setting : CloudCallSetting.Default;

        public void Set(string env, CloudCallSetting setting) => _byEnv[env] = setting;

        public void Clear() => _byEnv.Clear();

        /// <summary>
        /// Applies a valid setCloudAccessToken request: <c>set</c> stores the setting and answers the documented
        /// <c>{"errcode":0,"errmsg":"ok","open":…}</c>; <c>get</c> answers the setting of an env that was set. Null otherwise (the spec's example answers).
        /// </summary>
        public string? Apply(string endpointName, JsonElement body)
        {
            if (endpointName != EndpointName || !body.TryGetProperty("env", out JsonElement envElement) || envElement.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string env = envElement.GetString()!;
            string? action = body.TryGetProperty("action", out JsonElement a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            if (action == "set")
            {
                bool open = body.GetProperty("open").GetBoolean();
                string[] whitelist = body.GetProperty("api_whitelist").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();
                int version = body.GetProperty("version").GetInt32();
                Set(env, new CloudCallSetting(open, whitelist, version));
                return Write(writer => writer.WriteBoolean("open", open));
            }

            // An env never set answers the spec's get example, as every endpoint answers its examples.
            if (action == "get" && _byEnv.TryGetValue(env, out CloudCallSetting? setting))
            {
                return Write(writer =>
                {
                    writer.WriteBoolean("open", setting.Open);
                    writer.WriteStartArray("api_whitelist");
                    foreach (string entry in setting.ApiWhitelist)
                    {
                        writer.WriteStringValue(entry);
                    }

                    writer.WriteEndArray();
                    writer.WriteNumber("version", setting.Version);
                });
            }

            return null;
        }

        private static string Write(Action<Utf8JsonWriter> fields)
        {
            using var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("errcode", 0);
                writer.WriteString("errmsg", "ok");
                fields(writer);
                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
