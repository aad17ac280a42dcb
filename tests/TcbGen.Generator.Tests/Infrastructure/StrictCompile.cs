using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TcbGen.Generator.Tests.Infrastructure
{
    /// <summary>Compiles generator output as a net8+ project with warnings as errors sees it: WarningLevel 9999.</summary>
    internal static class StrictCompile
    {
        /// <summary>The C# versions whose generated code differs: 8-10 (constructors) and 11+ (required members).</summary>
        public static readonly LanguageVersion[] Modes = { LanguageVersion.CSharp8, LanguageVersion.CSharp10, LanguageVersion.Latest };

        /// <summary>Every warning and error of <paramref name="output"/> at WarningLevel 9999, TcbGen's analyzer included.</summary>
        public static ImmutableArray<Diagnostic> Diagnostics(Compilation output) =>
            GeneratorHarness.CompileDiagnostics(AtWarningLevel9999(output));

        /// <summary>The compiler's own warnings and errors at WarningLevel 9999: what the fuzz test checks, without the analyzer's cost.</summary>
        public static ImmutableArray<Diagnostic> CompilerDiagnostics(Compilation output) =>
            AtWarningLevel9999(output).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

        private static CSharpCompilation AtWarningLevel9999(Compilation output) =>
            ((CSharpCompilation)output).WithOptions(((CSharpCompilation)output).Options.WithWarningLevel(9999));

        /// <summary>TCB errors, each with the spec file it is located in (empty for none).</summary>
        public static IReadOnlyList<(string Id, string Path)> TcbErrors(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics
                .Where(d => d.Id.StartsWith("TCB", System.StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error)
                .Select(d => (d.Id, d.Location.GetLineSpan().Path ?? string.Empty))
                .ToList();
    }
}
