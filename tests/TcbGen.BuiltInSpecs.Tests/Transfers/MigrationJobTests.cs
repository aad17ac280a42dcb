using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.BuiltInSpecs.Tests.Tcb;
using TcbGen.Runtime.Transfers;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests.Transfers
{
    /// <summary>Database import and export jobs, started and polled to the end through the generated clients.</summary>
    public sealed class MigrationJobTests : IClassFixture<EmulatorClients>
    {
        private const string Env = "jobs-env-1";

        private readonly EmulatorClients _clients;

        /// <summary>Takes the emulator and clients the class shares.</summary>
        /// <param name="clients">The emulator and the generated clients.</param>
        public MigrationJobTests(EmulatorClients clients) => _clients = clients;

        /// <summary>dbexport then dbmigrationstate: running, then success with the export's file address.</summary>
        [Fact]
        public async Task AnExportRunsToSuccess()
        {
            int reads = 0;
            GetMigrationStateResponse state = await TransferHelpers.Create(_clients).RunMigrationJobAsync(
                ct => _clients.Component.DbExportAsync(new DbExportRequest { Env = Env, FilePath = "exports/users.json", FileType = BatchDbFileType.Json, Query = "db.collection('users').get()" }, ct),
                (id, ct) =>
                {
                    reads++;
                    return _clients.Component.GetMigrationStateAsync(new GetMigrationStateRequest { Env = Env, JobId = id }, ct);
                });

            Assert.Equal("success", state.Status);
            Assert.Equal(2, reads);
            Assert.NotNull(state.FileUrl);
        }

        /// <summary>A file uploaded first, then databasemigrateimport of it: success, one record per line.</summary>
        [Fact]
        public async Task AnImportOfAnUploadedFileSucceeds()
        {
            TcbTransfers transfers = TransferHelpers.Create(_clients);
            await transfers.UploadFileAsync(
                ct => _clients.Authorizer.GetUploadTcbFileLinkAsync(new GetUploadTcbFileLinkRequest { Env = Env, Path = "imports/users.json" }, ct),
                "imports/users.json",
                new MemoryStream(Encoding.UTF8.GetBytes("{\"_id\":\"1\"}\n{\"_id\":\"2\"}\n{\"_id\":\"3\"}\n")));

            GetDatabaseMigrateStatusResponse state = await transfers.RunMigrationJobAsync(
                ct => _clients.Authorizer.ImportDatabaseItemAsync(Import("imports/users.json"), ct),
                (id, ct) => _clients.Authorizer.GetDatabaseMigrateStatusAsync(new GetDatabaseMigrateStatusRequest { Env = Env, JobId = id }, ct));

            Assert.Equal(("success", 3), (state.Status, state.RecordSuccess));
        }

        /// <summary>An import of a file never uploaded: the job fails, surfaced as a typed error with its message.</summary>
        [Fact]
        public async Task AJobThatFailsIsATypedError()
        {
            TcbMigrationJobFailedException failed = await Assert.ThrowsAsync<TcbMigrationJobFailedException>(() => TransferHelpers.Create(_clients).RunMigrationJobAsync(
                ct => _clients.Authorizer.ImportDatabaseItemAsync(Import("imports/missing.json"), ct),
                (id, ct) => _clients.Authorizer.GetDatabaseMigrateStatusAsync(new GetDatabaseMigrateStatusRequest { Env = Env, JobId = id }, ct)));

            Assert.Equal("fail", failed.State.Status);
            Assert.Contains("imports/missing.json", failed.State.ErrorMessage, StringComparison.Ordinal);
        }

        /// <summary>A job that stays running: the wait gives up after its timeout; a cancelled wait stops at once.</summary>
        [Fact]
        public async Task AJobThatNeverEndsTimesOutOrIsCancelled()
        {
            _clients.Emulator.ScriptResponse("getMigrationState", "{\"errcode\":0,\"errmsg\":\"ok\",\"status\":\"migrating\"}", times: 1000);
            try
            {
                TcbMigrationJobTimeoutException timeout = await Assert.ThrowsAsync<TcbMigrationJobTimeoutException>(() =>
                    TransferHelpers.Create(_clients, TimeSpan.FromMilliseconds(300)).WaitForMigrationJobAsync(
                        (id, ct) => _clients.Component.GetMigrationStateAsync(new GetMigrationStateRequest { Env = Env, JobId = id }, ct), 42));
                Assert.Equal(("migrating", 42L), (timeout.LastStatus, timeout.JobId));

                using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                    TransferHelpers.Create(_clients).WaitForMigrationJobAsync(
                        (id, ct) => _clients.Component.GetMigrationStateAsync(new GetMigrationStateRequest { Env = Env, JobId = id }, ct), 43, cancel.Token));
            }
            finally
            {
                _clients.Emulator.ClearFaults();
            }
        }

        private static ImportDatabaseItemRequest Import(string path) => new ImportDatabaseItemRequest
        {
            Env = Env,
            CollectionName = "users",
            FilePath = path,
            FileType = DatabaseMigrateFileType.Json,
            StopOnError = false,
            ConflictMode = ImportDatabaseConflictMode.Upsert,
        };
    }
}
