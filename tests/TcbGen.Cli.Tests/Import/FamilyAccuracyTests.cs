using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using TcbGen.Cli.Diff;
using TcbGen.Cli.Import;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// The importer on the cloud-development families' real pages (specs/cloudbase-*/pages: each rendering as the search
    /// tool stored it, most of them cut), scored against the reviewed spec beside them on fields, types, required-ness and
    /// errcodes, counting only the rows the stored text can hold. Prints a table per page and the mean per page shape (kept in
    /// the tool's README), and holds the stored raw import (<c>*.imported.json</c>) to what the importer gives today:
    /// <c>TCBGEN_UPDATE_SNAPSHOTS=1</c> rewrites them.
    /// </summary>
    public sealed class FamilyAccuracyTests
    {
        /// <summary>
        /// The means reached today per shape (md 0.952, html 0.982, legacy 0.974, en 0.880); the goal (issue 22) is 0.95
        /// for .md and 0.90 for .html. A spec field counts only where the stored text can hold its row (PageRows). en is
        /// 0.88 since setPermission's rule became JSON text, which its only (en, cut) rendering cannot show.
        /// </summary>
        private static readonly Dictionary<string, double> Floors = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["md"] = 0.95,
            ["html"] = 0.97,
            ["legacy"] = 0.96,
            ["en"] = 0.88,
        };

        private readonly ITestOutputHelper _output;

        public FamilyAccuracyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void TheFamiliesPagesImportCloseToTheReviewedSpecs()
        {
            string root = Path.Combine(AppContext.BaseDirectory, "built-in-specs");
            var rows = new List<(string Page, string Shape, ImportScore? Score, string Note)>();
            var stale = new List<string>();
            bool update = Environment.GetEnvironmentVariable("TCBGEN_UPDATE_SNAPSHOTS") == "1";
            foreach (string page in Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "pages" && (f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal)) && !f.EndsWith(".import-error.txt", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal))
            {
                string file = Path.GetFileName(page);
                string[] parts = file.Split('.');
                string name = parts[0];
                string shape = parts[1];
                string family = Path.GetDirectoryName(Path.GetDirectoryName(page))!;
                string specPath = Path.Combine(family, name + ".tcb.json");
                string text = File.ReadAllText(page);
                ImportedSpec imported = PageImporter.Import(text);
                string relative = Path.GetRelativePath(root, page);
                if (!PageImporter.IsEndpoint(imported))
                {
                    rows.Add((relative, shape, null, "not read as an endpoint page"));
                    continue;
                }

                string json = SpecWriter.Write(imported, null);
                CheckStoredImport(page, json, update, stale);
                ImportScore score = ImportScore.Compare(File.ReadAllText(specPath), json, text, TypeLibrary.Around(specPath));
                rows.Add((relative, shape, score, score.Wrong.Count > 0 ? score.Wrong[0] : string.Empty));
            }

            Print(rows);
            Assert.True(rows.Count >= 100, $"the families' stored pages are there ({rows.Count})");
            Assert.True(stale.Count == 0, "Stored imports differ from what the importer gives today (run with TCBGEN_UPDATE_SNAPSHOTS=1 and review): " + string.Join(", ", stale));
            foreach (KeyValuePair<string, double> floor in Floors)
            {
                double mean = Mean(rows.Where(r => r.Shape == floor.Key));
                Assert.True(mean >= floor.Value, $"{floor.Key} pages: mean {mean:F3} fell below {floor.Value:F3}");
            }
        }

        private static void CheckStoredImport(string page, string json, bool update, List<string> stale)
        {
            string stored = Path.ChangeExtension(page, ".imported.json");
            string source = Path.Combine(SourceDirectory(page), Path.GetFileName(stored));
            if (update)
            {
                File.WriteAllText(source, json);
            }
            else if (!File.Exists(stored) || File.ReadAllText(stored).Replace("\r\n", "\n", StringComparison.Ordinal) != json)
            {
                stale.Add(Path.GetFileName(stored));
            }
        }

        /// <summary>The page's folder in the repository (the test reads a copy in its output folder).</summary>
        private static string SourceDirectory(string page)
        {
            string family = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(page)))!;
            return Path.Combine(Repository.Root, "specs", family, "pages");
        }

        private static double Mean(IEnumerable<(string Page, string Shape, ImportScore? Score, string Note)> rows)
        {
            double[] shares = rows.Select(r => r.Score?.Share ?? 0).ToArray();
            return shares.Length == 0 ? 1 : shares.Average();
        }

        private void Print(List<(string Page, string Shape, ImportScore? Score, string Note)> rows)
        {
            _output.WriteLine("| shape | pages | mean | fields right | errcodes right | paths right |");
            _output.WriteLine("|---|---|---|---|---|---|");
            foreach (IGrouping<string, (string Page, string Shape, ImportScore? Score, string Note)> shape in rows.GroupBy(r => r.Shape).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                ImportScore[] scored = shape.Where(r => r.Score != null).Select(r => r.Score!).ToArray();
                _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {shape.Key} | {shape.Count()} | {Mean(shape):F3} | {scored.Sum(s => s.FieldsRight)}/{scored.Sum(s => s.Fields)} | {scored.Sum(s => s.CodesRight)}/{scored.Sum(s => s.Codes)} | {scored.Count(s => s.PathRight)}/{shape.Count()} |"));
            }

            _output.WriteLine(string.Empty);
            _output.WriteLine("Worst 10:");
            _output.WriteLine("| page | score | first miss |");
            _output.WriteLine("|---|---|---|");
            foreach ((string page, _, ImportScore? score, string note) in rows.OrderBy(r => r.Score?.Share ?? 0).ThenBy(r => r.Page, StringComparer.Ordinal).Take(10))
            {
                _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {page} | {score?.Share ?? 0:F2} | {note.Replace("|", "\\|", StringComparison.Ordinal)} |"));
            }

            _output.WriteLine(string.Empty);
            _output.WriteLine("All pages, with every miss:");
            foreach ((string page, _, ImportScore? score, _) in rows)
            {
                _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {page}: {score?.Share ?? 0:F2} ({score?.FieldsRight}/{score?.Fields} fields, {score?.CodesRight}/{score?.Codes} errcodes)"));
                foreach (string miss in score?.Wrong ?? Array.Empty<string>())
                {
                    _output.WriteLine("    " + miss);
                }

                if (score?.NotHeld.Count > 0)
                {
                    _output.WriteLine("    not counted (named, but the text cannot hold the row): " + string.Join(", ", score.NotHeld));
                }
            }
        }
    }
}
