using System.Collections.Generic;

namespace TcbGen.Testing.Storage
{
    /// <summary>One emulated migration job: an import reads a stored file, an export writes one.</summary>
    internal sealed class MigrationJob
    {
        public MigrationJob(long id, string env, string path, bool isImport, string? failure, long records)
        {
            Id = id;
            Env = env;
            Path = path;
            IsImport = isImport;
            Failure = failure;
            Records = records;
        }

        public long Id { get; }

        public string Env { get; }

        public string Path { get; }

        public bool IsImport { get; }

        /// <summary>Why the job fails (an import whose file is not in storage), or null.</summary>
        public string? Failure { get; }

        public long Records { get; }

        /// <summary>How often its state was read: the first read sees it running, later ones see it ended.</summary>
        public int Reads { get; set; }
    }

    /// <summary>The jobs migration start calls created, by environment and id. Thread-safe through the owner's lock.</summary>
    internal sealed class MigrationJobs
    {
        // Far from the pages' example ids (100071736, 100074947), so an example's job id keeps its canned answer.
        private long _nextId = 900000000;
        private readonly Dictionary<(string Env, long Id), MigrationJob> _jobs = new Dictionary<(string, long), MigrationJob>();

        public MigrationJob Start(string env, string path, bool isImport, string? failure, long records)
        {
            var job = new MigrationJob(++_nextId, env, path, isImport, failure, records);
            _jobs[(env, job.Id)] = job;
            return job;
        }

        public MigrationJob? Find(string env, long id) => _jobs.TryGetValue((env, id), out MigrationJob? job) ? job : null;

        public void Clear() => _jobs.Clear();
    }
}
