using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace TcbGen.Redis.Tests.Infrastructure
{
    /// <summary>
    /// SIGSTOP and SIGCONT, as a long fork, a paused VM or a debugger pause a process: its sockets stay open and nothing
    /// answers. Linux signal numbers (the Redis tests run where redis-server does).
    /// </summary>
    public static class Signals
    {
        private const int SigCont = 18;
        private const int SigStop = 19;

        public static void Pause(int processId) => Send(processId, SigStop);

        public static void Resume(int processId) => Send(processId, SigCont);

        private static void Send(int processId, int signal)
        {
            if (!OperatingSystem.IsLinux())
            {
                throw new PlatformNotSupportedException("SIGSTOP/SIGCONT are sent with Linux signal numbers.");
            }

            if (kill(processId, signal) != 0)
            {
                throw new Win32Exception(Marshal.GetLastWin32Error(), "kill(" + processId + ", " + signal + ") failed");
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);
    }
}
