using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.BuiltInSpecs.Tests
{
    /// <summary>The built-in specs, read and cross-checked exactly as the generator reads them (copied beside the tests).</summary>
    internal static class BuiltInSpecSet
    {
        private static readonly Lazy<CrossSpecResult> Checked = new Lazy<CrossSpecResult>(Read);

        public static string Directory => Path.Combine(AppContext.BaseDirectory, "built-in");

        /// <summary>Every accepted endpoint, with its <c>ref</c> types resolved.</summary>
        public static IReadOnlyList<EndpointSpec> Endpoints => Checked.Value.Accepted;

        /// <summary>Every diagnostic of every built-in file, as <c>tcbgen check</c> would print it.</summary>
        public static IReadOnlyList<SpecDiagnostic> Diagnostics => Checked.Value.Diagnostics;

        public static EndpointSpec Endpoint(string name) => Endpoints.Single(e => e.Name == name);

        /// <summary>The spec files (not the definitions files), by path relative to the built-in folder.</summary>
        public static IEnumerable<string> SpecFiles() => Files().Where(SpecParser.IsSpecFile).Select(f => Path.GetRelativePath(Directory, f));

        private static IEnumerable<string> Files() => System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories)
            .Where(SpecParser.IsInputFile)
            .OrderBy(f => f, StringComparer.Ordinal);

        private static CrossSpecResult Read()
        {
            var parsed = Files().Select(f => SpecParser.Parse(f, File.ReadAllText(f))).ToList();
            CrossSpecResult result = CrossSpecChecker.Check(parsed);
            return result with { Diagnostics = parsed.SelectMany(p => p.Diagnostics).Concat(result.Diagnostics).ToEquatableArray() };
        }
    }
}
