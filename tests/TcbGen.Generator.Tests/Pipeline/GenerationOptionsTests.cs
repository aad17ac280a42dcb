using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Pipeline
{
    /// <summary>The MSBuild properties that shape the generated code: the namespace, and its defaults.</summary>
    public sealed class GenerationOptionsTests
    {
        [Theory]
        [InlineData("Contoso.WeChat", null, "Contoso.WeChat")]
        [InlineData(null, "Contoso.Platform", "Contoso.Platform.Tcb")]
        [InlineData(null, null, "TcbGen.Api")]
        [InlineData("  Contoso.WeChat  ", "Ignored", "Contoso.WeChat")]
        public void TheNamespaceComesFromTcbGenNamespaceThenRootNamespace(string? tcbGenNamespace, string? rootNamespace, string expected)
        {
            (GeneratorDriverRunResult result, _) = Run(tcbGenNamespace, rootNamespace);

            Assert.Empty(result.Diagnostics);
            Assert.All(result.GeneratedTrees, tree => Assert.Contains($"namespace {expected}\n", tree.ToString()));
        }

        [Theory]
        [InlineData("Contoso.class")]
        [InlineData("Contoso-WeChat")]
        [InlineData("Contoso..WeChat")]
        public void AnInvalidNamespaceIsReportedAndTheDefaultIsUsed(string tcbGenNamespace)
        {
            (GeneratorDriverRunResult result, Compilation output) = Run(tcbGenNamespace, "Contoso.Platform");

            Diagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("TCB0007", diagnostic.Id);
            Assert.Contains(tcbGenNamespace, diagnostic.GetMessage());
            Assert.All(result.GeneratedTrees, tree => Assert.Contains("namespace TcbGen.Api\n", tree.ToString()));
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(output));
        }

        [Fact]
        public void TheHarnessReportsMissingXmlDocs()
        {
            // The zero-warning tests rely on CS1591 being reported; prove the harness would see it.
            Compilation compilation = GeneratorHarness.Compilation("namespace N { public class Undocumented { } }");

            Assert.Contains(GeneratorHarness.CompileDiagnostics(compilation), d => d.Id == "CS1591");
        }

        private static (GeneratorDriverRunResult Result, Compilation Output) Run(string? tcbGenNamespace, string? rootNamespace)
        {
            var properties = new Dictionary<string, string>();
            if (tcbGenNamespace != null)
            {
                properties["build_property.TcbGenNamespace"] = tcbGenNamespace;
            }

            if (rootNamespace != null)
            {
                properties["build_property.RootNamespace"] = rootNamespace;
            }

            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new TcbGenerator().AsSourceGenerator() },
                GeneratorHarness.SeedSpecs(),
                new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose),
                new TestAnalyzerConfigOptionsProvider(properties));
            driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out Compilation output, out _);
            return (driver.GetRunResult(), output);
        }
    }
}
