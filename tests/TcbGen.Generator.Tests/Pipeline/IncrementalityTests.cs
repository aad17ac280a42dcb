using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Pipeline
{
    /// <summary>The pipeline does no spec work for unrelated edits and re-emits only the edited spec.</summary>
    public sealed class IncrementalityTests
    {
        private static readonly string[] SpecSteps =
        {
            TrackingNames.Parse, TrackingNames.CrossSpecCheck, TrackingNames.SpecDiagnostics, TrackingNames.Endpoint, TrackingNames.EndpointWithOptions,
            TrackingNames.TokenKinds, TrackingNames.AllErrors, TrackingNames.Options,
        };

        [Fact]
        public void AnUnrelatedCSharpEditLeavesEverySpecStepCachedOrUnchanged()
        {
            CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
            GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.SeedSpecs()).RunGenerators(compilation);

            SyntaxTree edited = CSharpSyntaxTree.ParseText("class A { int X; }", (CSharpParseOptions)compilation.SyntaxTrees[0].Options, "User.cs");
            driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[0], edited));
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            foreach (string step in SpecSteps)
            {
                Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
                foreach ((object Value, IncrementalStepRunReason Reason) output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
                {
                    Assert.True(
                        output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"step {step} output was {output.Reason}");
                }
            }

            Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o =>
                Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step was {o.Reason}"));
        }

        [Fact]
        public void EditingOneSpecReemitsOnlyThatSpec()
        {
            IReadOnlyList<AdditionalText> specs = GeneratorHarness.SeedSpecs();
            CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
            GeneratorDriver driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);
            Dictionary<string, SyntaxTree> before = driver.GetRunResult().GeneratedTrees.ToDictionary(t => System.IO.Path.GetFileName(t.FilePath));

            AdditionalText original = specs.Single(s => s.Path.EndsWith("changeTcbEnv.tcb.json", StringComparison.Ordinal));
            string text = original.GetText()!.ToString().Replace("Changes an environment", "Converts an environment");
            driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(original.Path, text)).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            var parse = result.TrackedSteps[TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Modified));
            Assert.Equal(3, parse.Count(r => r == IncrementalStepRunReason.Cached));

            var emitted = result.TrackedSteps[TrackingNames.EndpointWithOptions].SelectMany(s => s.Outputs).ToList();
            var modified = emitted.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
            Assert.Single(modified);
            Assert.Contains("ChangeTcbEnv", modified[0].Value.ToString());
            Assert.Equal(3, emitted.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));

            foreach (string shared in new[] { TrackingNames.TokenKinds, TrackingNames.AllErrors })
            {
                Assert.All(result.TrackedSteps[shared].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
            }

            Assert.Contains("Converts an environment", driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("ChangeTcbEnv.g.cs", StringComparison.Ordinal)).ToString());

            // One source output ran anew (that spec's one file); every other output, the shared files' included, was carried over.
            var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
            Assert.Equal(1, outputs.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified));
            Assert.All(outputs.Where(o => o.Reason is not (IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
            Assert.Equal(before.Keys.OrderBy(k => k), driver.GetRunResult().GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).OrderBy(k => k));
        }

        [Fact]
        public void EditingASharedTypeInADefinitionsFileReachesEveryUserAndNothingElse()
        {
            string Test(string name) => System.IO.File.ReadAllText(System.IO.Path.Combine(Paths.TestsDirectory, "TestSpecs", name));
            AdditionalText definitions = GeneratorHarness.Spec("cloudFunctions.tcb.defs.json", Test("cloudFunctions.tcb.defs.json"));
            var specs = new List<AdditionalText>(GeneratorHarness.SeedSpecs())
            {
                definitions,
                GeneratorHarness.Spec("listFunctions.tcb.json", Test("listFunctions.tcb.json")),
                GeneratorHarness.Spec("updateFunction.tcb.json", Test("updateFunction.tcb.json")),
            };
            CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
            GeneratorDriver driver = GeneratorHarness.Driver(specs).RunGenerators(compilation);

            string text = definitions.GetText()!.ToString().Replace("{ \"name\": \"memory_mb\"", "{ \"name\": \"timeout_s\", \"type\": \"integer\" },\n        { \"name\": \"memory_mb\"");
            driver = driver.ReplaceAdditionalText(definitions, new InMemoryAdditionalText(definitions.Path, text)).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            var emitted = result.TrackedSteps[TrackingNames.EndpointWithOptions].SelectMany(s => s.Outputs).ToList();
            var modified = emitted.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => o.Value.ToString()!).ToList();
            Assert.Equal(2, modified.Count);
            Assert.Contains(modified, m => m.Contains("listFunctions", StringComparison.Ordinal));
            Assert.Contains(modified, m => m.Contains("updateFunction", StringComparison.Ordinal));
            Assert.Equal(4, emitted.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
            string Generated(string file) => driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith(file, StringComparison.Ordinal)).ToString();
            Assert.Contains("public int? TimeoutS", Generated("cloudFunctions.Definitions.g.cs"));
            Assert.Contains("timeout_s", Generated("ListFunctions.g.cs"));
            Assert.Contains("timeout_s", Generated("UpdateFunction.g.cs"));
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(output));
        }

        [Fact]
        public void PipelineModelsHoldNoRoslynObjects()
        {
            CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
            GeneratorRunResult result = GeneratorHarness.Driver(GeneratorHarness.SeedSpecs()).RunGenerators(compilation).GetRunResult().Results.Single();

            int visited = 0;
            foreach (string step in SpecSteps)
            {
                foreach ((object Value, IncrementalStepRunReason _) output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
                {
                    Walk(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance), step, ref visited);
                }
            }

            Assert.True(visited > 100, $"only {visited} model nodes were walked");
        }

        private static void Walk(object? value, HashSet<object> seen, string path, ref int visited)
        {
            if (value == null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
            {
                return;
            }

            Assert.False(
                value is ISymbol or Compilation or SyntaxNode or SyntaxTree or SemanticModel or Location or AdditionalText,
                $"{path} holds a {value.GetType().Name}: Roslyn objects in the pipeline defeat caching and keep compilations alive");

            if (!value.GetType().IsValueType && !seen.Add(value))
            {
                return;
            }

            visited++;
            if (value is IEnumerable sequence)
            {
                int index = 0;
                foreach (object? item in sequence)
                {
                    Walk(item, seen, $"{path}[{index++}]", ref visited);
                }

                return;
            }

            foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.GetValue(value), seen, $"{path}.{field.Name}", ref visited);
            }
        }
    }
}
