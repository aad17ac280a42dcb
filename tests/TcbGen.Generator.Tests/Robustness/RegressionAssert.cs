using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Robustness
{
    /// <summary>The promise each regression case checks, in every C# version the strict compile covers.</summary>
    internal static class RegressionAssert
    {
        /// <summary>
        /// The generator reports <paramref name="id"/> in <paramref name="path"/> without failing itself, what it did emit
        /// compiles cleanly, and the emulator rejects the same specs alike. <paramref name="atANode"/>: the diagnostic must
        /// cover a span of the file (not merely name it).
        /// </summary>
        public static void LocatedError(string id, string path, bool atANode, params (string File, string Json)[] specs)
        {
            foreach (LanguageVersion version in StrictCompile.Modes)
            {
                GeneratorOutcome outcome = GeneratorHarness.Run(specs.Select(s => GeneratorHarness.Spec(s.File, s.Json)), languageVersion: version);

                Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "CS8785" or "TCB0099");
                Diagnostic? error = outcome.GeneratorDiagnostics.FirstOrDefault(d => d.Id == id);
                Assert.True(error != null, $"expected {id}, got: " + string.Join("\n", outcome.GeneratorDiagnostics));
                Assert.Equal(path, error!.Location.GetLineSpan().Path);
                if (atANode)
                {
                    Assert.NotEqual(0, error.Location.SourceSpan.Length);
                }
                else
                {
                    Assert.True(error.Location.IsInSource || error.Location.Kind == LocationKind.ExternalFile, error.ToString());
                }

                DiagnosticAssert.None(StrictCompile.Diagnostics(outcome.Output));
                if (version == LanguageVersion.Latest)
                {
                    // The emulator reads specs through the same module, so the policy is one.
                    EmulatorAgreement.AssertRejectsLikeTheBuild(error, specs.Select(s => GeneratorHarness.Spec(s.File, s.Json)));
                }
            }
        }

        /// <summary>The specs generate with no diagnostic, emit something, and it compiles cleanly.</summary>
        public static void CompilesEverywhere(params (string File, string Json)[] specs)
        {
            foreach (LanguageVersion version in StrictCompile.Modes)
            {
                GeneratorOutcome outcome = GeneratorHarness.Run(specs.Select(s => GeneratorHarness.Spec(s.File, s.Json)), languageVersion: version);

                DiagnosticAssert.None(outcome.GeneratorDiagnostics);
                Assert.NotEmpty(outcome.Sources);
                DiagnosticAssert.None(StrictCompile.Diagnostics(outcome.Output));
            }
        }
    }
}
