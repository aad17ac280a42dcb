using System;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>Options of <see cref="TcbTransfers"/>: where Tencent Cloud's function API is, and how migration jobs are polled.</summary>
    public sealed class TcbTransferOptions
    {
        /// <summary>Tencent Cloud's function API, <c>https://scf.tencentcloudapi.com/</c>.</summary>
        public static readonly Uri DefaultFunctionApiAddress = new Uri("https://scf.tencentcloudapi.com/");

        /// <summary>
        /// Where <see cref="TcbTransfers.UploadFunctionCodeAsync{TSignature}"/> posts the code (default
        /// <see cref="DefaultFunctionApiAddress"/>); point it at an emulator's address in tests.
        /// </summary>
        public Uri FunctionApiAddress { get; set; } = DefaultFunctionApiAddress;

        /// <summary>How long to wait between two reads of a migration job's state (default 2 seconds).</summary>
        public TimeSpan MigrationPollInterval { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>How long a migration job may run before the wait gives up with <see cref="TcbMigrationJobTimeoutException"/> (default 10 minutes).</summary>
        public TimeSpan MigrationTimeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>The clock of the migration waits (default <see cref="TimeProvider.System"/>).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>The size of the chunks streamed (and reported to progress) in uploads and downloads (default 64 KiB).</summary>
        public int ChunkSize { get; set; } = 64 * 1024;
    }
}
