using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TcbGen.Specs;
using TcbGen.Specs.Model;

namespace TcbGen.Generator.Diagnostics
{
    /// <summary>
    /// The Roslyn side of the TCB diagnostics: one descriptor per id, declared once here and listed in
    /// AnalyzerReleases.*.md, each linking to its row in specs/README.md; and spec diagnostics placed in the JSON file.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        public const string SpecCategory = "TcbGen.Spec";
        public const string UsageCategory = "TcbGen.Usage";

        /// <summary>
        /// Where each id is explained: the Diagnostics table of specs/README.md in the repository named by the build's
        /// <c>RepositoryUrl</c> (Directory.Build.props, stamped into this assembly), anchored by lower-case id.
        /// </summary>
        public static readonly string HelpLinkBase = ReadRepositoryUrl().TrimEnd('/') + "/blob/main/specs/README.md#";

        /// <summary>TCB0001.</summary>
        public static readonly DiagnosticDescriptor InvalidJson = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidJson, SpecDiagnosticIds.Title(SpecDiagnosticIds.InvalidJson), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0001");

        /// <summary>TCB0002.</summary>
        public static readonly DiagnosticDescriptor MissingProperty = new DiagnosticDescriptor(
            SpecDiagnosticIds.MissingProperty, SpecDiagnosticIds.Title(SpecDiagnosticIds.MissingProperty), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0002");

        /// <summary>TCB0003.</summary>
        public static readonly DiagnosticDescriptor WrongJsonType = new DiagnosticDescriptor(
            SpecDiagnosticIds.WrongJsonType, SpecDiagnosticIds.Title(SpecDiagnosticIds.WrongJsonType), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0003");

        /// <summary>TCB0004.</summary>
        public static readonly DiagnosticDescriptor UnknownProperty = new DiagnosticDescriptor(
            SpecDiagnosticIds.UnknownProperty, SpecDiagnosticIds.Title(SpecDiagnosticIds.UnknownProperty), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0004");

        /// <summary>TCB0005.</summary>
        public static readonly DiagnosticDescriptor DuplicateKey = new DiagnosticDescriptor(
            SpecDiagnosticIds.DuplicateKey, SpecDiagnosticIds.Title(SpecDiagnosticIds.DuplicateKey), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0005");

        /// <summary>TCB0006.</summary>
        public static readonly DiagnosticDescriptor UnknownFieldType = new DiagnosticDescriptor(
            SpecDiagnosticIds.UnknownFieldType, SpecDiagnosticIds.Title(SpecDiagnosticIds.UnknownFieldType), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0006");

        /// <summary>TCB0007.</summary>
        public static readonly DiagnosticDescriptor InvalidValue = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidValue, SpecDiagnosticIds.Title(SpecDiagnosticIds.InvalidValue), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0007");

        /// <summary>TCB0008.</summary>
        public static readonly DiagnosticDescriptor DuplicateField = new DiagnosticDescriptor(
            SpecDiagnosticIds.DuplicateField, SpecDiagnosticIds.Title(SpecDiagnosticIds.DuplicateField), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0008");

        /// <summary>TCB0009.</summary>
        public static readonly DiagnosticDescriptor DuplicateError = new DiagnosticDescriptor(
            SpecDiagnosticIds.DuplicateError, SpecDiagnosticIds.Title(SpecDiagnosticIds.DuplicateError), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0009");

        /// <summary>TCB0010.</summary>
        public static readonly DiagnosticDescriptor InvalidIdentifier = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidIdentifier, SpecDiagnosticIds.Title(SpecDiagnosticIds.InvalidIdentifier), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0010");

        /// <summary>TCB0011.</summary>
        public static readonly DiagnosticDescriptor RequiredWhenFieldMissing = new DiagnosticDescriptor(
            SpecDiagnosticIds.RequiredWhenFieldMissing, SpecDiagnosticIds.Title(SpecDiagnosticIds.RequiredWhenFieldMissing), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0011");

        /// <summary>TCB0012.</summary>
        public static readonly DiagnosticDescriptor RequiredWhenValueInvalid = new DiagnosticDescriptor(
            SpecDiagnosticIds.RequiredWhenValueInvalid, SpecDiagnosticIds.Title(SpecDiagnosticIds.RequiredWhenValueInvalid), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0012");

        /// <summary>TCB0013.</summary>
        public static readonly DiagnosticDescriptor DuplicateEndpoint = new DiagnosticDescriptor(
            SpecDiagnosticIds.DuplicateEndpoint, SpecDiagnosticIds.Title(SpecDiagnosticIds.DuplicateEndpoint), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0013");

        /// <summary>TCB0014.</summary>
        public static readonly DiagnosticDescriptor DuplicateTypeName = new DiagnosticDescriptor(
            SpecDiagnosticIds.DuplicateTypeName, SpecDiagnosticIds.Title(SpecDiagnosticIds.DuplicateTypeName), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0014");

        /// <summary>TCB0015.</summary>
        public static readonly DiagnosticDescriptor ErrorCodeConflict = new DiagnosticDescriptor(
            SpecDiagnosticIds.ErrorCodeConflict, SpecDiagnosticIds.Title(SpecDiagnosticIds.ErrorCodeConflict), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0015");

        /// <summary>TCB0016.</summary>
        public static readonly DiagnosticDescriptor InvalidEnum = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidEnum, SpecDiagnosticIds.Title(SpecDiagnosticIds.InvalidEnum), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0016");

        /// <summary>TCB0017.</summary>
        public static readonly DiagnosticDescriptor ReservedName = new DiagnosticDescriptor(
            SpecDiagnosticIds.ReservedName, SpecDiagnosticIds.Title(SpecDiagnosticIds.ReservedName), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0017");

        /// <summary>TCB0018.</summary>
        public static readonly DiagnosticDescriptor NotApplicable = new DiagnosticDescriptor(
            SpecDiagnosticIds.NotApplicable, SpecDiagnosticIds.Title(SpecDiagnosticIds.NotApplicable), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0018");

        /// <summary>TCB0020: a warning, as WeChat's own examples are often wrong.</summary>
        public static readonly DiagnosticDescriptor ExampleMismatch = new DiagnosticDescriptor(
            SpecDiagnosticIds.ExampleMismatch, SpecDiagnosticIds.Title(SpecDiagnosticIds.ExampleMismatch), "{0}", SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0020");

        /// <summary>TCB0019.</summary>
        public static readonly DiagnosticDescriptor UnknownReference = new DiagnosticDescriptor(
            SpecDiagnosticIds.UnknownReference, SpecDiagnosticIds.Title(SpecDiagnosticIds.UnknownReference), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0019");

        /// <summary>TCB0099.</summary>
        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
            SpecDiagnosticIds.InternalError, SpecDiagnosticIds.Title(SpecDiagnosticIds.InternalError), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0099");

        /// <summary>TCB0100.</summary>
        public static readonly DiagnosticDescriptor LanguageVersionTooLow = new DiagnosticDescriptor(
            SpecDiagnosticIds.LanguageVersionTooLow, SpecDiagnosticIds.Title(SpecDiagnosticIds.LanguageVersionTooLow), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0100");

        /// <summary>TCB0101: an MSBuild property (<c>TcbGenAccessibility</c>, <c>TcbGenEmitClients</c>) the generator cannot use.</summary>
        public static readonly DiagnosticDescriptor InvalidOption = new DiagnosticDescriptor(
            SpecDiagnosticIds.InvalidOption, SpecDiagnosticIds.Title(SpecDiagnosticIds.InvalidOption), "{0}", SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + "tcb0101");

        /// <summary>TCB1001, reported by <see cref="Analyzers.ConditionalRequirementAnalyzer"/> at a call site.</summary>
        public static readonly DiagnosticDescriptor ConditionalRequirementBroken = new DiagnosticDescriptor(
            SpecDiagnosticIds.ConditionalRequirementBroken,
            SpecDiagnosticIds.Title(SpecDiagnosticIds.ConditionalRequirementBroken),
            "'{0}' is required when '{1}' is {2}",
            UsageCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The request sets a field to a constant that makes another field required, and does not set that field. WeChat would reject the call with errcode 40101.",
            helpLinkUri: HelpLinkBase + "tcb1001");

        /// <summary>TCB1002, reported by <see cref="Analyzers.WrongClientAnalyzer"/> beside the compiler's CS1061.</summary>
        public static readonly DiagnosticDescriptor WrongClient = new DiagnosticDescriptor(
            SpecDiagnosticIds.WrongClient,
            SpecDiagnosticIds.Title(SpecDiagnosticIds.WrongClient),
            "{0} needs {1}: call it on {2}",
            UsageCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "An endpoint's method exists only on the clients of the token kinds its spec allows; this client's token kind is not one of them.",
            helpLinkUri: HelpLinkBase + "tcb1002");

        /// <summary>Every descriptor, in id order.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[] { InvalidJson, MissingProperty, WrongJsonType, UnknownProperty, DuplicateKey, UnknownFieldType, InvalidValue, DuplicateField, DuplicateError, InvalidIdentifier, RequiredWhenFieldMissing, RequiredWhenValueInvalid, DuplicateEndpoint, DuplicateTypeName, ErrorCodeConflict, InvalidEnum, ReservedName, NotApplicable, UnknownReference, ExampleMismatch, InternalError, LanguageVersionTooLow, InvalidOption, ConditionalRequirementBroken, WrongClient };

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

        /// <summary>The descriptor of a spec diagnostic's id; an id without one is reported as <see cref="InternalError"/>'s.</summary>
        public static DiagnosticDescriptor ForSpec(string id) => ById.TryGetValue(id, out DiagnosticDescriptor? descriptor) ? descriptor : InternalError;

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

        /// <summary>The build's RepositoryUrl; empty only in a build that did not stamp it (a test asserts it is stamped).</summary>
        private static string ReadRepositoryUrl()
        {
            foreach (System.Reflection.AssemblyMetadataAttribute metadata in System.Reflection.CustomAttributeExtensions.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>(typeof(DiagnosticDescriptors).Assembly))
            {
                if (metadata.Key == "RepositoryUrl" && !string.IsNullOrEmpty(metadata.Value))
                {
                    return metadata.Value!;
                }
            }

            return string.Empty;
        }
    }
}
