using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TcbGen.Specs;
using TcbGen.Specs.Model;
using TcbGen.Testing.Recording;
using TcbGen.Testing.Specs;

namespace TcbGen.Testing.Standalone
{
    /// <summary>
    /// The curl lines the banner prints, each a request the emulator answers as asked: the endpoint's method, its query
    /// fields in the query string and its body fields (from the spec's first example) in the body.
    /// </summary>
    internal static class BannerCurl
    {
        /// <summary>The value sent for a required query field the spec's example leaves out.</summary>
        private const string QueryPlaceholder = "demo";

        public static string Post(string url, string body, params string[] headers)
            => Line(HttpMethods.Post, url, body, headers);

        public static string Get(string url, params string[] headers) => Line(HttpMethods.Get, url, null, headers);

        /// <summary>The endpoint called with <paramref name="token"/> and its first example, or null when it has no example request.</summary>
        public static string? ForEndpoint(string baseUrl, EmulatedEndpoint endpoint, string token)
        {
            EndpointSpec spec = endpoint.Spec;
            string? example = spec.Examples.Select(e => e.RequestJson).FirstOrDefault(r => r != null);
            if (example == null)
            {
                return null;
            }

            using JsonDocument document = JsonDocument.Parse(example);
            JsonElement request = document.RootElement;
            var query = new List<string> { string.Join(",", endpoint.TokenParameters.Take(1)) + "=" + Uri.EscapeDataString(token) };
            var queryNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (FieldSpec field in spec.Request?.Fields ?? default)
            {
                if (field.Location != FieldLocation.Query)
                {
                    continue;
                }

                queryNames.Add(field.WireName);
                string? value = request.ValueKind == JsonValueKind.Object && request.TryGetProperty(field.WireName, out JsonElement given)
                    ? given.ValueKind == JsonValueKind.String ? given.GetString() : given.GetRawText()
                    : field.Required ? Placeholder(spec, field) : null;
                if (value != null)
                {
                    // The banner is standard output (often a CI log): a secret field's example is masked as the records mask it.
                    value = field.Secret || SecretNames.IsSecretName(field.WireName) ? Redaction.Mask : value;
                    query.Add(field.WireName + "=" + Uri.EscapeDataString(value));
                }
            }

            string url = baseUrl + spec.Path + "?" + string.Join("&", query);
#pragma warning disable CS8524 // Exhaustive over the named kinds: a new RequestBodyKind must be handled here (CS8509).
            string? body = spec.RequestBody switch
            {
                RequestBodyKind.Fields => Redaction.Example(BodyFields(request, queryNames), endpoint.SecretFields),
                RequestBodyKind.CallerJson => Redaction.Example(example, endpoint.SecretFields),
                RequestBodyKind.None => null,
            };
#pragma warning restore CS8524
            return Line(HttpMethods.WireName(spec.Method), url, body, Array.Empty<string>());
        }

        /// <summary>A value for a required query field the example leaves out: an enum's first value, or <see cref="QueryPlaceholder"/>.</summary>
        private static string Placeholder(EndpointSpec spec, FieldSpec field)
        {
            EnumSpec? enumSpec = field.Type.TypeName == null ? null : spec.Enums.FirstOrDefault(e => e.TypeName == field.Type.TypeName);
            EnumMemberSpec? first = enumSpec?.Members.FirstOrDefault();
            return first == null ? QueryPlaceholder : first.StringValue ?? first.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string BodyFields(JsonElement request, HashSet<string> queryNames)
        {
            if (request.ValueKind != JsonValueKind.Object || queryNames.Count == 0)
            {
                return request.GetRawText();
            }

            var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                foreach (JsonProperty property in request.EnumerateObject().Where(p => !queryNames.Contains(p.Name)))
                {
                    property.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static string Line(string method, string url, string? body, IEnumerable<string> headers)
        {
            var line = new System.Text.StringBuilder("  curl -s");
            if (method != HttpMethods.Get)
            {
                line.Append(" -X ").Append(method);
            }

            line.Append(' ').Append(Quote(url));
            foreach (string header in headers)
            {
                line.Append(" -H ").Append(Quote(header));
            }

            if (body != null)
            {
                line.Append(" -H 'Content-Type: application/json' -d ").Append(Quote(body));
            }

            return line.ToString();
        }

        private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
