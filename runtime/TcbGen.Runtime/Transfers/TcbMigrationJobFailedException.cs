using System;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>A database import or export job ended with status <c>fail</c>.</summary>
    public sealed class TcbMigrationJobFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="jobId">The job's id.</param>
        /// <param name="state">The job's last state.</param>
        public TcbMigrationJobFailedException(long jobId, ITcbMigrationJobState state)
            : base($"Migration job {jobId} failed (status '{state?.Status}'): {state?.ErrorMessage ?? "no message"}; {state?.RecordSuccess ?? 0} records succeeded, {state?.RecordFail ?? 0} failed.")
        {
            JobId = jobId;
            State = state ?? throw new ArgumentNullException(nameof(state));
        }

        /// <summary>The job's id.</summary>
        public long JobId { get; }

        /// <summary>The job's last state, with its status, message and record counts.</summary>
        public ITcbMigrationJobState State { get; }
    }
}
