using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.BuiltInSpecs.Tests.Tcb;
using TcbGen.Runtime.Transfers;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests.Transfers
{
    /// <summary>
    /// uploadfile's ticket, the multipart upload to the emulator's storage (which checks what it signed), and the
    /// upload → download link pair, through the generated clients and <see cref="TcbTransfers"/>.
    /// </summary>
    public sealed class FileUploadTests : IClassFixture<EmulatorClients>
    {
        private const string Env = "files-env-1";

        private readonly EmulatorClients _clients;

        /// <summary>Takes the emulator and clients the class shares.</summary>
        /// <param name="clients">The emulator and the generated clients.</param>
        public FileUploadTests(EmulatorClients clients) => _clients = clients;

        /// <summary>/tcb/uploadfile then the upload: the file id comes back, progress reaches the size, and /tcb/batchdownloadfile links the same bytes.</summary>
        [Fact]
        public async Task AFileUploadedIsServedByItsDownloadLink()
        {
            byte[] content = TransferHelpers.Content(100_000);
            var progress = new RecordingProgress();
            TcbTransfers transfers = TransferHelpers.Create(_clients);

            string fileId = await transfers.UploadFileAsync(
                ct => _clients.Authorizer.GetUploadTcbFileLinkAsync(new GetUploadTcbFileLinkRequest { Env = Env, Path = "reports/a.bin" }, ct),
                "reports/a.bin",
                new MemoryStream(content),
                progress);

            Assert.StartsWith($"cloud://{Env}.", fileId, StringComparison.Ordinal);
            Assert.Equal(content.Length, progress.Reports.Last());
            Assert.True(progress.Reports.Count > 1, "the upload was reported in chunks");
            Assert.Equal(progress.Reports.OrderBy(r => r), progress.Reports);

            GetDownloadTcbFileLinkResponse links = await _clients.Authorizer.GetDownloadTcbFileLinkAsync(new GetDownloadTcbFileLinkRequest
            {
                Env = Env,
                FileList = [new GetDownloadTcbFileLinkFile { Fileid = fileId, MaxAge = 60 }, new GetDownloadTcbFileLinkFile { Fileid = $"cloud://{Env}.x/never-uploaded", MaxAge = 60 }],
            });

            GetDownloadTcbFileLinkResult uploaded = links.FileList![0];
            Assert.Equal((fileId, 0), (uploaded.Fileid, uploaded.Status));
            using var http = new HttpClient();
            Assert.Equal(content, await http.GetByteArrayAsync(uploaded.DownloadUrl));
            Assert.Equal(-1, links.FileList[1].Status);
        }

        /// <summary>The same pair in the batch family: /componenttcb/uploadfile, then /componenttcb/batchdownloadfile.</summary>
        [Fact]
        public async Task TheBatchFamilyUploadsAndLinksToo()
        {
            byte[] content = TransferHelpers.Content(3_000, seed: 2);
            TcbTransfers transfers = TransferHelpers.Create(_clients);

            string fileId = await transfers.UploadFileAsync(
                ct => _clients.Component.GetUploadFileLinkAsync(new GetUploadFileLinkRequest { Env = Env, Path = "batch/b.txt" }, ct),
                "batch/b.txt",
                new MemoryStream(content));

            GetDownloadFileLinkResponse links = await _clients.Component.GetDownloadFileLinkAsync(new GetDownloadFileLinkRequest
            {
                Env = Env,
                FileList = [new GetDownloadFileLinkRequestFile { Fileid = fileId, MaxAge = 60 }],
            });
            using var http = new HttpClient();
            Assert.Equal(content, await http.GetByteArrayAsync(Assert.Single(links.FileList!).DownloadUrl));
        }

        /// <summary>A changed Signature, another key, or a token never issued: the storage answers 403 as COS does, and keeps nothing.</summary>
        [Fact]
        public async Task ATamperedUploadIsRefused()
        {
            TcbTransfers transfers = TransferHelpers.Create(_clients);
            async Task<TcbTransferException> UploadWith(Func<TamperedCosTicket, TamperedCosTicket> tamper, string key)
            {
                ITcbCosUploadTicket ticket = await _clients.Authorizer.GetUploadTcbFileLinkAsync(new GetUploadTcbFileLinkRequest { Env = Env, Path = "secret/plan.txt" });
                return await Assert.ThrowsAsync<TcbTransferException>(() => transfers.UploadFileAsync(
                    _ => Task.FromResult(tamper(TamperedCosTicket.From(ticket))), key, new MemoryStream(new byte[] { 1, 2, 3 })));
            }

            TcbTransferException badSignature = await UploadWith(t => t with { Signature = t.Signature + "0" }, "secret/plan.txt");
            TcbTransferException otherKey = await UploadWith(t => t, "secret/other.txt");
            TcbTransferException badToken = await UploadWith(t => t with { SecurityToken = "forged" }, "secret/plan.txt");
            TcbTransferException otherFileId = await UploadWith(t => t with { CosFileId = "forged" }, "secret/plan.txt");

            Assert.Equal((403, "SignatureDoesNotMatch"), (badSignature.StatusCode, badSignature.ErrorCode));
            Assert.Equal((403, "InvalidAccessKeyId"), (otherKey.StatusCode, otherKey.ErrorCode));
            Assert.Equal((403, "InvalidAccessKeyId"), (badToken.StatusCode, badToken.ErrorCode));
            Assert.Equal((403, "SignatureDoesNotMatch"), (otherFileId.StatusCode, otherFileId.ErrorCode));
            Assert.DoesNotContain("q-signature", badSignature.Message, StringComparison.Ordinal);
        }

        /// <summary>Cancelled after the first chunk: the upload stops there, and the file is not stored.</summary>
        [Fact]
        public async Task AnUploadCancelledMidwayStopsAndStoresNothing()
        {
            using var cancel = new CancellationTokenSource();
            var progress = new RecordingProgress(_ => cancel.Cancel());
            TcbTransfers transfers = TransferHelpers.Create(_clients);
            string? fileId = null;

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transfers.UploadFileAsync(
                async ct =>
                {
                    GetUploadTcbFileLinkResponse ticket = await _clients.Authorizer.GetUploadTcbFileLinkAsync(new GetUploadTcbFileLinkRequest { Env = Env, Path = "big/cancelled.bin" }, ct);
                    fileId = ticket.FileId;
                    return ticket;
                },
                "big/cancelled.bin",
                new MemoryStream(TransferHelpers.Content(1_000_000)),
                progress,
                cancel.Token));

            Assert.Single(progress.Reports);
            GetDownloadTcbFileLinkResponse links = await _clients.Authorizer.GetDownloadTcbFileLinkAsync(new GetDownloadTcbFileLinkRequest
            {
                Env = Env,
                FileList = [new GetDownloadTcbFileLinkFile { Fileid = fileId!, MaxAge = 60 }],
            });
            Assert.False(links.FileList![0].Fileid == fileId && links.FileList[0].Status == 0, "a cancelled upload left a file behind");
        }

        /// <summary>staticuploadfile, then the signed PUT: stored with progress; a token other than the ticket's is refused with 403.</summary>
        [Fact]
        public async Task AStaticFileIsPutWithItsSignedUrl()
        {
            byte[] page = TransferHelpers.Content(40_000, seed: 3);
            var progress = new RecordingProgress();
            TcbTransfers transfers = TransferHelpers.Create(_clients);

            await transfers.PutFileAsync(
                ct => _clients.Component.GetUploadStaticStoreFileAsync(new GetUploadStaticStoreFileRequest { Env = Env, Filename = "site/index.html" }, ct),
                new MemoryStream(page),
                progress);

            Assert.Equal(page.Length, progress.Reports.Last());
            GetUploadStaticStoreFileResponse other = await _clients.Component.GetUploadStaticStoreFileAsync(new GetUploadStaticStoreFileRequest { Env = Env, Filename = "site/other.html" });
            TcbTransferException refused = await Assert.ThrowsAsync<TcbTransferException>(() => transfers.PutFileAsync(
                async ct =>
                {
                    GetUploadStaticStoreFileResponse ticket = await _clients.Component.GetUploadStaticStoreFileAsync(new GetUploadStaticStoreFileRequest { Env = Env, Filename = "site/index.html" }, ct);
                    ticket.Token = other.Token;
                    return ticket;
                },
                new MemoryStream(page)));
            Assert.Equal(403, refused.StatusCode);
        }
    }
}
