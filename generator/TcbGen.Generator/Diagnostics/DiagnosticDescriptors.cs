using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TcbGen.Specs.Model;
using TcbGen.Specs;

namespace TcbGen.Generator.Diagnostics
{
    /// <summary>The Roslyn side of the TCB diagnostics: one descriptor per id, and spec diagnostics placed in the JSON file.</summary>
    internal static class DiagnosticDescriptors
    {
        public const string SpecCategory = "TcbGen.Spec";
        public const string UsageCategory = "TcbGen.Usage";

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>();

        public static readonly DiagnosticDescriptor ConditionalRequirementBroken = new DiagnosticDescriptor(
            SpecDiagnosticIds.ConditionalRequirementBroken,
            SpecDiagnosticIds.Title(SpecDiagnosticIds.ConditionalRequirementBroken),
            "'{0}' is required when '{1}' is {2}",
            UsageCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The request sets a field to a constant that makes another field required, and does not set that field. WeChat would reject the call with errcode 40101.");

        public static DiagnosticDescriptor ForSpec(string id)
        {
            lock (ById)
            {
                if (!ById.TryGetValue(id, out DiagnosticDescriptor? descriptor))
                {
                    descriptor = new DiagnosticDescriptor(
                        id,
                        SpecDiagnosticIds.Title(id),
                        "{0}",
                        SpecCategory,
                        DiagnosticSeverity.Error,
                        isEnabledByDefault: true);
                    ById.Add(id, descriptor);
                }

                return descriptor;
            }
        }

        public static Diagnostic ToDiagnostic(SpecDiagnostic diagnostic)
        {
            Location location = diagnostic.FilePath.Length == 0
                ? Location.None
                : Location.Create(
                    diagnostic.FilePath,
                    new TextSpan(diagnostic.Span.Start, diagnostic.Span.Length),
                    new LinePositionSpan(
                        new LinePosition(diagnostic.Span.StartLine, diagnostic.Span.StartColumn),
                        new LinePosition(diagnostic.Span.EndLine, diagnostic.Span.EndColumn)));
            return Diagnostic.Create(ForSpec(diagnostic.Id), location, diagnostic.Message);
        }
    }
}
