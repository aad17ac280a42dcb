using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime.Transfers
{
    public sealed partial class TcbTransfers
    {
        private const string VerifiedDownload = "verified download";

        /// <summary>
        /// Asks for a download ticket, downloads its URL and checks the bytes' SHA-256 against the ticket's checksum; the bytes
        /// are returned only when they match.
        /// </summary>
        /// <typeparam name="TTicket">A response with <c>"followUp": "verifiedDownload"</c>, e.g. GetFunctionLinkResponse.</typeparam>
        /// <param name="getTicket">The generated call for the ticket, e.g.
        /// <c>ct => client.GetFunctionLinkAsync(new() { Env = env, FunctionName = "login" }, ct)</c>.</param>
        /// <param name="progress">Told the bytes received so far.</param>
        /// <param name="cancellationToken">Cancels the ticket call or the download.</param>
        /// <returns>The downloaded bytes (a function's zip).</returns>
        /// <exception cref="TcbChecksumMismatchException">The bytes' SHA-256 is not the ticket's checksum.</exception>
        /// <exception cref="TcbTransferException">The download was refused.</exception>
        public async Task<byte[]> DownloadVerifiedAsync<TTicket>(Func<CancellationToken, Task<TTicket>> getTicket, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
            where TTicket : ITcbVerifiedDownloadTicket
        {
            TTicket ticket = await GetTicketAsync(getTicket, cancellationToken).ConfigureAwait(false);
            Uri url = AbsoluteUri(Required(ticket.Url, "url", VerifiedDownload), "url", VerifiedDownload);
            string expected = Required(ticket.Sha256, "checksum", VerifiedDownload);

            using HttpResponseMessage response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, VerifiedDownload, url).ConfigureAwait(false);
            using var received = new MemoryStream();
            using (Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                byte[] chunk = new byte[_options.ChunkSize];
                int read;
                while ((read = await body.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    received.Write(chunk, 0, read);
                    progress?.Report(received.Length);
                }
            }

            byte[] bytes = received.ToArray();
            string actual = Sha256Hex(bytes, bytes.Length);
            if (!string.Equals(actual, expected.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw new TcbChecksumMismatchException(expected, actual, bytes.Length);
            }

            return bytes;
        }
    }
}
