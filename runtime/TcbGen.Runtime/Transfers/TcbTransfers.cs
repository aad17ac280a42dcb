using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// One call for what WeChat's cloud-development answers only prepare: the upload to object storage after
    /// <c>uploadfile</c>, the signed PUT after <c>staticuploadfile</c>, the verified download after <c>downloadfunction</c>, the
    /// signed code upload to Tencent Cloud after <c>getuploadsignature</c>, and the wait for a migration job. Each helper takes
    /// the generated client call as a delegate, so it works with any spec whose response names the matching
    /// <c>followUp</c> kind. The follow-up requests go out through the <see cref="HttpClient"/> given here, without WeChat
    /// tokens; pass one that is not the WeChat transport's.
    /// </summary>
    public sealed partial class TcbTransfers
    {
        private readonly HttpClient _http;
        private readonly TcbTransferOptions _options;

        /// <summary>Creates the helpers.</summary>
        /// <param name="httpClient">Sends the follow-up requests (to object storage, Tencent Cloud's API).</param>
        /// <param name="options">The function API's address and the migration polling; null for the defaults.</param>
        public TcbTransfers(HttpClient httpClient, TcbTransferOptions? options = null)
        {
            _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _options = options ?? new TcbTransferOptions();
            if (_options.ChunkSize <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "ChunkSize must be positive.");
            }
        }

        private static string Required(string? value, string field, string operation) =>
            string.IsNullOrEmpty(value) ? throw new TcbTransferException(operation, 0, null, $"the response has no '{field}'") : value!;

        private static Uri AbsoluteUri(string value, string field, string operation) =>
            Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) ? uri : throw new TcbTransferException(operation, 0, null, $"the response's '{field}' is not an absolute URL");

        /// <summary>A URL without its query, which holds signatures: safe for messages.</summary>
        private static string Where(Uri uri) => uri.GetLeftPart(UriPartial.Path);

        /// <summary>Throws a <see cref="TcbTransferException"/> for an answer that is not 2xx, with the storage's own error code if its body names one.</summary>
        private static async Task EnsureSuccessAsync(HttpResponseMessage response, string operation, Uri target)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            string body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            string? code = XmlElement(body, "Code");
            string? message = XmlElement(body, "Message");
            throw new TcbTransferException(operation, (int)response.StatusCode, code, $"{Where(target)} refused it{(message != null ? ": " + message : string.Empty)}");
        }

        /// <summary>The text of the first <c>&lt;name&gt;</c> element of a COS error body (XML), if any.</summary>
        private static string? XmlElement(string body, string name)
        {
            int start = body.IndexOf("<" + name + ">", StringComparison.Ordinal);
            int end = start < 0 ? -1 : body.IndexOf("</" + name + ">", start, StringComparison.Ordinal);
            return end < 0 ? null : body.Substring(start + name.Length + 2, end - start - name.Length - 2);
        }

        /// <summary>Lowercase hex of the SHA-256 of <paramref name="bytes"/>.</summary>
        internal static string Sha256Hex(byte[] bytes, int count)
        {
            using SHA256 sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(bytes, 0, count);
            var hex = new StringBuilder(hash.Length * 2);
            foreach (byte b in hash)
            {
                hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }

        private static async Task<T> GetTicketAsync<T>(Func<CancellationToken, Task<T>> getTicket, CancellationToken cancellationToken)
        {
            if (getTicket == null)
            {
                throw new ArgumentNullException(nameof(getTicket));
            }

            T ticket = await getTicket(cancellationToken).ConfigureAwait(false);
            return ticket ?? throw new InvalidOperationException("The ticket call returned null.");
        }
    }
}
