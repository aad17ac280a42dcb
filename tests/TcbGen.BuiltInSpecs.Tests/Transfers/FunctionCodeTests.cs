using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.BuiltInSpecs.Tests.Tcb;
using TcbGen.Runtime.Transfers;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests.Transfers
{
    /// <summary>
    /// A function's code: the zip (files at the root, 20 MB at most), createfunction + getuploadsignature + the TC3-signed
    /// upload to the emulator's function API, batchuploadscf's inline zip, and downloadfunction's verified download.
    /// </summary>
    public sealed class FunctionCodeTests : IClassFixture<EmulatorClients>
    {
        private const string Env = "functions-env-1";

        private readonly EmulatorClients _clients;

        /// <summary>Takes the emulator and clients the class shares.</summary>
        /// <param name="clients">The emulator and the generated clients.</param>
        public FunctionCodeTests(EmulatorClients clients) => _clients = clients;

        /// <summary>createFunction, the code uploaded with the signed headers, then downloadfunction serves exactly that zip, checked.</summary>
        [Fact]
        public async Task CodeUploadedWithTheSignatureIsDownloadedVerified()
        {
            TcbFunctionPackage package = Package("exports.main = async () => 'v1';");
            TcbTransfers transfers = TransferHelpers.Create(_clients);
            await _clients.Authorizer.CreateFunctionAsync(new CreateFunctionRequest { Env = Env, FunctionName = "login" });
            GetCodeSecretResponse secret = await _clients.Authorizer.GetCodeSecretAsync();
            var sent = new RecordingProgress();

            string requestId = await transfers.UploadFunctionCodeAsync(
                (hash, ct) => _clients.Authorizer.GetUploadSignatureAsync(new GetUploadSignatureRequest { HashedPayload = hash }, ct),
                new TcbFunctionCode(Env, "login", secret.Codesecret ?? "secret", package) { InstallDependency = true },
                sent);

            Assert.False(string.IsNullOrEmpty(requestId));
            Assert.True(sent.Reports.Last() > package.Length, "the whole body, larger than the zip (base64 and the other fields), was reported");
            var received = new RecordingProgress();
            byte[] downloaded = await transfers.DownloadVerifiedAsync(
                ct => _clients.Authorizer.GetFunctionLinkAsync(new GetFunctionLinkRequest { Env = Env, FunctionName = "login" }, ct), received);
            Assert.Equal(package.ToArray(), downloaded);
            Assert.Equal(downloaded.Length, received.Reports.Last());
            Assert.Equal(new[] { "index.js", "lib/util.js" }, new ZipArchive(new MemoryStream(downloaded)).Entries.Select(e => e.FullName));
        }

        /// <summary>The function API checks the Authorization signature over the body's hash: a changed signature, or headers signed for other bytes, are refused.</summary>
        [Fact]
        public async Task AnUploadWithATamperedSignatureIsRefused()
        {
            TcbTransfers transfers = TransferHelpers.Create(_clients);
            var code = new TcbFunctionCode(Env, "tampered", "secret", Package("exports.main = 1;"));

            TcbFunctionApiException changed = await Assert.ThrowsAsync<TcbFunctionApiException>(() => transfers.UploadFunctionCodeAsync(
                async (hash, ct) =>
                {
                    GetUploadSignatureResponse signature = await _clients.Authorizer.GetUploadSignatureAsync(new GetUploadSignatureRequest { HashedPayload = hash }, ct);
                    string headers = signature.Headers!;
                    int at = headers.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length;
                    return new TamperedSignature(headers.Substring(0, at) + (headers[at] == 'a' ? 'b' : 'a') + headers.Substring(at + 1));
                },
                code));
            TcbFunctionApiException otherBody = await Assert.ThrowsAsync<TcbFunctionApiException>(() => transfers.UploadFunctionCodeAsync(
                (_, ct) => _clients.Authorizer.GetUploadSignatureAsync(new GetUploadSignatureRequest { HashedPayload = new string('0', 64) }, ct),
                code));

            Assert.Equal("AuthFailure.SignatureFailure", changed.Code);
            Assert.Equal("AuthFailure.SignatureFailure", otherBody.Code);
        }

        /// <summary>downloadfunction's checksum differs from the bytes: a typed error, no bytes.</summary>
        [Fact]
        public async Task ADownloadWhoseChecksumDiffersIsRefused()
        {
            TcbTransfers transfers = TransferHelpers.Create(_clients);
            GetFunctionLinkResponse link = await _clients.Authorizer.GetFunctionLinkAsync(new GetFunctionLinkRequest { Env = Env, FunctionName = "untouched" });
            byte[] served = await transfers.DownloadVerifiedAsync(_ => Task.FromResult(link));
            Assert.Equal(link.Checksum, Convert.ToHexString(SHA256.HashData(served)).ToLowerInvariant());

            TcbChecksumMismatchException mismatch = await Assert.ThrowsAsync<TcbChecksumMismatchException>(() =>
                transfers.DownloadVerifiedAsync(_ => Task.FromResult(new TamperedDownloadTicket(link.Url, new string('f', 64)))));

            Assert.Equal(link.Checksum, mismatch.Actual);
        }

        /// <summary>A download cancelled before it starts throws and reports nothing.</summary>
        [Fact]
        public async Task ADownloadCanBeCancelled()
        {
            TcbTransfers transfers = TransferHelpers.Create(_clients);
            var progress = new RecordingProgress();
            using var cancel = new CancellationTokenSource();
            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transfers.DownloadVerifiedAsync(
                ct => _clients.Authorizer.GetFunctionLinkAsync(new GetFunctionLinkRequest { Env = Env, FunctionName = "login" }, ct), progress, cancel.Token));
            Assert.Empty(progress.Reports);
        }

        /// <summary>batchuploadscf carries the zip inline (base64); downloadfunction then serves those bytes.</summary>
        [Fact]
        public async Task AnInlineZipIsWhatDownloadfunctionServes()
        {
            TcbFunctionPackage package = Package("exports.main = async () => 'batch';");
            await _clients.Component.BatchUploadCloudFunctionAsync(new BatchUploadCloudFunctionRequest
            {
                Functionname = "batchfn",
                Envs = [Env, "functions-env-2"],
                Zipfile = package.ToBase64(),
            });

            byte[] downloaded = await TransferHelpers.Create(_clients).DownloadVerifiedAsync(
                ct => _clients.Authorizer.GetFunctionLinkAsync(new GetFunctionLinkRequest { Env = "functions-env-2", FunctionName = "batchfn" }, ct));
            Assert.Equal(package.ToArray(), downloaded);
        }

        /// <summary>The zip holds the folder's files at its root, the same bytes each time; over 20 MB is refused with a clear error.</summary>
        [Fact]
        public void APackageHasItsFilesAtTheRootAndAtMost20MB()
        {
            string folder = Directory.CreateTempSubdirectory("tcbgen-fn-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(folder, "lib"));
                File.WriteAllText(Path.Combine(folder, "index.js"), "exports.main = 1;");
                File.WriteAllText(Path.Combine(folder, "lib", "util.js"), "module.exports = 2;");

                TcbFunctionPackage fromFolder = TcbFunctionPackage.FromFolder(folder);

                Assert.Equal(new[] { "index.js", "lib/util.js" }, new ZipArchive(new MemoryStream(fromFolder.ToArray())).Entries.Select(e => e.FullName));
                Assert.Equal(fromFolder.ToArray(), TcbFunctionPackage.FromFolder(folder).ToArray());
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }

            byte[] incompressible = TransferHelpers.Content((int)TcbFunctionPackage.MaxZipBytes + 1024, seed: 7);
            TcbFunctionPackageTooLargeException tooLarge = Assert.Throws<TcbFunctionPackageTooLargeException>(() =>
                TcbFunctionPackage.FromEntries([new KeyValuePair<string, byte[]>("asset.bin", incompressible)]));
            Assert.True(tooLarge.ZipBytes > TcbFunctionPackage.MaxZipBytes);
            Assert.Contains("20 MB", tooLarge.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => TcbFunctionPackage.FromEntries([new KeyValuePair<string, byte[]>("../escape.js", [])]));
        }

        private static TcbFunctionPackage Package(string index) => TcbFunctionPackage.FromEntries(
        [
            new KeyValuePair<string, byte[]>("index.js", Encoding.UTF8.GetBytes(index)),
            new KeyValuePair<string, byte[]>("lib/util.js", Encoding.UTF8.GetBytes("module.exports = {};")),
        ]);
    }
}
