using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TcbGen.Generator.Diagnostics;
using TcbGen.Generator.Emit;
using TcbGen.Specs.Model;
using TcbGen.Specs;

namespace TcbGen.Generator
{
    /// <summary>
    /// Turns every <c>*.tcb.json</c> additional file into typed clients. The pipeline, in order:
    /// parse each file, and each <c>*.tcb.defs.json</c> definitions file (cached per file) → check across specs → emit each
    /// accepted endpoint's one file, each definitions file's types, the clients of each token kind, and <c>TcbErrorCode</c>.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TcbGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ParsedSpec> parsed = context.AdditionalTextsProvider
                .Where(static file => SpecParser.IsInputFile(file.Path))
                .Select(static (file, cancellationToken) => SpecParser.Parse(file.Path, file.GetText(cancellationToken)?.ToString()))
                .WithTrackingName(TrackingNames.Parse);

            IncrementalValueProvider<GenerationOptions> options = context.AnalyzerConfigOptionsProvider
                .Combine(context.ParseOptionsProvider)
                .Combine(context.CompilationProvider)
                .Select(static (inputs, _) => GenerationOptionsReader.Read(inputs.Left.Left, inputs.Left.Right, inputs.Right))
                .WithTrackingName(TrackingNames.Options);

            IncrementalValueProvider<ImmutableArray<ParsedSpec>> allParsed = parsed.Collect();
            IncrementalValueProvider<CrossSpecResult> checkedSpecs = allParsed
                .Select(static (all, _) => CrossSpecChecker.Check(all))
                .WithTrackingName(TrackingNames.CrossSpecCheck);

            // The specs' own diagnostics as one value, not one per spec: every per-spec node is a table the driver carries
            // over on each run (each keystroke), and diagnostics are few.
            context.RegisterSourceOutput(
                allParsed.Select(static (all, _) => all.SelectMany(p => p.Diagnostics).ToEquatableArray()).WithTrackingName(TrackingNames.SpecDiagnostics),
                static (spc, diagnostics) => Report(spc, diagnostics));
            context.RegisterSourceOutput(checkedSpecs.Select(static (r, _) => r.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
            context.RegisterSourceOutput(options, static (spc, o) => ReportOptions(spc, o));

            IncrementalValuesProvider<(EndpointSpec Spec, GenerationOptions Options)> endpoints = checkedSpecs
                .SelectMany(static (r, _) => r.Accepted)
                .WithTrackingName(TrackingNames.Endpoint)
                .Combine(options)
                .WithTrackingName(TrackingNames.EndpointWithOptions);
            context.RegisterSourceOutput(endpoints, static (spc, item) => EmitEndpoint(spc, item.Spec, item.Options));

            IncrementalValuesProvider<(DefinitionsSpec Definitions, GenerationOptions Options)> definitions = checkedSpecs
                .SelectMany(static (r, _) => r.Definitions)
                .WithTrackingName(TrackingNames.Definitions)
                .Combine(options);
            context.RegisterSourceOutput(definitions, static (spc, item) => EmitShared(
                spc,
                SpecParser.DefinitionsName(item.Definitions.FilePath) + ".Definitions.g.cs",
                item.Options,
                item.Definitions.NestedObjects.Any(o => !o.IsBorrowed) || item.Definitions.Enums.Any(e => !e.IsBorrowed),
                () => TypesEmitter.Emit(item.Definitions, item.Options)));

            IncrementalValueProvider<(EquatableArray<string> Kinds, GenerationOptions Options)> clients = checkedSpecs
                .Select(static (r, _) => r.TokenKinds)
                .WithTrackingName(TrackingNames.TokenKinds)
                .Combine(options);
            context.RegisterSourceOutput(clients, static (spc, item) => EmitShared(spc, ReservedNames.ClientsHintName, item.Options, item.Kinds.Count > 0 && item.Options.EmitClients, () => ClientShellEmitter.Emit(item.Kinds, item.Options)));

            IncrementalValueProvider<(EquatableArray<ErrorSpec> Errors, GenerationOptions Options)> allErrors = checkedSpecs
                .Select(static (r, _) => r.AllErrors)
                .WithTrackingName(TrackingNames.AllErrors)
                .Combine(options);
            context.RegisterSourceOutput(allErrors, static (spc, item) => EmitShared(spc, ReservedNames.AllErrorsHintName, item.Options, item.Errors.Count > 0, () => AllErrorsEmitter.Emit(item.Errors, item.Options)));
        }

        private static void EmitEndpoint(SourceProductionContext context, EndpointSpec spec, GenerationOptions options)
        {
            if (!options.LanguageVersionSupported)
            {
                return;
            }

            try
            {
                context.AddSource(EndpointFileEmitter.HintName(spec), EndpointFileEmitter.Emit(spec, options));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ReportInternalError(context, spec.FilePath, exception);
            }
        }

        private static void EmitShared(SourceProductionContext context, string hintName, GenerationOptions options, bool hasContent, Func<string> emit)
        {
            if (!options.LanguageVersionSupported || !hasContent)
            {
                return;
            }

            try
            {
                context.AddSource(hintName, emit());
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ReportInternalError(context, string.Empty, exception);
            }
        }

        private static void Report(SourceProductionContext context, EquatableArray<SpecDiagnostic> diagnostics)
        {
            foreach (SpecDiagnostic diagnostic in diagnostics)
            {
                context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(diagnostic));
            }
        }

        private static void ReportOptions(SourceProductionContext context, GenerationOptions options)
        {
            if (options.InvalidNamespace != null)
            {
                ReportProjectWide(context, SpecDiagnosticIds.InvalidValue, $"TcbGenNamespace '{options.InvalidNamespace}' is not a C# namespace (dot-separated identifiers, no keywords); the code is generated in '{options.Namespace}' instead.");
            }

            if (options.InvalidAccessibility != null)
            {
                ReportProjectWide(context, SpecDiagnosticIds.InvalidOption, $"TcbGenAccessibility '{options.InvalidAccessibility}' is neither 'public' nor 'internal'; the types are generated public.");
            }

            if (options.InvalidEmitClients != null)
            {
                ReportProjectWide(context, SpecDiagnosticIds.InvalidOption, $"TcbGenEmitClients '{options.InvalidEmitClients}' is neither 'true' nor 'false'; the clients are generated.");
            }

            if (!options.LanguageVersionSupported)
            {
                ReportProjectWide(context, SpecDiagnosticIds.LanguageVersionTooLow, "TcbGen generates code that needs C# 8 or later (nullable reference types); set <LangVersion>8.0</LangVersion> or later in the project. Nothing was generated.");
            }
        }

        private static void ReportInternalError(SourceProductionContext context, string filePath, Exception exception) =>
            Report(context, SpecDiagnosticIds.InternalError, $"TcbGen failed while generating code ({exception.GetType().Name}: {exception.Message}). Please report this.", filePath);

        /// <summary>A problem of the project (an MSBuild property, the language version), not of one spec: no location.</summary>
        private static void ReportProjectWide(SourceProductionContext context, string id, string message) => Report(context, id, message, string.Empty);

        private static void Report(SourceProductionContext context, string id, string message, string filePath) =>
            context.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(new SpecDiagnostic(id, message, filePath, SourceSpan.Empty)));
    }
}
