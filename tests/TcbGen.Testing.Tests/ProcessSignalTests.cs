using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>
    /// The emulator lives inside someone else's process, so Ctrl+C and SIGTERM stay that process's business:
    /// a signal the application handles must not stop the emulator behind its back.
    /// </summary>
    public sealed class ProcessSignalTests
    {
        [Fact]
        public async Task TheEmulatorDoesNotSwallowSigterm()
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            {
                return; // POSIX signals only.
            }

            // Handlers registered later run first and share one context: if the emulator's host claimed SIGTERM,
            // this handler (registered before the emulator starts) finds the signal already marked as handled,
            // which in a real process means SIGTERM no longer stops it.
            var received = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using PosixSignalRegistration registration = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                bool alreadyHandled = context.Cancel;
                context.Cancel = true; // Keep the test process alive.
                received.TrySetResult(alreadyHandled);
            });
            await using Session session = await Session.StartAsync();

            Assert.Equal(0, Kill(Environment.ProcessId, 15));
            bool swallowed = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.False(swallowed, "something in the emulator handled SIGTERM for the whole process");
            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}");
            Assert.Equal(0, response.Errcode);
        }

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static extern int Kill(int pid, int signal);
    }
}
