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
        /// <summary>What a removed value is replaced with.</summary>
        internal const string Mask = "***";

        // Every token kind's URL parameter, and the token endpoint's own component_access_token parameter.
        private static readonly string[] SecretQueryParameters = TokenKinds.Known.Select(k => k.UrlParameter).Append(TokenKinds.Component).Distinct().ToArray();

        /// <summary>
        /// <c>?access_token=abc&amp;x=1</c> becomes <c>?access_token=***&amp;x=1</c>; so do the spec's secret query fields and
        /// every parameter whose name says it is a secret (<see cref="SecretNames"/>). A parameter whose value carries a
        /// secret parameter of its own (<c>note=a%3D1%26pin%3D…</c>, also \u-escaped) is masked as a whole.
        /// </summary>
        public static string Query(string? query, IReadOnlyCollection<string>? secretFields = null)
            => Query(query, name => SecretQueryParameters.Contains(name, StringComparer.OrdinalIgnoreCase) || SecretNames.IsSecretName(name) || (secretFields != null && secretFields.Contains(name, StringComparer.Ordinal)), secretFields);

        /// <summary>
        /// The query of a request to a path no spec or handler describes: every parameter whose name says it is a secret
        /// (<see cref="SecretNames"/>: <c>secret=</c>, <c>*_ticket=</c>, every token parameter) is masked.
        /// </summary>
        public static string UnknownPathQuery(string? query) => Query(query, SecretNames.IsSecretName, null);

        private static string Query(string? query, Func<string, bool> isSecret, IReadOnlyCollection<string>? secretFields)
        {
            if (string.IsNullOrEmpty(query))
            {
                return string.Empty;
            }

            string[] pairs = query.TrimStart('?').Split('&');
            IReadOnlyList<string>? fields = secretFields?.ToArray();
            for (int i = 0; i < pairs.Length; i++)
            {
                int equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
                string rawName = equals < 0 ? pairs[i] : pairs[i].Substring(0, equals);
                string name = Unescape(rawName);

                // An escaped '=' in the name (pin%3D…, no '=' of its own) ends the name; the rest is its value, so the
                // pair is masked as a whole.
                int escapedEquals = name.IndexOf('=', StringComparison.Ordinal);
                if (isSecret(escapedEquals < 0 ? name : name.Substring(0, escapedEquals)) || CarriesSecret(pairs[i], fields))
                {
                    pairs[i] = escapedEquals < 0 ? rawName + "=" + Mask : Mask;
                }
            }

            return "?" + string.Join("&", pairs);
        }

        /// <summary>Whether the pair, unescaped, holds a secret parameter or field the runtime's redactor would remove.</summary>
        private static bool CarriesSecret(string pair, IReadOnlyList<string>? secretFields)
        {
            string text = Unescape(pair);
            return !string.Equals(TcbGen.Runtime.TcbSecretRedactor.Redact(text, null, secretFields), text, StringComparison.Ordinal);
        }

        /// <summary>Percent-decoding (also of a <c>+</c>-free form body's pairs); a pair that is not valid escaping is taken as it is.</summary>
        private static string Unescape(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return text;
            }
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

        /// <summary>
        /// A spec's example request as a printed line may show it: the value of every field named in
        /// <paramref name="secretFields"/> or whose name says it is a secret (<see cref="SecretNames"/>) masked, at any depth.
        /// </summary>
        public static string Example(string body, IReadOnlyCollection<string> secretFields) => Body(body, name => SecretNames.IsSecretName(name) || secretFields.Contains(name, StringComparer.Ordinal));

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
