using System;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime.Transfers
{
    public sealed partial class TcbTransfers
    {
        /// <summary>The status of a job that finished (<c>success</c>).</summary>
        public const string MigrationSucceeded = "success";

        /// <summary>The status of a job that failed (<c>fail</c>).</summary>
        public const string MigrationFailed = "fail";

        /// <summary>
        /// Starts a database import or export job and waits for it: <paramref name="start"/>, then
        /// <see cref="WaitForMigrationJobAsync{TState}"/> with its <c>job_id</c>.
        /// </summary>
        /// <typeparam name="TJob">A response with <c>"followUp": "migrationJob"</c>, e.g. DbImportResponse.</typeparam>
        /// <typeparam name="TState">A response with <c>"followUp": "migrationJobState"</c>, e.g. GetMigrationStateResponse.</typeparam>
        /// <param name="start">The generated call that starts the job, e.g. <c>ct => client.DbExportAsync(request, ct)</c>.</param>
        /// <param name="getState">The generated call that reads a job's state, e.g.
        /// <c>(id, ct) => client.GetMigrationStateAsync(new() { Env = env, JobId = id }, ct)</c>.</param>
        /// <param name="cancellationToken">Cancels the start or the wait.</param>
        /// <returns>The job's final state (status <c>success</c>).</returns>
        /// <exception cref="TcbMigrationJobFailedException">The job ended with status <c>fail</c>.</exception>
        /// <exception cref="TcbMigrationJobTimeoutException">The job still ran after <see cref="TcbTransferOptions.MigrationTimeout"/>.</exception>
        public async Task<TState> RunMigrationJobAsync<TJob, TState>(Func<CancellationToken, Task<TJob>> start, Func<long, CancellationToken, Task<TState>> getState, CancellationToken cancellationToken = default)
            where TJob : ITcbMigrationJob
            where TState : ITcbMigrationJobState
        {
            TJob job = await GetTicketAsync(start, cancellationToken).ConfigureAwait(false);
            long jobId = job.JobId ?? throw new TcbTransferException("migration job", 0, null, "the start call's response has no 'job_id'");
            return await WaitForMigrationJobAsync(getState, jobId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads a job's state every <see cref="TcbTransferOptions.MigrationPollInterval"/> until its status is <c>success</c>
        /// (returned) or <c>fail</c> (thrown), for at most <see cref="TcbTransferOptions.MigrationTimeout"/>.
        /// </summary>
        /// <typeparam name="TState">A response with <c>"followUp": "migrationJobState"</c>.</typeparam>
        /// <param name="getState">The generated call that reads the job's state.</param>
        /// <param name="jobId">The job's id.</param>
        /// <param name="cancellationToken">Cancels the wait (the job itself goes on).</param>
        /// <returns>The job's final state.</returns>
        /// <exception cref="TcbMigrationJobFailedException">The job ended with status <c>fail</c>.</exception>
        /// <exception cref="TcbMigrationJobTimeoutException">The job still ran after the timeout.</exception>
        public async Task<TState> WaitForMigrationJobAsync<TState>(Func<long, CancellationToken, Task<TState>> getState, long jobId, CancellationToken cancellationToken = default)
            where TState : ITcbMigrationJobState
        {
            if (getState == null)
            {
                throw new ArgumentNullException(nameof(getState));
            }

            TimeProvider clock = _options.TimeProvider;
            long started = clock.GetTimestamp();
            while (true)
            {
                TState state = await getState(jobId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The state call returned null.");
                if (string.Equals(state.Status, MigrationSucceeded, StringComparison.OrdinalIgnoreCase))
                {
                    return state;
                }

                if (string.Equals(state.Status, MigrationFailed, StringComparison.OrdinalIgnoreCase))
                {
                    throw new TcbMigrationJobFailedException(jobId, state);
                }

                TimeSpan left = _options.MigrationTimeout - clock.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    throw new TcbMigrationJobTimeoutException(jobId, _options.MigrationTimeout, state.Status);
                }

                TimeSpan wait = _options.MigrationPollInterval < left ? _options.MigrationPollInterval : left;
#if NET8_0_OR_GREATER
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
#else
                await clock.Delay(wait, cancellationToken).ConfigureAwait(false);
#endif
            }
        }
    }
}
