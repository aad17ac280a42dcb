using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Runtime;
using TcbGen.Specs;
using static TcbGen.Generator.Tests.Infrastructure.DiagnosticAssert;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// <c>"response": { "followUp": ... }</c>: a kind from the closed catalog, checked against the response's fields (each
    /// problem one located diagnostic, the emulator agreeing), and the catalog against the runtime's interfaces.
    /// </summary>
    public sealed class FollowUpDiagnosticsTests
    {
        private const string ProbeFile = "probeJob.tcb.json";
        private const string ProbePath = "/specs/" + ProbeFile;

        private static readonly string Probe = """
            {
              "name": "probeJob",
              "title": "Start a job (test)",
              "method": "POST",
              "path": "/tcb/probejob",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": false,
              "request": {
                "fields": [
                  { "name": "env", "type": "string", "required": true }
                ]
              },
              "response": {
                "followUp": "migrationJob",
                "fields": [
                  { "name": "job_id", "type": "integer", "format": "int64" }
                ]
              }
            }
            """.Replace("\r\n", "\n");

        private const string JobIdField = """{ "name": "job_id", "type": "integer", "format": "int64" }""";

        [Fact]
        public void AResponseThatFitsItsKindGeneratesAndCompiles()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec(ProbeFile, Probe) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            Assert.Contains("partial class ProbeJobResponse : global::TcbGen.Runtime.Transfers.ITcbMigrationJob", outcome.Source("ProbeJob.g.cs"), StringComparison.Ordinal);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        [Theory]
        [InlineData("TCB0007", "\"followUp\": \"migrationJob\"", "\"followUp\": \"migration\"", "\"migration\"", null, "use one of: cosFormUpload, signedPut")]
        [InlineData("TCB0003", "\"followUp\": \"migrationJob\"", "\"followUp\": 1", "1,", "1", "'followUp'")]
        [InlineData("TCB0018", JobIdField, """{ "name": "id", "type": "integer", "format": "int64" }""", "\"migrationJob\"", null, "needs the response field 'job_id'")]
        [InlineData("TCB0018", JobIdField, """{ "name": "job_id", "type": "string" }""", """{ "name": "job_id", "type": "string" }""", null, "reads the response field 'job_id' as an \"integer\"")]
        [InlineData("TCB0018", "{ \"name\": \"env\", \"type\": \"string\", \"required\": true }\n    ]\n  },", "{ \"name\": \"env\", \"type\": \"string\", \"required\": true }\n    ],\n    \"followUp\": \"signedPut\"\n  },", "\"signedPut\"", null, "move it to 'response'")]
        public void AFollowUpThatDoesNotFitIsOneLocatedDiagnostic(string id, string find, string replace, string atContext, string? atTarget, string messagePart)
        {
            string json = ReplaceOnce(Probe, find, replace);
            var specs = new List<AdditionalText> { GeneratorHarness.Spec(ProbeFile, json) };

            GeneratorOutcome outcome = GeneratorHarness.Run(specs);

            Diagnostic diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
            AssertDiagnostic(diagnostic, id, ProbePath, At(json, atContext, atTarget), messagePart);
            Assert.DoesNotContain(outcome.Sources, s => s.HintName == "ProbeJob.g.cs");
            EmulatorAgreement.AssertRejectsLikeTheBuild(diagnostic, specs);
        }

        /// <summary>Each kind names a runtime interface with exactly its members, each of the catalog's C# type.</summary>
        [Fact]
        public void EveryKindMatchesItsRuntimeInterface()
        {
            Assembly runtime = typeof(TcbResponse).Assembly;
            foreach (FollowUp followUp in FollowUps.All)
            {
                Type? type = runtime.GetType("TcbGen.Runtime.Transfers." + followUp.InterfaceName);
                Assert.True(type is { IsInterface: true }, $"{followUp.SpecName}: no interface {followUp.InterfaceName} in TcbGen.Runtime");
                Assert.Equal(
                    followUp.Members.Select(m => (m.MemberName, m.CSharpType)).OrderBy(m => m.MemberName),
                    type!.GetProperties().Select(p => (p.Name, p.PropertyType == typeof(string) ? "string?" : p.PropertyType == typeof(long?) ? "long?" : p.PropertyType.Name)).OrderBy(m => m.Name));
            }

            Assert.Equal(Enum.GetValues<FollowUpKind>().Length, FollowUps.All.Select(f => f.Kind).Distinct().Count());
        }
    }
}
