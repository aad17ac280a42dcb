using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TcbGen.Generator;
using TcbGen.Runtime;

namespace TcbGen.Benchmarks.Generator
{
    /// <summary>
    /// What the compiler hands a generator, built the way GeneratorHarness (the generator tests) builds it:
    /// real compilations over the framework references, additional texts, and build_property options.
    /// </summary>
    internal static class RoslynHost
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);

        /// <summary>As the compiler runs generators: no step tracking, no output kinds disabled.</summary>
        public static readonly GeneratorDriverOptions DriverOptions = new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false);

        public static readonly GeneratorDriverOptions TrackingDriverOptions = new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true);

        private static readonly CSharpCompilationOptions CompilationOptions =
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress });

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFrameworkReferences = new Lazy<ImmutableArray<MetadataReference>>(LoadFrameworkReferences);

        /// <summary>The framework (System.*, netstandard) plus TcbGen.Runtime, the references a TcbGen user has.</summary>
        public static ImmutableArray<MetadataReference> TcbReferences { get; } =
            LazyFrameworkReferences.Value.Add(MetadataReference.CreateFromFile(typeof(TcbResponse).Assembly.Location));

        /// <summary>The framework plus Refit, the references a Refit user has.</summary>
        public static ImmutableArray<MetadataReference> RefitReferences { get; } =
            LazyFrameworkReferences.Value.Add(MetadataReference.CreateFromFile(typeof(global::Refit.RestService).Assembly.Location));

        public static AnalyzerConfigOptionsProvider TcbOptions { get; } = new BuildPropertyOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.TcbGenNamespace"] = "Bench.Tcb",
            ["build_property.RootNamespace"] = "Bench",
        });

        public static AnalyzerConfigOptionsProvider RefitOptions { get; } = new BuildPropertyOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "Bench",
        });

        public static SyntaxTree Parse(string code, string path) => CSharpSyntaxTree.ParseText(code, ParseOptions, path);

        public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
            CSharpCompilation.Create("Bench", trees, references, CompilationOptions);

        public static ISourceGenerator TcbGenerator() => new TcbGenerator().AsSourceGenerator();

        /// <summary>
        /// Refit's generator from the Refit package this project restored, loaded as the compiler loads it:
        /// an <see cref="AnalyzerFileReference"/> over <c>analyzers/dotnet/roslyn4.*/cs/*.dll</c>.
        /// </summary>
        public static ImmutableArray<ISourceGenerator> RefitGenerators()
        {
            string directory = RefitAnalyzerDirectory();
            var loader = new DefaultContextLoader();
            ImmutableArray<ISourceGenerator> generators = Directory.GetFiles(directory, "*.dll")
                .OrderBy(path => path, StringComparer.Ordinal)
                .SelectMany(path => new AnalyzerFileReference(path, loader).GetGenerators(LanguageNames.CSharp))
                .ToImmutableArray();
            if (generators.IsEmpty)
            {
                throw new InvalidOperationException("No source generator found in " + directory + ".");
            }

            return generators;
        }

        public static string RefitAnalyzerDirectory()
        {
            string? package = typeof(RoslynHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "RefitPackageDirectory")?.Value;
            if (string.IsNullOrEmpty(package) || !Directory.Exists(package))
            {
                throw new InvalidOperationException("The Refit package directory is not known; build with GeneratePathProperty on the Refit reference.");
            }

            // The newest roslyn4.x folder that the running Roslyn can load.
            Version roslyn = typeof(CSharpCompilation).Assembly.GetName().Version!;
            string? best = Directory.GetDirectories(Path.Combine(package, "analyzers", "dotnet"), "roslyn*")
                .Select(dir => (dir, version: Version.TryParse(Path.GetFileName(dir).Substring("roslyn".Length), out Version? v) ? v : null))
                .Where(x => x.version != null && x.version <= new Version(roslyn.Major, roslyn.Minor))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "cs"))
                .FirstOrDefault(Directory.Exists);
            return best ?? throw new InvalidOperationException("No analyzers/dotnet/roslyn4.*/cs folder in " + package + ".");
        }

        private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
        {
            return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => p.StartsWith(Path.GetDirectoryName(typeof(object).Assembly.Location)!, StringComparison.Ordinal))
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                    || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll")
                .Distinct()
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        /// <summary>Loads analyzer assemblies into the default context, where Roslyn itself already is.</summary>
        private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }

    /// <summary>An additional file held in memory, as the compiler holds <c>AdditionalFiles</c>.</summary>
    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Hands generators MSBuild properties, as the SDK does through build_property.* options.</summary>
    internal sealed class BuildPropertyOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions Empty = new DictionaryOptions(new Dictionary<string, string>());
        private readonly DictionaryOptions _global;

        public BuildPropertyOptionsProvider(IReadOnlyDictionary<string, string> properties)
        {
            _global = new DictionaryOptions(properties);
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public DictionaryOptions(IReadOnlyDictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
