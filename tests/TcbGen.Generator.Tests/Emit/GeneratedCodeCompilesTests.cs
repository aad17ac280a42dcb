using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>The generated code compiles with no warning at all in consumers on every supported language version.</summary>
    public sealed class GeneratedCodeCompilesTests
    {
        [Theory]
        [InlineData(LanguageVersion.Latest)]
        [InlineData(LanguageVersion.CSharp11)]
        [InlineData(LanguageVersion.CSharp10)]
        [InlineData(LanguageVersion.CSharp8)]
        public void SeedSpecsCompileWithoutWarnings(LanguageVersion version)
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.SeedSpecs(), languageVersion: version);

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.Equal(4 + 2, outcome.Sources.Count());
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }
    }
}
