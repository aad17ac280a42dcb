namespace TcbGen.Cli.Commands
{
    /// <summary>The exit codes every tcbgen command keeps to.</summary>
    internal static class ExitCodes
    {
        /// <summary>Clean: nothing to report.</summary>
        public const int Clean = 0;

        /// <summary>Findings: spec errors (check), a page that failed (import), differences (diff).</summary>
        public const int Findings = 1;

        /// <summary>A usage or environment error: a bad argument, a missing file or folder, a port in use.</summary>
        public const int Usage = 2;
    }
}
