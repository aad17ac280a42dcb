using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// <c>--code-size</c>: the generated source per spec (lines and UTF-8 bytes of every file whose hint name starts with
    /// the spec's type prefix) for the synthetic benchmark spec and the seed specs, then the shared files.
    /// </summary>
    internal static class CodeSize
    {
        public static int Run(TextWriter output, string specsDirectory)
        {
            ImmutableArray<AdditionalText> seeds = Directory.GetFiles(specsDirectory, "*.tcb.json")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)))
                .ToImmutableArray();
            AdditionalText synthetic = new InMemoryAdditionalText(SyntheticSources.SpecFileName(0), SyntheticSources.Spec(0));

            output.WriteLine("| spec | files | lines | bytes |");
            output.WriteLine("|---|---:|---:|---:|");
            Report(output, Generate(ImmutableArray.Create(synthetic)), "synthetic ");
            Report(output, Generate(seeds), "seed ");
            return 0;
        }

        private static GeneratorDriverRunResult Generate(ImmutableArray<AdditionalText> specs) =>
            Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver
                .Create(new[] { RoslynHost.TcbGenerator() }, specs, RoslynHost.ParseOptions, RoslynHost.TcbOptions, RoslynHost.DriverOptions)
                .RunGenerators(RoslynHost.Compilation(Array.Empty<SyntaxTree>(), RoslynHost.TcbReferences))
                .GetRunResult();

        private static void Report(TextWriter output, GeneratorDriverRunResult result, string label)
        {
            var groups = result.Results.SelectMany(r => r.GeneratedSources)
                .GroupBy(s => s.HintName.Substring(0, s.HintName.IndexOf('.')), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                int lines = group.Sum(s => s.SourceText.Lines.Count - 1);
                int bytes = group.Sum(s => System.Text.Encoding.UTF8.GetByteCount(s.SourceText.ToString()));
                bool shared = group.Key is "TcbClients" or "TcbErrorCode";
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0}{1} | {2} | {3:N0} | {4:N0} |", shared ? "shared " : label, group.Key, group.Count(), lines, bytes));
            }
        }
    }
}
