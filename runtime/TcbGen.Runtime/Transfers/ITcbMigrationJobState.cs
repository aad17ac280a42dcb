namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// The state of a database import or export job: a spec with <c>"followUp": "migrationJobState"</c>
    /// (<c>dbmigrationstate</c>, <c>databasemigratequeryinfo</c>). Polled by
    /// <see cref="TcbTransfers.WaitForMigrationJobAsync{TState}"/>.
    /// </summary>
    public interface ITcbMigrationJobState
    {
        /// <summary>The job's status (<c>status</c>): <c>success</c> and <c>fail</c> end it; anything else means it is still running.</summary>
        string? Status { get; }

        /// <summary>The job's message (<c>error_msg</c>), e.g. why it failed.</summary>
        string? ErrorMessage { get; }

        /// <summary>How many records went through (<c>record_success</c>).</summary>
        long? RecordSuccess { get; }

        /// <summary>How many records failed (<c>record_fail</c>).</summary>
        long? RecordFail { get; }

        /// <summary>An export's file address (<c>file_url</c>).</summary>
        string? FileUrl { get; }
    }
}
