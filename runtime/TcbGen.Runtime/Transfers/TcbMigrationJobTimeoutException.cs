using System;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>A database import or export job was still running when <see cref="TcbTransferOptions.MigrationTimeout"/> ran out.</summary>
    public sealed class TcbMigrationJobTimeoutException : TimeoutException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="jobId">The job's id.</param>
        /// <param name="timeout">How long the wait lasted.</param>
        /// <param name="lastStatus">The job's last status.</param>
        public TcbMigrationJobTimeoutException(long jobId, TimeSpan timeout, string? lastStatus)
            : base($"Migration job {jobId} was still running (status '{lastStatus}') after {timeout}; it may still finish: poll its state again later.")
        {
            JobId = jobId;
            Timeout = timeout;
            LastStatus = lastStatus;
        }

        /// <summary>The job's id.</summary>
        public long JobId { get; }

        /// <summary>How long the wait lasted.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>The job's last status.</summary>
        public string? LastStatus { get; }
    }
}
