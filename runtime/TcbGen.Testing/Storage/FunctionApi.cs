using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TcbGen.Testing.Responses;

namespace TcbGen.Testing.Storage
{
    /// <summary>
    /// Tencent Cloud's function API as the emulator plays it (UpdateFunctionCode after createFunction): checks the
    /// Authorization header's TC3-HMAC-SHA256 signature over the body's SHA-256, the Host and the X-TC-Timestamp it signed,
    /// then stores the body's ZipFile as the function's code (which downloadfunction then serves, with its checksum).
    /// Answers as the API does, HTTP 200 with <c>{"Response": {"RequestId": ...}}</c> or <c>{"Response": {"Error": {...}}}</c>.
    /// </summary>
    internal static class FunctionApi
    {
        public static async Task HandleAsync(HttpContext context, EmulatedStorage storage, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            byte[] body = buffer.ToArray();
            string answer = Answer(context.Request, storage, body);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer), cancellationToken).ConfigureAwait(false);
        }

        private static string Answer(HttpRequest request, EmulatedStorage storage, byte[] body)
        {
            if (request.Method != HttpMethods.Post)
            {
                return Error("UnsupportedOperation", "Use POST.");
            }

            string? presented = Tc3Signature.SignatureOf(request.Headers.Authorization.ToString());
            bool timestampOk = long.TryParse(request.Headers["X-TC-Timestamp"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp);
            string contentType = (request.ContentType ?? string.Empty).Split(';')[0].Trim();
            if (presented == null || !timestampOk || !string.Equals(contentType, Tc3Signature.ContentType, StringComparison.OrdinalIgnoreCase)
                || !StorageSigner.Same(presented, Tc3Signature.Compute(storage.Signer.Tc3SecretKey, request.Host.Value ?? string.Empty, timestamp, StorageSigner.Sha256Hex(body))))
            {
                return Error("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                JsonElement root = document.RootElement;
                string? env = Text(root, "EnvId");
                string? name = Text(root, "FunctionName");
                string? zip = Text(root, "ZipFile");
                if (env == null || name == null || zip == null)
                {
                    return Error("MissingParameter", "EnvId, FunctionName and ZipFile are required.");
                }

                storage.Objects.Put(StorageArea.FunctionCode, env, name, Convert.FromBase64String(zip));
                return Answer(writer => writer.WriteString("RequestId", Guid.NewGuid().ToString()));
            }
            catch (Exception exception) when (exception is JsonException or FormatException)
            {
                return Error("InvalidParameterValue", "The body is not JSON with a base64 ZipFile.");
            }
        }

        private static string? Text(JsonElement owner, string name) =>
            owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string Error(string code, string message) => Answer(writer =>
        {
            writer.WriteStartObject("Error");
            writer.WriteString("Code", code);
            writer.WriteString("Message", message);
            writer.WriteEndObject();
            writer.WriteString("RequestId", Guid.NewGuid().ToString());
        });

        private static string Answer(Action<Utf8JsonWriter> writeResponse) => Responses.Answer.Object(writer =>
        {
            writer.WriteStartObject("Response");
            writeResponse(writer);
            writer.WriteEndObject();
        });
    }
}
