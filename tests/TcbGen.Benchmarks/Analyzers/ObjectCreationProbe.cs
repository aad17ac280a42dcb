using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TcbGen.Benchmarks.Analyzers
{
    /// <summary>
    /// An analyzer that asks for every object creation, as TCB1001 does, and does nothing with it: the "none" row, what
    /// binding the file and running the analyzer driver cost without TCB1001's own work.
    /// </summary>
#pragma warning disable RS1001, RS2008 // Never loaded by a compiler (no attribute, no release): handed to CompilationWithAnalyzers directly.
    internal sealed class ObjectCreationProbe : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation));
        }
    }
#pragma warning restore RS1001, RS2008
}
