using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using TcbGen.Cli.Diff;
using TcbGen.Cli.Import;

namespace TcbGen.Cli.Commands
{
    /// <summary>
    /// <c>tcbgen diff &lt;spec&gt; &lt;page&gt; [--format text|json]</c>: imports the page and reports what it adds, removes
    /// or changes against the reviewed spec, leaving aside what the spec's decisions settle. Exit codes: 0 the same,
    /// 1 differences, 2 a usage error (a missing file, a spec that is not JSON, a page that is no endpoint page).
    /// </summary>
    internal static class DiffCommand
    {
        public static Command Create()
        {
            var spec = new Argument<string>("spec") { Description = "The reviewed *.tcb.json spec. Its ref types and error sets are looked up in the spec files of its folder and the folder above." };
            var page = new Argument<string>("page") { Description = "The endpoint's doc page of the day, saved as Markdown, HTML or rendered text." };
            var format = new Option<string>("--format") { Description = "text (one line per difference) or json.", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            var command = new Command("diff", "Report what a doc page adds, removes or changes against a reviewed spec (exit 1 when it differs).") { spec, page, format };
            command.SetAction(result =>
            {
                TextWriter stdout = result.InvocationConfiguration.Output;
                TextWriter stderr = result.InvocationConfiguration.Error;
                string specPath = result.GetValue(spec)!;
                string pagePath = result.GetValue(page)!;
                foreach (string path in new[] { specPath, pagePath })
                {
                    if (!File.Exists(path))
                    {
                        stderr.WriteLine($"tcbgen diff: no file '{path}'.");
                        return ExitCodes.Usage;
                    }
                }

                SpecFacts reviewed;
                try
                {
                    reviewed = SpecFacts.Read(File.ReadAllText(specPath), TypeLibrary.Around(specPath));
                }
                catch (JsonException exception)
                {
                    stderr.WriteLine($"tcbgen diff: '{specPath}' is not JSON ({exception.Message}); run tcbgen check on it.");
                    return ExitCodes.Usage;
                }

                ImportedSpec imported = PageImporter.Import(File.ReadAllText(pagePath));
                if (!PageImporter.IsEndpoint(imported))
                {
                    stderr.WriteLine($"tcbgen diff: '{pagePath}' cannot be read as a WeChat endpoint page: it names no interface and no 'POST https://api.weixin.qq.com/...' line.");
                    return ExitCodes.Usage;
                }

                foreach (string name in reviewed.UnresolvedReferences)
                {
                    stderr.WriteLine($"warning: the spec's ref '{name}' names no type in its folder or the folder above; its fields are compared as 'ref:{name}'.");
                }

                foreach (string warning in imported.Warnings)
                {
                    stderr.WriteLine("warning: " + warning);
                }

                IReadOnlyList<SpecDifference> differences = SpecComparer.Compare(reviewed, SpecFacts.Read(SpecWriter.Write(imported, null), TypeLibrary.Empty));
                if (result.GetValue(format) == "json")
                {
                    DiffReport.WriteJson(stdout, specPath, pagePath, differences);
                }
                else
                {
                    DiffReport.WriteText(stdout, specPath, pagePath, differences);
                }

                return differences.Any(d => !d.Decided) ? ExitCodes.Findings : ExitCodes.Clean;
            });
            return command;
        }
    }
}
