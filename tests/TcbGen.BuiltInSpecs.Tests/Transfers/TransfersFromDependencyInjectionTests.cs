using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TcbGen.BuiltInSpecs.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Runtime.Transfers;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests.Transfers
{
    /// <summary>
    /// <see cref="TcbTransfers"/> as an application gets it: from <c>AddTcbGen</c>, set through
    /// <see cref="TcbTransferOptions"/>, with its own HttpClient, used against the emulator beside the generated clients.
    /// </summary>
    public sealed class TransfersFromDependencyInjectionTests : IClassFixture<EmulatorClients>
    {
        private const string Env = "di-transfers-env";

        private readonly EmulatorClients _clients;

        /// <summary>Takes the emulator the class shares.</summary>
        /// <param name="clients">The emulator and the generated clients.</param>
        public TransfersFromDependencyInjectionTests(EmulatorClients clients) => _clients = clients;

        /// <summary>An upload, then an import job of it polled to success, through the resolved helpers.</summary>
        [Fact]
        public async Task TheResolvedHelpersUploadAndRunAJob()
        {
            await using ServiceProvider services = Services(_clients.Emulator.FunctionApiAddress);
            TcbTransfers transfers = services.GetRequiredService<TcbTransfers>();
            ITcbAuthorizerClient client = services.GetRequiredService<ITcbAuthorizerClientFactory>().For(EmulatorClients.AuthorizerAppId);
            byte[] content = Encoding.UTF8.GetBytes("{\"_id\":\"1\"}\n{\"_id\":\"2\"}\n");

            string fileId = await transfers.UploadFileAsync(
                ct => client.GetUploadTcbFileLinkAsync(new GetUploadTcbFileLinkRequest { Env = Env, Path = "di/users.json" }, ct),
                "di/users.json",
                new MemoryStream(content));
            GetDatabaseMigrateStatusResponse state = await transfers.RunMigrationJobAsync(
                ct => client.ImportDatabaseItemAsync(new ImportDatabaseItemRequest { Env = Env, CollectionName = "users", FilePath = "di/users.json", FileType = DatabaseMigrateFileType.Json, StopOnError = false, ConflictMode = ImportDatabaseConflictMode.Upsert }, ct),
                (id, ct) => client.GetDatabaseMigrateStatusAsync(new GetDatabaseMigrateStatusRequest { Env = Env, JobId = id }, ct));

            Assert.StartsWith($"cloud://{Env}.", fileId, StringComparison.Ordinal);
            Assert.Equal(("success", 2), (state.Status, state.RecordSuccess));
        }

        /// <summary>The options the application sets reach the helpers; the clock is the application's TimeProvider.</summary>
        [Fact]
        public async Task TheOptionsAndTheClockAreTheApplications()
        {
            var clock = new StoppedClock();
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(clock);
            services.AddTcbGen(options => options.BaseAddress = _clients.Emulator.BaseAddress);
            services.Configure<TcbTransferOptions>(options => options.MigrationTimeout = TimeSpan.FromSeconds(42));
            await using ServiceProvider provider = services.BuildServiceProvider();

            TcbTransferOptions options = provider.GetRequiredService<IOptions<TcbTransferOptions>>().Value;

            Assert.Same(clock, options.TimeProvider);
            Assert.Equal(TimeSpan.FromSeconds(42), options.MigrationTimeout);
            Assert.NotSame(provider.GetRequiredService<TcbTransfers>(), provider.GetRequiredService<TcbTransfers>());
        }

        private ServiceProvider Services(Uri functionApi)
        {
            var services = new ServiceCollection();
            services.AddTcbGen(options => options.BaseAddress = _clients.Emulator.BaseAddress)
                .UseAccessTokens((key, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken(_clients.Emulator.IssueToken(key.Kind.Name, key.AppId), null)))
                .AddTcbClients();
            services.Configure<TcbTransferOptions>(options =>
            {
                options.FunctionApiAddress = functionApi;
                options.MigrationPollInterval = TimeSpan.FromMilliseconds(20);
                options.MigrationTimeout = TimeSpan.FromSeconds(10);
            });
            return services.BuildServiceProvider();
        }

        /// <summary>A clock of its own, told apart from <see cref="TimeProvider.System"/> by reference.</summary>
        private sealed class StoppedClock : TimeProvider
        {
        }
    }
}
