using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using TcbGen.Specs.Model;
using TcbGen.Specs;

namespace TcbGen.Cli.Check
{
    /// <summary>The result of checking a set of spec files: the build's diagnostics, and how many files were read.</summary>
    internal sealed record SpecCheckResult(IReadOnlyList<SpecDiagnostic> Diagnostics, IReadOnlyList<string> Files);

    /// <summary>
    /// Checks specs exactly as the build does: the same parser per file, then the same cross-spec checks with the same
    /// reserved names, over the given files plus the built-in specs a project compiles by default.
    /// </summary>
    internal static class SpecCheck
    {
        private const string BuiltInPrefix = "builtin/";

        public static SpecCheckResult Run(IEnumerable<string> files, bool includeBuiltIns)
        {
            var sources = files.Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
            var parsed = sources.Select(s => SpecParser.Parse(s.Path, s.Text)).ToList();
            if (includeBuiltIns)
            {
                // A built-in spec given on the command line too (as in this repository's specs/) is checked once.
                foreach ((string name, string text) in BuiltIns().Where(b => !sources.Any(s => Path.GetFileName(s.Path) == b.Name && s.Text == b.Text)))
                {
                    parsed.Add(SpecParser.Parse(BuiltInPrefix + name, text));
                }
            }

            var diagnostics = parsed.SelectMany(p => p.Diagnostics)
                .Concat(CrossSpecChecker.Check(parsed).Diagnostics)
                .ToList();
            return new SpecCheckResult(diagnostics, sources.Select(s => s.Path).ToList());
        }

        /// <summary>Every <c>*.tcb.json</c> and <c>*.tcb.defs.json</c> a path names: the file itself, or the files below a directory (bin/ and obj/ left out, as the build does).</summary>
        public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
        {
            var files = new List<string>();
            foreach (string path in paths)
            {
                if (Directory.Exists(path))
                {
                    files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(f => SpecParser.IsInputFile(f) && !InBuildOutput(Path.GetRelativePath(path, f)))
                        .OrderBy(f => f, StringComparer.Ordinal));
                }
                else if (File.Exists(path))
                {
                    files.Add(path);
                }
                else
                {
                    throw new FileNotFoundException($"No file or directory '{path}'.", path);
                }
            }

            return files;
        }

        private static bool InBuildOutput(string relative)
            => relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules" || p.StartsWith('.') && p.Length > 1);

        private static IEnumerable<(string Name, string Text)> BuiltIns()
        {
            Assembly assembly = typeof(SpecCheck).Assembly;
            foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(BuiltInPrefix, StringComparison.Ordinal)).OrderBy(r => r, StringComparer.Ordinal))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
                yield return (resource.Substring(BuiltInPrefix.Length), reader.ReadToEnd());
            }
        }
    }
}
