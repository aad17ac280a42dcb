namespace TcbGen.Runtime.Transfers
{
    /// <summary>
    /// A response that started a database import or export job: a spec with <c>"followUp": "migrationJob"</c>
    /// (<c>dbimport</c>, <c>dbexport</c>, <c>databasemigrateimport</c>, <c>databasemigrateexport</c>). Used by
    /// <see cref="TcbTransfers.RunMigrationJobAsync{TJob, TState}"/>.
    /// </summary>
    public interface ITcbMigrationJob
    {
        /// <summary>The job's id (<c>job_id</c>).</summary>
        long? JobId { get; }
    }
}
