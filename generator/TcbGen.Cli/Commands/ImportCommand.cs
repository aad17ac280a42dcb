using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using TcbGen.Cli.Import;
using TcbGen.Specs.Model;
using TcbGen.Specs;

namespace TcbGen.Cli.Commands
{
    /// <summary><c>tcbgen import &lt;page|dir&gt; [-o file|dir]</c>: doc pages in, specs out, every guess listed for review.</summary>
    internal static class ImportCommand
    {
        private static readonly string[] PageExtensions = { ".md", ".txt", ".html", ".htm" };

        public static Command Create()
        {
            var page = new Argument<string>("page") { Description = "A WeChat doc page saved as Markdown, HTML or rendered text; or a directory of them." };
            var output = new Option<string?>("--output", "-o") { Description = "Where to write the spec (a directory when importing a directory). Default: standard output for a page, the page's directory for a directory." };
            var schema = new Option<string?>("--schema") { Description = "A $schema value to write into the spec, e.g. ./schema/tcb-endpoint.schema.json. Default: none (tcbgen init maps *.tcb.json to the schema)." };
            var command = new Command("import", "Import a WeChat doc page into a *.tcb.json spec.") { page, output, schema };
            command.SetAction(result =>
            {
                TextWriter stdout = result.InvocationConfiguration.Output;
                TextWriter stderr = result.InvocationConfiguration.Error;
                string path = result.GetValue(page)!;
                if (Directory.Exists(path))
                {
                    return ImportDirectory(path, result.GetValue(output) ?? path, result.GetValue(schema), stdout, stderr);
                }

                if (!File.Exists(path))
                {
                    stderr.WriteLine($"tcbgen import: no file or directory '{path}'.");
                    return 2;
                }

                return ImportPage(path, result.GetValue(output), result.GetValue(schema), stdout, stderr);
            });
            return command;
        }

        private static int ImportPage(string path, string? output, string? schema, TextWriter stdout, TextWriter stderr)
        {
            ImportedSpec spec = PageImporter.Import(File.ReadAllText(path));
            if (!PageImporter.IsEndpoint(spec))
            {
                stderr.WriteLine($"tcbgen import: '{path}' cannot be read as a WeChat endpoint page: it names no interface and no 'POST https://api.weixin.qq.com/...' line.");
                return 1;
            }

            string text = SpecWriter.Write(spec, schema);
            TextWriter report = output == null ? stderr : stdout;
            if (output == null)
            {
                stdout.Write(text);
            }
            else
            {
                string file = Directory.Exists(output) ? Path.Combine(output, spec.Name + ".tcb.json") : output;
                File.WriteAllText(file, text);
                report.WriteLine($"Wrote {file} ({spec.Name}: {spec.Method} {spec.Path}).");
            }

            Report(report, spec, CheckOutput(output ?? spec.Name + ".tcb.json", text));
            return 0;
        }

        private static int ImportDirectory(string directory, string output, string? schema, TextWriter stdout, TextWriter stderr)
        {
            string[] pages = Directory.EnumerateFiles(directory)
                .Where(f => PageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
            Directory.CreateDirectory(output);
            var rows = new List<string[]>();
            int unreadable = 0;
            for (int i = 0; i < pages.Length; i++)
            {
                string page = pages[i];
                stdout.Write($"[{i + 1}/{pages.Length}] {Path.GetFileName(page)} ... ");
                ImportedSpec spec = PageImporter.Import(File.ReadAllText(page));
                if (!PageImporter.IsEndpoint(spec))
                {
                    unreadable++;
                    stdout.WriteLine("not an endpoint page");
                    rows.Add(new[] { Path.GetFileName(page), "-", "-", "-", "-", "-", "not an endpoint page" });
                    continue;
                }

                string file = Path.Combine(output, spec.Name + ".tcb.json");
                string text = SpecWriter.Write(spec, schema);
                File.WriteAllText(file, text);
                IReadOnlyList<SpecDiagnostic> problems = CheckOutput(file, text);
                stdout.WriteLine($"{spec.Name}.tcb.json");
                rows.Add(new[]
                {
                    Path.GetFileName(page), spec.Name, $"{spec.Method} {spec.Path}", Count(spec.Request) + Count(spec.Response) + " fields",
                    spec.Errors.Count + " errcodes", spec.Decisions.Count + " decisions", spec.Warnings.Count + " warnings" + (problems.Count > 0 ? $", {problems.Count} check errors" : string.Empty),
                });
            }

            stdout.WriteLine();
            WriteTable(stdout, new[] { "page", "endpoint", "HTTP", "fields", "errcodes", "decisions", "warnings" }, rows);
            stdout.WriteLine($"{pages.Length - unreadable} of {pages.Length} page(s) imported into {output}. Review each spec's decisions (its \"decisions\" list).");
            return 0;
        }

        private static IReadOnlyList<SpecDiagnostic> CheckOutput(string file, string text) => SpecParser.Parse(file, text).Diagnostics.ToList();

        private static void Report(TextWriter report, ImportedSpec spec, IReadOnlyList<SpecDiagnostic> problems)
        {
            report.WriteLine($"Decisions to review ({spec.Decisions.Count}; also written into the spec's \"decisions\"):");
            foreach (string decision in spec.Decisions)
            {
                report.WriteLine("  - " + decision);
            }

            foreach (string warning in spec.Warnings)
            {
                report.WriteLine("warning: " + warning);
            }

            foreach (SpecDiagnostic problem in problems)
            {
                report.WriteLine("warning: the imported spec does not pass check yet: " + problem);
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
