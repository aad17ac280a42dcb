using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TcbGen.Generator.Analyzers;
using TcbGen.Runtime;

namespace TcbGen.Generator.Tests.Infrastructure
{
    /// <summary>Runs TcbGenerator the way the compiler does: real compilations, real additional files, real options.</summary>
    internal static class GeneratorHarness
    {
        public const string Namespace = "Test.Tcb";

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);

        public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

        public static IReadOnlyList<AdditionalText> SeedSpecs() =>
            Directory.GetFiles(Paths.SpecsDirectory, "*.tcb.json")
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (AdditionalText)new InMemoryAdditionalText(path, File.ReadAllText(path)))
                .ToList();

        public static AdditionalText Spec(string fileName, string json) => new InMemoryAdditionalText("/specs/" + fileName, json);

        public static CSharpCompilation Compilation(string userCode = "", LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
            var trees = new List<SyntaxTree>();
            if (userCode.Length > 0)
            {
                trees.Add(CSharpSyntaxTree.ParseText(userCode, parseOptions, path: "User.cs"));
            }

            return CSharpCompilation.Create(
                "Consumer",
                trees,
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    // The .NET SDK's own defaults: reference unification notices are not warnings.
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        }

        public static GeneratorDriver Driver(IEnumerable<AdditionalText> specs, LanguageVersion languageVersion = LanguageVersion.Latest, string? @namespace = Namespace)
        {
            var properties = new Dictionary<string, string>();
            if (@namespace != null)
            {
                properties["build_property.TcbGenNamespace"] = @namespace;
            }

            return CSharpGeneratorDriver.Create(
                new[] { new TcbGenerator().AsSourceGenerator() },
                specs,
                new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose),
                new TestAnalyzerConfigOptionsProvider(properties),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        }

        public static GeneratorOutcome Run(IEnumerable<AdditionalText> specs, string userCode = "", LanguageVersion languageVersion = LanguageVersion.Latest)
        {
            CSharpCompilation compilation = Compilation(userCode, languageVersion);
            GeneratorDriver driver = Driver(specs, languageVersion).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            return new GeneratorOutcome(driver, driver.GetRunResult(), output, generatorDiagnostics);
        }

        /// <summary>Compiler diagnostics of the output plus TcbGen's analyzer, warnings included.</summary>
        public static ImmutableArray<Diagnostic> CompileDiagnostics(Compilation output)
        {
            ImmutableArray<Diagnostic> analyzerDiagnostics = output
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConditionalRequirementAnalyzer(), new WrongClientAnalyzer()))
                .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
            return analyzerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                    || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
                .ToList();
            paths.Add(typeof(TcbResponse).Assembly.Location);
            // What a consumer of TcbGen.Runtime gets with it: the generated AddTcbClients() extends TcbGenBuilder, an IHttpClientBuilder.
            paths.Add(typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder).Assembly.Location);
            paths.Add(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location);
            return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        }
    }

    internal sealed record GeneratorOutcome(GeneratorDriver Driver, GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        public IEnumerable<GeneratedSourceResult> Sources => RunResult.Results.SelectMany(r => r.GeneratedSources);

        public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();
    }
}
