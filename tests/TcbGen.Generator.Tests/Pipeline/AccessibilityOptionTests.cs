using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Pipeline
{
    /// <summary>
    /// <c>TcbGenAccessibility</c> (public | internal) and <c>TcbGenEmitClients</c> (true | false): the options a library that
    /// calls the endpoints itself (TcbGen.Runtime over specs/component) generates with. The default output is held by the
    /// snapshots, which these options leave alone.
    /// </summary>
    public sealed class AccessibilityOptionTests
    {
        [Fact]
        public void Internal_output_of_every_built_in_spec_compiles_without_warnings_and_declares_no_public_type()
        {
            (GeneratorDriverRunResult result, Compilation output) = Run(AllBuiltInSpecs(), LanguageVersion.Latest, ("TcbGenAccessibility", "internal"));

            Assert.Empty(result.Diagnostics);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(output));
            INamedTypeSymbol[] generated = GeneratedTypes(output).ToArray();
            Assert.Contains(generated, t => t.Name == "TcbComponentClient");
            Assert.Contains(generated, t => t.TypeKind == TypeKind.Struct);
            Assert.Contains(generated, t => t.TypeKind == TypeKind.Enum);
            Assert.All(generated, t => Assert.True(t.DeclaredAccessibility == Accessibility.Internal, t.ToDisplayString() + " is " + t.DeclaredAccessibility));
        }

        [Theory]
        [InlineData(LanguageVersion.Latest)]
        [InlineData(LanguageVersion.CSharp8)]
        public void Without_clients_only_the_endpoints_types_serializers_and_validators_are_generated(LanguageVersion version)
        {
            (GeneratorDriverRunResult result, Compilation output) = Run(SeedAndComponentSpecs(), version, ("TcbGenAccessibility", "Internal"), ("TcbGenEmitClients", "false"));

            Assert.Empty(result.Diagnostics);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(output));
            Assert.DoesNotContain(result.Results.SelectMany(r => r.GeneratedSources), s => s.HintName == "TcbClients.Shared.g.cs");
            INamedTypeSymbol[] generated = GeneratedTypes(output).ToArray();
            Assert.DoesNotContain(generated, t => t.Name.EndsWith("Client", StringComparison.Ordinal) || t.Name.EndsWith("ClientFactory", StringComparison.Ordinal) || t.Name == "TcbClientRegistration");
            Assert.Contains(generated, t => t.Name == "QueryAuthEndpoint");
            Assert.Contains(generated, t => t.Name == "QueryAuthSerializer");
            Assert.Contains(generated, t => t.Name == "QueryAuthValidator");
            Assert.All(generated, t => Assert.Equal(Accessibility.Internal, t.DeclaredAccessibility));
        }

        [Fact]
        public void By_default_every_generated_type_is_public()
        {
            (GeneratorDriverRunResult result, Compilation output) = Run(SeedAndComponentSpecs(), LanguageVersion.Latest);

            Assert.Empty(result.Diagnostics);
            Assert.All(GeneratedTypes(output).Where(t => !t.Name.EndsWith("Serializer", StringComparison.Ordinal)), t => Assert.Equal(Accessibility.Public, t.DeclaredAccessibility));
        }

        [Theory]
        [InlineData("TcbGenAccessibility", "protected", "neither 'public' nor 'internal'")]
        [InlineData("TcbGenAccessibility", "private", "neither 'public' nor 'internal'")]
        [InlineData("TcbGenEmitClients", "maybe", "neither 'true' nor 'false'")]
        public void A_value_the_generator_cannot_use_is_TCB0101_and_the_default_is_generated(string property, string value, string explanation)
        {
            (GeneratorDriverRunResult result, Compilation output) = Run(GeneratorHarness.SeedSpecs(), LanguageVersion.Latest, (property, value));

            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("TCB0101", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains(property + " '" + value + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Contains(explanation, diagnostic.GetMessage(), StringComparison.Ordinal);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(output));
            Assert.Contains(GeneratedTypes(output), t => t.Name == "TcbComponentClient" && t.DeclaredAccessibility == Accessibility.Public);
        }

        private static (GeneratorDriverRunResult Result, Compilation Output) Run(IEnumerable<AdditionalText> specs, LanguageVersion version, params (string Name, string Value)[] properties)
        {
            var options = properties.ToDictionary(p => "build_property." + p.Name, p => p.Value);
            options["build_property.TcbGenNamespace"] = GeneratorHarness.Namespace;
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new TcbGenerator().AsSourceGenerator() },
                specs,
                new CSharpParseOptions(version, DocumentationMode.Diagnose),
                new TestAnalyzerConfigOptionsProvider(options));
            driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(languageVersion: version), out Compilation output, out _);
            return (driver.GetRunResult(), output);
        }

        /// <summary>Every type (nested ones included) declared in the generated namespace.</summary>
        private static IEnumerable<INamedTypeSymbol> GeneratedTypes(Compilation output)
        {
            INamespaceSymbol ns = GeneratorHarness.Namespace.Split('.').Aggregate(output.Assembly.GlobalNamespace, (parent, name) => parent.GetNamespaceMembers().Single(n => n.Name == name));
            var pending = new Stack<INamedTypeSymbol>(ns.GetTypeMembers());
            while (pending.Count > 0)
            {
                INamedTypeSymbol type = pending.Pop();
                yield return type;
                foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                {
                    pending.Push(nested);
                }
            }
        }

        private static IReadOnlyList<AdditionalText> SeedAndComponentSpecs() => Specs(
            Directory.GetFiles(Paths.SpecsDirectory, "*.tcb.json")
                .Concat(Directory.GetFiles(Paths.SpecsDirectory, "*.tcb.defs.json"))
                .Concat(Directory.GetFiles(Path.Combine(Paths.SpecsDirectory, "component"), "*.tcb*.json")));

        private static IReadOnlyList<AdditionalText> AllBuiltInSpecs() => Specs(
            Directory.GetFiles(Paths.SpecsDirectory, "*.json", SearchOption.AllDirectories)
                .Where(path => path.EndsWith(".tcb.json", StringComparison.Ordinal) || path.EndsWith(".tcb.defs.json", StringComparison.Ordinal))
                .Where(path => !path.Contains(Path.DirectorySeparatorChar + "pages" + Path.DirectorySeparatorChar, StringComparison.Ordinal)));

        private static IReadOnlyList<AdditionalText> Specs(IEnumerable<string> paths) =>
            paths.OrderBy(path => path, StringComparer.Ordinal).Select(path => (AdditionalText)new InMemoryAdditionalText(path, File.ReadAllText(path))).ToList();
    }
}
