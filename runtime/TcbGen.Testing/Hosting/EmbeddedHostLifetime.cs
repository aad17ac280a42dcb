using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace TcbGen.Testing.Hosting
{
    /// <summary>
    /// The emulator runs inside someone else's process (a test run, a sample), so it must not do what the
    /// default ConsoleLifetime does: take over Ctrl+C and SIGTERM for the whole process. Signals stay the
    /// application's; the emulator stops when it is disposed.
    /// </summary>
    internal sealed class EmbeddedHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
