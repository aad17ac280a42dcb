using System.Collections.Generic;

namespace TcbGen.Cli.Import.Batch
{
    /// <summary>What importing one page came to: the spec it gave and where it was written, or why it failed.</summary>
    internal sealed record PageOutcome(string Page, ImportedSpec? Spec, string? WrittenTo, string? Failure, IReadOnlyList<string> Warnings)
    {
        /// <summary>True when the page's spec was imported and written (or printed).</summary>
        public bool Imported => Failure == null;
    }
}
