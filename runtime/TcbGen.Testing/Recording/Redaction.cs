using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TcbGen.Specs;
using TcbGen.Testing.Responses;

namespace TcbGen.Testing.Recording
{
    /// <summary>Removes credentials from what is recorded.</summary>
    internal static class Redaction
    {
        private const string Mask = "***";

        // Every token kind's URL parameter, and the token endpoint's own component_access_token parameter.
        private static readonly string[] SecretQueryParameters = TokenKinds.Known.Select(k => k.UrlParameter).Append(TokenKinds.Component).Distinct().ToArray();

        /// <summary><c>?access_token=abc&amp;x=1</c> becomes <c>?access_token=***&amp;x=1</c>; so do the spec's secret query fields.</summary>
        public static string Query(string? query, IReadOnlyCollection<string>? secretFields = null)
            => Query(query, name => SecretQueryParameters.Contains(name, StringComparer.OrdinalIgnoreCase) || (secretFields != null && secretFields.Contains(name, StringComparer.Ordinal)));

        /// <summary>
        /// The query of a request to a path no spec or handler describes: every parameter whose name says it is a secret
        /// (<see cref="SecretNames"/>: <c>secret=</c>, <c>*_ticket=</c>, every token parameter) is masked.
        /// </summary>
        public static string UnknownPathQuery(string? query) => Query(query, SecretNames.IsSecretName);

        private static string Query(string? query, Func<string, bool> isSecret)
        {
            if (string.IsNullOrEmpty(query))
            {
                return string.Empty;
            }

            string[] pairs = query.TrimStart('?').Split('&');
            for (int i = 0; i < pairs.Length; i++)
            {
                int equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
                string name = Uri.UnescapeDataString(equals < 0 ? pairs[i] : pairs[i].Substring(0, equals));
                if (isSecret(name))
                {
                    pairs[i] = (equals < 0 ? pairs[i] : pairs[i].Substring(0, equals)) + "=" + Mask;
                }
            }

            return "?" + string.Join("&", pairs);
        }

        /// <summary>
        /// The body of a request to a path no spec or handler describes: the value of every field whose name says it is a secret is
        /// masked, at any depth. A body that is not a JSON object is not recorded at all.
        /// </summary>
        public static string UnknownPathBody(string body) => Body(body, SecretNames.IsSecretName);

        /// <summary>
        /// A body with the value of every field named in <paramref name="secretFields"/> masked, at any depth (a spec's
        /// <c>"secret"</c> fields). A body that is not a JSON object is not recorded at all.
        /// </summary>
        public static string Body(string body, IReadOnlyCollection<string> secretFields) => Body(body, name => secretFields.Contains(name, StringComparer.Ordinal));

        private static string Body(string body, Func<string, bool> isSecret)
        {
            if (body.Length == 0)
            {
                return body;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return "(withheld: not a JSON object)";
                }

                return Answer.Object(writer => WriteMaskedProperties(writer, document.RootElement, isSecret));
            }
            catch (JsonException)
            {
                return "(withheld: not valid JSON)";
            }
        }

        private static void WriteMaskedProperties(Utf8JsonWriter writer, JsonElement json, Func<string, bool> isSecret)
        {
            foreach (JsonProperty property in json.EnumerateObject())
            {
                writer.WritePropertyName(property.Name);
                if (isSecret(property.Name) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    writer.WriteStringValue(Mask);
                }
                else
                {
                    WriteMasked(writer, property.Value, isSecret);
                }
            }
        }

        private static void WriteMasked(Utf8JsonWriter writer, JsonElement value, Func<string, bool> isSecret)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    WriteMaskedProperties(writer, value, isSecret);
                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        WriteMasked(writer, item, isSecret);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    value.WriteTo(writer);
                    break;
            }
        }
    }
}
