using System;
using System.Collections.Generic;

namespace TcbGen.Testing
{
    /// <summary>Thrown by <see cref="WeChatEmulator.StartAsync"/> when a spec cannot be served, listing every problem found.</summary>
    public sealed class WeChatEmulatorSpecException : Exception
    {
        /// <summary>Creates the exception from the located problems, each formatted <c>path(line,col): id message</c>.</summary>
        /// <param name="diagnostics">The problems; at least one.</param>
        public WeChatEmulatorSpecException(IReadOnlyList<string> diagnostics)
            : base("The WeChat emulator cannot serve its specs:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics))
        {
            Diagnostics = diagnostics;
        }

        /// <summary>Every problem, formatted <c>path(line,col): id message</c> (for example <c>specs/a.tcb.json(3,5): TCB0002 ...</c>).</summary>
        public IReadOnlyList<string> Diagnostics { get; }
    }
}
