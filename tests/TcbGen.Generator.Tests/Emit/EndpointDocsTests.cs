using System.Linq;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>IntelliSense shows the caller what serves them: the title, the description, the notes and the permission sets; never the author's decisions.</summary>
    public sealed class EndpointDocsTests
    {
        private const string Spec = """
            {
              "name": "probeDocs",
              "title": "Probe the docs (test)",
              "description": "Returns the quota left.",
              "decisions": ["AUTHOR-ONLY: 'env' decided required.", "AUTHOR-ONLY: retry-safe because it reads."],
              "notes": ["10次每小时 (10 calls an hour)."],
              "permissionSets": [18],
              "method": "POST",
              "path": "/tcb/probedocs",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true
            }
            """;

        [Fact]
        public void TheRemarksHoldDescriptionNotesAndPermissionSetsAndNoDecision()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeDocs.tcb.json", Spec) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            string client = outcome.Source("ProbeDocs.g.cs"); // the client methods and the endpoint class, among the rest
            Assert.Contains("/// <summary>Calls <c>probeDocs</c> (POST <c>/tcb/probedocs</c>): Probe the docs (test).</summary>", client);
            Assert.Contains("/// <para>Returns the quota left.</para>", client);
            Assert.Contains("/// <para>Note: 10次每小时 (10 calls an hour).</para>", client);
            Assert.Contains("/// <para>Needs permission set (权限集) 18 granted to the third-party platform.</para>", client);
            string beforeEndpointClass = client.Substring(0, client.IndexOf("public static partial class ProbeDocsEndpoint", System.StringComparison.Ordinal));
            Assert.Contains("Needs permission set (权限集) 18", beforeEndpointClass.Substring(beforeEndpointClass.LastIndexOf("/// <summary><c>probeDocs</c>", System.StringComparison.Ordinal)));
            Assert.DoesNotContain(outcome.Sources, s => s.SourceText.ToString().Contains("AUTHOR-ONLY"));
            Assert.Contains("accept an <c>authorizer_access_token</c>", outcome.Source("TcbClients.Shared.g.cs"));
        }

        [Fact]
        public void DecisionsThatAreNotTextAreReported()
        {
            string json = Spec.Replace("\"decisions\": [\"AUTHOR-ONLY: 'env' decided required.\", \"AUTHOR-ONLY: retry-safe because it reads.\"]", "\"decisions\": [\"ok\", 3]");

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeDocs.tcb.json", json) });

            Assert.Equal("TCB0003", Assert.Single(outcome.GeneratorDiagnostics).Id);
            Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("ProbeDocs", System.StringComparison.Ordinal));
        }
    }
}
