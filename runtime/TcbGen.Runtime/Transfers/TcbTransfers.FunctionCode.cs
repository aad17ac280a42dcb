using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime.Transfers
{
    public sealed partial class TcbTransfers
    {
        private const string FunctionUpload = "function code upload";

        private static readonly JsonWriterOptions BodyWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>
        /// Uploads a cloud function's code to Tencent Cloud's function API (after createFunction): writes the body
        /// <c>{CodeSecret, EnvId, FunctionName, Handler, ZipFile[, InstallDependency]}</c> once, asks for the TC3-HMAC-SHA256
        /// headers of the SHA-256 of exactly those bytes, and POSTs the same bytes with them to
        /// <see cref="TcbTransferOptions.FunctionApiAddress"/>.
        /// </summary>
        /// <typeparam name="TSignature">A response with <c>"followUp": "uploadSignature"</c>, e.g. GetUploadSignatureResponse.</typeparam>
        /// <param name="sign">The generated call for the headers, given the body's hash:
        /// <c>(hash, ct) => client.GetUploadSignatureAsync(new() { HashedPayload = hash }, ct)</c>.</param>
        /// <param name="code">The function, its code protection key and its zip.</param>
        /// <param name="progress">Told the body bytes sent so far.</param>
        /// <param name="cancellationToken">Cancels the signature call or the upload.</param>
        /// <returns>The API's <c>RequestId</c>.</returns>
        /// <exception cref="TcbFunctionApiException">The API answered an error (e.g. <c>AuthFailure.SignatureFailure</c>).</exception>
        /// <exception cref="TcbTransferException">The signature had no Authorization header, or the API's answer was not its JSON.</exception>
        public async Task<string> UploadFunctionCodeAsync<TSignature>(Func<string, CancellationToken, Task<TSignature>> sign, TcbFunctionCode code, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
            where TSignature : ITcbUploadSignature
        {
            if (sign == null)
            {
                throw new ArgumentNullException(nameof(sign));
            }

            if (code == null)
            {
                throw new ArgumentNullException(nameof(code));
            }

            byte[] body = FunctionCodeBody(code);
            TSignature signature = await sign(Sha256Hex(body, body.Length), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The signature call returned null.");
            IReadOnlyList<KeyValuePair<string, string>> headers = SignedHeaders(Required(signature.Headers, "headers", FunctionUpload));

            var content = new StreamContent(new ProgressStream(new MemoryStream(body, writable: false), progress, cancellationToken), _options.ChunkSize);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = body.Length;
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.FunctionApiAddress) { Content = content };
            foreach (KeyValuePair<string, string> header in headers)
            {
                ApplyHeader(request, header.Key, header.Value);
            }

            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            string answer = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return ReadFunctionApiAnswer((int)response.StatusCode, answer);
        }

        /// <summary>The body, written once: the bytes hashed are the bytes sent.</summary>
        private static byte[] FunctionCodeBody(TcbFunctionCode code)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, BodyWriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("CodeSecret", code.CodeSecret);
                writer.WriteString("EnvId", code.EnvId);
                writer.WriteString("FunctionName", code.FunctionName);
                writer.WriteString("Handler", code.Handler);
                writer.WriteString("ZipFile", code.Package.ToBase64());
                if (code.InstallDependency is bool install)
                {
                    writer.WriteString("InstallDependency", install ? "TRUE" : "FALSE");
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        /// <summary>The <c>headers</c> string: one <c>Name:Value</c> per line (CRLF as WeChat sends it; LF accepted).</summary>
        internal static IReadOnlyList<KeyValuePair<string, string>> SignedHeaders(string text)
        {
            var headers = new List<KeyValuePair<string, string>>();
            foreach (string line in text.Split(new[] { "\r\n", "\n" }, StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = line.IndexOf(':');
                if (colon > 0)
                {
                    headers.Add(new KeyValuePair<string, string>(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
                }
            }

            if (!headers.Exists(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)))
            {
                throw new TcbTransferException(FunctionUpload, 0, null, "the signature's headers hold no Authorization line");
            }

            return headers;
        }

        private static void ApplyHeader(HttpRequestMessage request, string name, string value)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        /// <summary><c>{"Response": {"RequestId": ..., "Error": {"Code", "Message"}}}</c>: the request id, or the error thrown.</summary>
        private static string ReadFunctionApiAnswer(int statusCode, string answer)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(answer);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("Response", out JsonElement response) && response.ValueKind == JsonValueKind.Object)
                {
                    string? requestId = response.TryGetProperty("RequestId", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                    if (response.TryGetProperty("Error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
                    {
                        throw new TcbFunctionApiException(statusCode, Text(error, "Code") ?? "Unknown", Text(error, "Message") ?? string.Empty, requestId);
                    }

                    if (statusCode >= 200 && statusCode < 300 && requestId != null)
                    {
                        return requestId;
                    }
                }
            }
            catch (JsonException exception)
            {
                throw new TcbTransferException(FunctionUpload, statusCode, null, "the function API's answer is not JSON", exception);
            }

            throw new TcbTransferException(FunctionUpload, statusCode, null, "the function API's answer has no Response.RequestId");
        }

        private static string? Text(JsonElement owner, string name) =>
            owner.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
