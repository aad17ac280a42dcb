using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TcbGen.Benchmarks.Generator;
using TcbGen.Generator.Analyzers;

namespace TcbGen.Benchmarks.Analyzers
{
    /// <summary>
    /// TCB1001 as an IDE runs it on an open file: the seed specs generated into the compilation, and one user file with
    /// 1,000 object creations (a quarter of them requests that break a conditional requirement, a quarter that keep
    /// one, half of types with no rule). Each run is a fresh compilation (as after a keystroke) analysed for that file.
    /// </summary>
    internal sealed class AnalyzerScenario
    {
        public const int Creations = 1000;

        /// <summary>The environment variable naming an earlier build of <c>TcbGen.Generator.dll</c>, for the "before" rows.</summary>
        public const string BaselineVariable = "TCBGEN_BASELINE_ANALYZER";

        private const string UserPath = "/bench/Calls.cs";

        private readonly CSharpCompilation _compilation;
        private readonly SyntaxTree _user;
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

        public AnalyzerScenario(DiagnosticAnalyzer analyzer)
        {
            string specs = Path.GetFullPath(Path.Combine(Program.ProjectDirectory(), "..", "..", "specs"));
            ImmutableArray<AdditionalText> seeds = Directory.GetFiles(specs, "*.tcb.json", SearchOption.TopDirectoryOnly)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)))
                .ToImmutableArray();
            _user = RoslynHost.Parse(UserFile(), UserPath);
            CSharpGeneratorDriver.Create(new[] { RoslynHost.TcbGenerator() }, seeds, RoslynHost.ParseOptions, RoslynHost.TcbOptions, RoslynHost.DriverOptions)
                .RunGeneratorsAndUpdateCompilation(RoslynHost.Compilation(new[] { _user }, RoslynHost.TcbReferences), out Compilation generated, out _);
            _compilation = (CSharpCompilation)generated;
            _analyzers = ImmutableArray.Create(analyzer);
        }

        /// <summary>
        /// The analyzer this build ships ("after"), the one in the earlier build <see cref="BaselineVariable"/> names
        /// ("before"), or none of TCB1001's work ("none": <see cref="ObjectCreationProbe"/>).
        /// </summary>
        public static DiagnosticAnalyzer Analyzer(string build) => build switch
        {
            "none" => new ObjectCreationProbe(),
            "after" => new ConditionalRequirementAnalyzer(),
            "before" => BaselineGenerator.LoadAnalyzer(
                Environment.GetEnvironmentVariable(BaselineVariable) ?? throw new InvalidOperationException($"Set {BaselineVariable} to an earlier TcbGen.Generator.dll."),
                typeof(ConditionalRequirementAnalyzer).FullName!),
            _ => throw new ArgumentOutOfRangeException(nameof(build), build, "none, before or after"),
        };

        /// <summary>The compilation's own errors (the user file must compile, or the analyzer would see error operations).</summary>
        public ImmutableArray<Diagnostic> CompileErrors() =>
            _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

        /// <summary>One IDE pass: a fresh compilation (nothing bound yet), the analyzer over the user file.</summary>
        public ImmutableArray<Diagnostic> AnalyzeUserFile()
        {
            Compilation fresh = _compilation.Clone();
            var withAnalyzers = new CompilationWithAnalyzers(fresh, _analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            SemanticModel model = fresh.GetSemanticModel(fresh.SyntaxTrees.First(t => t.FilePath == UserPath));
            return withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        }

        private static string UserFile()
        {
            var text = new StringBuilder("using Bench.Tcb;\n\nnamespace Bench\n{\n    internal static class Calls\n    {\n        public static object[] Create() => new object[]\n        {\n");
            for (int i = 0; i < Creations; i++)
            {
                text.Append("            ").Append((i % 4) switch
                {
                    0 => "new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Set, Env = \"env-" + i + "\" },",
                    1 => "new CallbackRule { MsgType = \"event\", Event = \"user_enter_tempsession\", Env = \"env\", FunctionName = \"f" + i + "\", Enable = true },",
                    2 => "new System.Text.StringBuilder(" + i + "),",
                    _ => "new System.Collections.Generic.List<int> { " + i + " },",
                }).Append('\n');
            }

            return text.Append("        };\n    }\n}\n").ToString();
        }
    }
}
