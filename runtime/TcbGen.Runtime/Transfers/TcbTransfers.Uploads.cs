using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime.Transfers
{
    public sealed partial class TcbTransfers
    {
        private const string CosUpload = "upload to object storage";
        private const string SignedPut = "signed PUT";

        /// <summary>
        /// Asks for an upload ticket and uploads the file with it: a multipart/form-data POST to the ticket's <c>url</c> with the
        /// fields <c>key</c> (<paramref name="path"/>), <c>Signature</c>, <c>x-cos-security-token</c>, <c>x-cos-meta-fileid</c> and
        /// <c>file</c>.
        /// </summary>
        /// <typeparam name="TTicket">A response with <c>"followUp": "cosFormUpload"</c>, e.g. GetUploadTcbFileLinkResponse.</typeparam>
        /// <param name="getTicket">The generated call for the ticket, for the same <paramref name="path"/>, e.g.
        /// <c>ct => client.GetUploadTcbFileLinkAsync(new() { Env = env, Path = path }, ct)</c>.</param>
        /// <param name="path">The file's path in cloud storage, as sent in the ticket call.</param>
        /// <param name="content">The file's bytes, read from its current position.</param>
        /// <param name="progress">Told the bytes of <paramref name="content"/> sent so far.</param>
        /// <param name="cancellationToken">Cancels the ticket call or the upload.</param>
        /// <returns>The file's cloud id (<c>cloud://...</c>), for download links and deletes.</returns>
        /// <exception cref="TcbTransferException">Storage refused the upload (e.g. HTTP 403 <c>AccessDenied</c> for a bad signature).</exception>
        public async Task<string> UploadFileAsync<TTicket>(Func<CancellationToken, Task<TTicket>> getTicket, string path, Stream content, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
            where TTicket : ITcbCosUploadTicket
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            if (content == null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            TTicket ticket = await GetTicketAsync(getTicket, cancellationToken).ConfigureAwait(false);
            Uri url = AbsoluteUri(Required(ticket.Url, "url", CosUpload), "url", CosUpload);
            string fileId = Required(ticket.FileId, "file_id", CosUpload);
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(path), "key");
            form.Add(new StringContent(Required(ticket.Signature, "authorization", CosUpload)), "Signature");
            form.Add(new StringContent(Required(ticket.SecurityToken, "token", CosUpload)), "x-cos-security-token");
            form.Add(new StringContent(Required(ticket.CosFileId, "cos_file_id", CosUpload)), "x-cos-meta-fileid");
            var file = new StreamContent(new ProgressStream(content, progress, cancellationToken), _options.ChunkSize);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", FileName(path));

            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, CosUpload, url).ConfigureAwait(false);
            return fileId;
        }

        /// <summary>
        /// Asks for a signed URL and PUTs the bytes to it, with the <c>x-cos-security-token</c> header set to the ticket's token.
        /// </summary>
        /// <typeparam name="TTicket">A response with <c>"followUp": "signedPut"</c>, e.g. GetUploadStaticStoreFileResponse.</typeparam>
        /// <param name="getTicket">The generated call for the ticket, e.g.
        /// <c>ct => client.GetUploadStaticStoreFileAsync(new() { Env = env, Filename = "index.html" }, ct)</c>.</param>
        /// <param name="content">The file's bytes, read from its current position.</param>
        /// <param name="progress">Told the bytes sent so far.</param>
        /// <param name="cancellationToken">Cancels the ticket call or the upload.</param>
        /// <returns>A task that completes when storage accepted the file.</returns>
        /// <exception cref="TcbTransferException">Storage refused the PUT.</exception>
        public async Task PutFileAsync<TTicket>(Func<CancellationToken, Task<TTicket>> getTicket, Stream content, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
            where TTicket : ITcbSignedPutTicket
        {
            if (content == null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            TTicket ticket = await GetTicketAsync(getTicket, cancellationToken).ConfigureAwait(false);
            Uri url = AbsoluteUri(Required(ticket.SignedUrl, "signed_url", SignedPut), "signed_url", SignedPut);
            var body = new StreamContent(new ProgressStream(content, progress, cancellationToken), _options.ChunkSize);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            if (content.CanSeek)
            {
                body.Headers.ContentLength = content.Length - content.Position;
            }

            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = body };
            request.Headers.TryAddWithoutValidation("x-cos-security-token", Required(ticket.SecurityToken, "token", SignedPut));
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, SignedPut, url).ConfigureAwait(false);
        }

        private static string FileName(string path)
        {
            int slash = path.LastIndexOf('/');
            string name = slash < 0 ? path : path.Substring(slash + 1);
            return name.Length == 0 ? "file" : name;
        }
    }
}
