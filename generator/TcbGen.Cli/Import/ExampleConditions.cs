using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// Conditional requirements the request examples show where the page has no required flag. Two patterns WeChat's
    /// pages use: a type field whose value names the field that carries the payload (<c>"msgType": "event"</c> with a
    /// filled <c>event</c>, <c>"msgType": "image"</c> with an empty one), and a switch (<c>enable</c>) whose settings are
    /// only ever sent, filled, while it is on.
    /// </summary>
    internal static class ExampleConditions
    {
        private static readonly string[] SwitchNames = { "enable", "enabled", "open", "is_open", "switch" };

        /// <summary>The requiredWhen the examples support for <paramref name="field"/>, with the reason, or null.</summary>
        public static ((string Field, JsonNode Value) When, string Reason)? Infer(ImportedField field, IReadOnlyList<ImportedField> siblings, IReadOnlyList<JsonObject> examples)
        {
            List<JsonObject> filled = examples.Where(e => IsFilled(e, field.Name)).ToList();
            if (filled.Count == 0)
            {
                return null;
            }

            foreach (ImportedField discriminator in siblings.Where(s => s != field && s.Type.Kind == "string" && s.Type.Items == null))
            {
                bool namesField = filled.All(e => StringValue(e, discriminator.Name) == field.Name);
                bool contrast = examples.Any(e => !IsFilled(e, field.Name) && StringValue(e, discriminator.Name) is { } other && other != field.Name);
                if (namesField && contrast && (discriminator.Enum.Count == 0 || discriminator.Enum.Any(m => m.Value == field.Name)))
                {
                    return ((discriminator.Name, JsonValue.Create(field.Name)!),
                        $"the examples fill it exactly when '{discriminator.Name}' is \"{field.Name}\" and leave it empty otherwise");
                }
            }

            ImportedField? toggle = siblings.FirstOrDefault(s => s != field && s.Type.Kind == "boolean" && SwitchNames.Contains(s.Name, StringComparer.OrdinalIgnoreCase));
            if (toggle != null && filled.All(e => e[toggle.Name] is JsonValue on && on.GetValueKind() == JsonValueKind.True))
            {
                return ((toggle.Name, JsonValue.Create(true)), $"the examples send it only while '{toggle.Name}' is true, and a switched-off setting needs nothing else");
            }

            return null;
        }

        private static bool IsFilled(JsonObject example, string name)
            => example.TryGetPropertyValue(name, out JsonNode? value) && value switch
            {
                null => false,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length > 0,
                JsonArray a => a.Count > 0,
                _ => true,
            };

        private static string? StringValue(JsonObject example, string name)
            => example[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
    }
}
