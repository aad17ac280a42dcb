using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using TcbGen.Cli.Import;
using TcbGen.Cli.Import.Batch;

namespace TcbGen.Cli.Commands
{
    /// <summary>
    /// <c>tcbgen import &lt;page|dir&gt;... [-o file|dir] [--schema value] [--force]</c>: doc pages in, specs out, every guess
    /// listed for review. One page without <c>-o</c> prints its spec; several pages (a folder, or a list) write one spec
    /// per endpoint and one report. Exit codes: 0 every page imported, 1 a page failed (not an endpoint page, or its
    /// spec was not written because the file exists or another page of the run wrote it), 2 a usage error.
    /// </summary>
    internal static class ImportCommand
    {
        private static readonly string[] PageExtensions = { ".md", ".txt", ".html", ".htm" };

        public static Command Create()
        {
            var pages = new Argument<string[]>("pages") { Description = "WeChat doc pages saved as Markdown, HTML or rendered text, or folders of them (their .md, .txt, .html and .htm files).", Arity = ArgumentArity.OneOrMore };
            var output = new Option<string?>("--output", "-o") { Description = "One page: the spec file, or a folder for <name>.tcb.json. Several pages: the folder for the specs, created if missing. [default: standard output for one page, beside each page for several]" };
            var schema = new Option<string?>("--schema") { Description = "A $schema value to write into each spec, e.g. ./schema/tcb-endpoint.schema.json; tcbgen init maps *.tcb.json to the schema without it. [default: none]" };
            var force = new Option<bool>("--force") { Description = "Overwrite spec files that exist before the run; a spec another page of the same run wrote is never overwritten. [default: off, leave them and fail that page]" };
            var command = new Command("import", "Import WeChat doc pages into *.tcb.json specs, listing every decision for review.") { pages, output, schema, force };
            command.SetAction(result =>
            {
                TextWriter stdout = result.InvocationConfiguration.Output;
                TextWriter stderr = result.InvocationConfiguration.Error;
                try
                {
                    return Run(result.GetValue(pages)!, result.GetValue(output), new ImportRun(result.GetValue(schema), result.GetValue(force)), stdout, stderr);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine("tcbgen import: " + exception.Message);
                    return ExitCodes.Usage;
                }
            });
            return command;
        }

        private static int Run(string[] given, string? output, ImportRun run, TextWriter stdout, TextWriter stderr)
        {
            string? missing = given.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
            if (missing != null)
            {
                return Usage(stderr, $"no file or directory '{missing}'.");
            }

            if (given.Length == 1 && File.Exists(given[0]))
            {
                return ImportOne(given[0], output, run, stdout, stderr);
            }

            var files = new List<string>();
            foreach (string path in given)
            {
                string[] found = Directory.Exists(path) ? Pages(path) : new[] { path };
                if (found.Length == 0)
                {
                    return Usage(stderr, $"no pages ({string.Join(", ", PageExtensions)}) in '{path}'.");
                }

                files.AddRange(found);
            }

            if (output != null && File.Exists(output))
            {
                return Usage(stderr, $"'{output}' is a file; with several pages, -o names the folder for the specs.");
            }

            if (output != null)
            {
                Directory.CreateDirectory(output);
            }

            var outcomes = new List<PageOutcome>();
            for (int i = 0; i < files.Count; i++)
            {
                stderr.WriteLine($"[{i + 1}/{files.Count}] {files[i]}");
                PageOutcome outcome = run.Import(files[i], output ?? Path.GetDirectoryName(Path.GetFullPath(files[i]))!);
                if (!outcome.Imported)
                {
                    stderr.WriteLine($"tcbgen import: {files[i]}: {outcome.Failure}");
                }

                outcomes.Add(outcome);
            }

            ImportReport.Write(stdout, outcomes);
            return outcomes.All(o => o.Imported) ? ExitCodes.Clean : ExitCodes.Findings;
        }

        private static int ImportOne(string page, string? output, ImportRun run, TextWriter stdout, TextWriter stderr)
        {
            if (output == null)
            {
                ImportedSpec spec = PageImporter.Import(File.ReadAllText(page));
                if (!PageImporter.IsEndpoint(spec))
                {
                    stderr.WriteLine($"tcbgen import: '{page}' cannot be read as a WeChat endpoint page: it names no interface and no 'POST https://api.weixin.qq.com/...' line.");
                    return ExitCodes.Findings;
                }

                string text = SpecWriter.Write(spec, run.Schema);
                stdout.Write(text);
                Review(stderr, stderr, spec, spec.Warnings.Concat(ImportRun.CheckWarnings(spec.Name + ".tcb.json", text)));
                return ExitCodes.Clean;
            }

            bool toDirectory = Directory.Exists(output);
            string? parent = toDirectory ? output : Path.GetDirectoryName(Path.GetFullPath(output));
            if (parent == null || !Directory.Exists(parent))
            {
                return Usage(stderr, $"no directory '{Path.GetDirectoryName(output)}' for '{output}'; create it first, or give an existing folder with -o.");
            }

            PageOutcome outcome = run.Import(page, toDirectory ? output : parent, toDirectory ? null : output);
            if (!outcome.Imported)
            {
                stderr.WriteLine($"tcbgen import: {page}: {outcome.Failure}");
                return ExitCodes.Findings;
            }

            stdout.WriteLine($"Wrote {outcome.WrittenTo} ({outcome.Spec!.Name}: {outcome.Spec.Method} {outcome.Spec.Path}).");
            Review(stdout, stderr, outcome.Spec, outcome.Warnings);
            return ExitCodes.Clean;
        }

        private static string[] Pages(string directory)
            => Directory.EnumerateFiles(directory)
                .Where(f => PageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        /// <summary>The decisions, for review, then the warnings (always on standard error).</summary>
        private static void Review(TextWriter decisions, TextWriter stderr, ImportedSpec spec, IEnumerable<string> warnings)
        {
            decisions.WriteLine($"Decisions to review ({spec.Decisions.Count}; also written into the spec's \"decisions\"):");
            foreach (string decision in spec.Decisions)
            {
                decisions.WriteLine("  - " + decision);
            }

            foreach (string warning in warnings)
            {
                stderr.WriteLine("warning: " + warning);
            }
        }

        private static int Usage(TextWriter stderr, string message)
        {
            stderr.WriteLine("tcbgen import: " + message);
            return ExitCodes.Usage;
        }
    }
}
