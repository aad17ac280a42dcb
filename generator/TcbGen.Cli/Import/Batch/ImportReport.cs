using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TcbGen.Cli.Import.Batch
{
    /// <summary>
    /// The one report of a run over several pages: a row per page (endpoint, HTTP path, fields, errcodes, decisions,
    /// warnings, and where the spec went or why the page failed), each page's warnings, then the totals.
    /// </summary>
    internal static class ImportReport
    {
        public static void Write(TextWriter output, IReadOnlyList<PageOutcome> outcomes)
        {
            var rows = outcomes.Select(o => new[]
            {
                o.Page,
                o.Spec?.Name ?? "-",
                o.Spec is { } s && s.Path.Length > 0 ? $"{s.Method} {s.Path}" : "-",
                o.Spec is { } f ? Count(f.Request) + Count(f.Response) + string.Empty : "-",
                o.Spec is { } e ? e.Errors.Count + string.Empty : "-",
                o.Spec is { } d ? d.Decisions.Count + string.Empty : "-",
                o.Warnings.Count + string.Empty,
                o.Imported ? "wrote " + o.WrittenTo : "FAILED: " + o.Failure,
            }).ToList();
            WriteTable(output, new[] { "page", "endpoint", "http", "fields", "errcodes", "decisions", "warnings", "result" }, rows);

            foreach (PageOutcome outcome in outcomes.Where(o => o.Warnings.Count > 0))
            {
                output.WriteLine();
                output.WriteLine($"{outcome.Page}:");
                foreach (string warning in outcome.Warnings)
                {
                    output.WriteLine("  warning: " + warning);
                }
            }

            int imported = outcomes.Count(o => o.Imported);
            output.WriteLine();
            output.WriteLine($"Total: {outcomes.Count} page(s): {imported} imported ({outcomes.Count(o => o.Imported && o.Warnings.Count > 0)} with warnings, {outcomes.Where(o => o.Imported).Sum(o => o.Warnings.Count)} warnings), {outcomes.Count - imported} failed.");
            if (imported > 0)
            {
                output.WriteLine("Review each spec's \"decisions\" list before using it.");
            }
        }

        private static int Count(IEnumerable<ImportedField> fields) => fields.Sum(f => 1 + Count(f.Fields));

        private static void WriteTable(TextWriter output, string[] header, List<string[]> rows)
        {
            int[] widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
            output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
            output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (string[] row in rows)
            {
                output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
            }
        }
    }
}
