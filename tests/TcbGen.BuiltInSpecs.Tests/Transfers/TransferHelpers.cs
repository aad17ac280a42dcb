using System;
using System.Collections.Generic;
using System.Net.Http;
using TcbGen.Runtime.Transfers;

namespace TcbGen.BuiltInSpecs.Tests.Transfers
{
    /// <summary>What the transfer tests share: the helpers pointed at the emulator, test content and progress recorders.</summary>
    internal static class TransferHelpers
    {
        /// <summary>The helpers with their own HttpClient, the emulator's function API, and quick migration polls.</summary>
        public static TcbTransfers Create(EmulatorClients clients, TimeSpan? migrationTimeout = null) =>
            new TcbTransfers(new HttpClient(), new TcbTransferOptions
            {
                FunctionApiAddress = clients.Emulator.FunctionApiAddress,
                MigrationPollInterval = TimeSpan.FromMilliseconds(20),
                MigrationTimeout = migrationTimeout ?? TimeSpan.FromSeconds(10),
                ChunkSize = 16 * 1024,
            });

        /// <summary>Bytes that differ by position, so a shifted or truncated copy is noticed.</summary>
        public static byte[] Content(int length, int seed = 1)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }
    }

    /// <summary>Records progress reports synchronously (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
    internal sealed class RecordingProgress : IProgress<long>
    {
        private readonly Action<long>? _onReport;

        public RecordingProgress(Action<long>? onReport = null) => _onReport = onReport;

        public List<long> Reports { get; } = new List<long>();

        public void Report(long value)
        {
            Reports.Add(value);
            _onReport?.Invoke(value);
        }
    }

    /// <summary>An upload ticket with one field changed, as a tampering caller would send it.</summary>
    internal sealed record TamperedCosTicket(string? Url, string? SecurityToken, string? Signature, string? FileId, string? CosFileId) : ITcbCosUploadTicket
    {
        public static TamperedCosTicket From(ITcbCosUploadTicket ticket) => new TamperedCosTicket(ticket.Url, ticket.SecurityToken, ticket.Signature, ticket.FileId, ticket.CosFileId);
    }

    /// <summary>A download ticket with another checksum.</summary>
    internal sealed record TamperedDownloadTicket(string? Url, string? Sha256) : ITcbVerifiedDownloadTicket;

    /// <summary>A signature whose headers were changed.</summary>
    internal sealed record TamperedSignature(string? Headers) : ITcbUploadSignature;
}
