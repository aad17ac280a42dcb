using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TcbGen.Testing.Storage
{
    /// <summary>
    /// The HTTP side of <see cref="EmulatedStorage"/>, on the emulator's own port: the object storage (COS) endpoints the
    /// tickets point at, and the Tencent Cloud function API. They check what the tickets signed: a wrong signature, token,
    /// key or file id is HTTP 403 with a COS-style XML error; a wrong TC3 signature is the API's
    /// <c>AuthFailure.SignatureFailure</c>. Not recorded (their URLs and fields carry the signatures).
    /// </summary>
    internal static class StorageRoutes
    {
        public static bool Owns(string path) =>
            path.StartsWith(EmulatedStorage.StoragePrefix + "/", StringComparison.Ordinal)
            || path.Equals(EmulatedStorage.FunctionApiPrefix, StringComparison.Ordinal) || path.StartsWith(EmulatedStorage.FunctionApiPrefix + "/", StringComparison.Ordinal);

        public static async Task HandleAsync(HttpContext context, EmulatedStorage storage, CancellationToken cancellationToken)
        {
            string path = context.Request.Path.Value!;
            string method = context.Request.Method;
            if (path.StartsWith(EmulatedStorage.FunctionApiPrefix, StringComparison.Ordinal))
            {
                await FunctionApi.HandleAsync(context, storage, cancellationToken).ConfigureAwait(false);
                return;
            }

            string[] segments = path.Substring(EmulatedStorage.StoragePrefix.Length + 1).Split('/').Select(Uri.UnescapeDataString).ToArray();
            if (segments.Length == 2 && segments[0] == "cos" && method == HttpMethods.Post)
            {
                await FormUploadAsync(context, storage, segments[1], cancellationToken).ConfigureAwait(false);
            }
            else if (segments.Length >= 3 && segments[0] == EmulatedStorage.AreaSegment(StorageArea.StaticSite) && method == HttpMethods.Put)
            {
                await SignedPutAsync(context, storage, segments[1], string.Join("/", segments.Skip(2)), cancellationToken).ConfigureAwait(false);
            }
            else if (segments.Length >= 3 && method == HttpMethods.Get && Area(segments[0]) is StorageArea area)
            {
                await DownloadAsync(context, storage, area, segments[1], string.Join("/", segments.Skip(2)), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CosErrorAsync(context, StatusCodes.Status404NotFound, "NoSuchKey", "no such storage route in the emulator", cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The multipart/form-data POST of an uploadfile ticket: key, Signature, x-cos-security-token, x-cos-meta-fileid, file.</summary>
        private static async Task FormUploadAsync(HttpContext context, EmulatedStorage storage, string env, CancellationToken cancellationToken)
        {
            if (!context.Request.HasFormContentType)
            {
                await CosErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", "the upload must be multipart/form-data", cancellationToken).ConfigureAwait(false);
                return;
            }

            IFormCollection form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            string key = form["key"].ToString();
            string token = form["x-cos-security-token"].ToString();
            string fileId = form["x-cos-meta-fileid"].ToString();
            IFormFile? file = form.Files.GetFile("file");
            if (file == null || key.Length == 0)
            {
                await CosErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidArgument", "the form needs the fields key and file", cancellationToken).ConfigureAwait(false);
                return;
            }

            if (!storage.TryTakeToken(token, StorageArea.Files, env, key))
            {
                await CosErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidAccessKeyId", "x-cos-security-token was not issued for this key", cancellationToken).ConfigureAwait(false);
                return;
            }

            if (!StorageSigner.Same(form["Signature"].ToString(), storage.FormSignature(env, key, token, fileId)))
            {
                await CosErrorAsync(context, StatusCodes.Status403Forbidden, "SignatureDoesNotMatch", "the Signature does not match the key, token and x-cos-meta-fileid", cancellationToken).ConfigureAwait(false);
                return;
            }

            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
            storage.Objects.Put(StorageArea.Files, env, key, bytes.ToArray());
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }

        /// <summary>The PUT of a staticuploadfile ticket: the signed URL, the x-cos-security-token header, the raw bytes.</summary>
        private static async Task SignedPutAsync(HttpContext context, EmulatedStorage storage, string env, string path, CancellationToken cancellationToken)
        {
            string token = context.Request.Headers["x-cos-security-token"].ToString();
            if (!storage.TryTakeToken(token, StorageArea.StaticSite, env, path))
            {
                await CosErrorAsync(context, StatusCodes.Status403Forbidden, "InvalidAccessKeyId", "x-cos-security-token was not issued for this file", cancellationToken).ConfigureAwait(false);
                return;
            }

            if (!StorageSigner.Same(context.Request.Query["sign"].ToString(), storage.PutSignature(env, path, token)))
            {
                await CosErrorAsync(context, StatusCodes.Status403Forbidden, "SignatureDoesNotMatch", "the URL's signature does not match", cancellationToken).ConfigureAwait(false);
                return;
            }

            using var bytes = new MemoryStream();
            await context.Request.Body.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
            storage.Objects.Put(StorageArea.StaticSite, env, path, bytes.ToArray());
            context.Response.StatusCode = StatusCodes.Status200OK;
        }

        private static async Task DownloadAsync(HttpContext context, EmulatedStorage storage, StorageArea area, string env, string path, CancellationToken cancellationToken)
        {
            if (!StorageSigner.Same(context.Request.Query["sign"].ToString(), storage.Signer.Sign("get", area.ToString(), env, path)))
            {
                await CosErrorAsync(context, StatusCodes.Status403Forbidden, "AccessDenied", "the download URL's signature does not match", cancellationToken).ConfigureAwait(false);
                return;
            }

            byte[]? content = storage.Objects.Get(area, env, path) ?? (area == StorageArea.FunctionCode ? EmulatedStorage.DefaultFunctionCode : null);
            if (content == null)
            {
                await CosErrorAsync(context, StatusCodes.Status404NotFound, "NoSuchKey", "the object does not exist", cancellationToken).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }

        private static StorageArea? Area(string segment) =>
            Enum.GetValues<StorageArea>().Cast<StorageArea?>().FirstOrDefault(a => EmulatedStorage.AreaSegment(a!.Value) == segment);

        /// <summary>An error as COS writes it: XML with Code and Message.</summary>
        private static async Task CosErrorAsync(HttpContext context, int status, string code, string message, CancellationToken cancellationToken)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/xml";
            byte[] body = Encoding.UTF8.GetBytes($"<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>{code}</Code>\n<Message>{System.Security.SecurityElement.Escape(message)}</Message>\n<RequestId>{Guid.NewGuid():N}</RequestId>\n</Error>");
            await context.Response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }
}
