using System.IO;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>Each constraint is shown in the property's XML docs, in words.</summary>
    public sealed class ConstraintDocsTests
    {
        [Fact]
        public void TheRemarksStateEveryConstraint()
        {
            string json = File.ReadAllText(Path.Combine(Paths.TestsDirectory, "TestSpecs", "setEnvLimits.tcb.json"));

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("setEnvLimits.tcb.json", json) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            string types = outcome.Source("SetEnvLimits.g.cs");
            Assert.Contains("Constraint: at least 2 characters, at most 16 characters, matches the .NET regular expression ^[a-z][a-zA-Z0-9-]*$.", types);
            Assert.Contains("Constraint: at least 1, at most 7200.", types);
            Assert.Contains("Constraint: at least 1 items, at most 3 items.", types);
            Assert.Contains("Constraint: always \"run\".", types);
            Assert.Contains("Constraint: always 2.", types);
        }
    }
}
