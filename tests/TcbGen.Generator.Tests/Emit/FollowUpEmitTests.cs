using System;
using System.IO;
using System.Linq;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>The built-in specs with a <c>followUp</c> kind: the response part that implements the runtime interface, as a snapshot.</summary>
    public sealed class FollowUpEmitTests
    {
        [Theory]
        [InlineData("cloudbase-common/getUploadTcbFileLink.tcb.json", "GetUploadTcbFileLink")]
        [InlineData("cloudbase-batch/getMigrationState.tcb.json", "GetMigrationState")]
        public void TheResponseImplementsItsKindsInterface(string spec, string prefix)
        {
            string json = File.ReadAllText(Path.Combine(Paths.SpecsDirectory, spec));
            // With the families' shared error set, which the spec includes.
            string errorSets = File.ReadAllText(Path.Combine(Paths.SpecsDirectory, "cloudbase.tcb.defs.json"));
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(Path.GetFileName(spec), json), GeneratorHarness.Spec("cloudbase.tcb.defs.json", errorSets) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
            string source = outcome.Source(prefix + ".g.cs").Replace("\r\n", "\n");
            int start = source.IndexOf($"partial class {prefix}Response : global::TcbGen.Runtime.Transfers.", StringComparison.Ordinal);
            Assert.True(start >= 0, "no follow-up part in the generated file");
            int end = source.IndexOf("\n    }\n", start, StringComparison.Ordinal) + 7;
            SnapshotAssert.Matches($"FollowUps/{prefix}Response.cs", source.Substring(start, end - start));
        }
    }
}
