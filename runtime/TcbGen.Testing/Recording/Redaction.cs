using System;
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

        private static readonly string[] SecretBodyFields = { "component_appsecret", "component_verify_ticket", "authorizer_refresh_token" };

        /// <summary><c>?access_token=abc&amp;x=1</c> becomes <c>?access_token=***&amp;x=1</c>.</summary>
        public static string Query(string? query)
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
                if (SecretQueryParameters.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    pairs[i] = (equals < 0 ? pairs[i] : pairs[i].Substring(0, equals)) + "=" + Mask;
                }
            }

            return "?" + string.Join("&", pairs);
        }

        /// <summary>
        /// A token-endpoint body with its secret, ticket and refresh token masked. A body that is not a JSON object
        /// is not recorded at all, since it cannot be masked field by field.
        /// </summary>
        public static string TokenBody(string body)
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

                return Answer.Object(writer =>
                {
                    foreach (JsonProperty property in document.RootElement.EnumerateObject())
                    {
                        if (SecretBodyFields.Contains(property.Name, StringComparer.Ordinal))
                        {
                            writer.WriteString(property.Name, Mask);
                        }
                        else
                        {
                            property.WriteTo(writer);
                        }
                    }
                });
            }
            catch (JsonException)
            {
                return "(withheld: not valid JSON)";
            }
        }
    }
}
