using System.Linq;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Specs;
using TcbGen.Specs.Model;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>
    /// <c>"errorSets": ["wechat"]</c> brings WeChat's global errcodes into a spec: each code keeps one name in every spec
    /// and in <c>TcbErrorCode</c>, the spec's own row may override message and solution, and <c>message</c> is optional.
    /// </summary>
    public sealed class ErrorSetTests
    {
        private const string Spec = """
            {
              "name": "probeQuota",
              "title": "Probe quotas (test)",
              "method": "POST",
              "path": "/tcb/probequota",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "errorSets": ["wechat"],
              "errors": [
                { "code": 45009, "solution": "Ten calls an hour for this endpoint." },
                { "code": 40101, "name": "MissingParameter" }
              ]
            }
            """;

        [Fact]
        public void TheWeChatSetHoldsTheGlobalCodesWithDocumentedMessages()
        {
            Assert.True(ErrorSets.TryGet(ErrorSets.WeChat, out var errors));
            foreach ((int code, string name) in new[] { (-1, "SystemBusy"), (40001, "InvalidCredential"), (40014, "InvalidAccessToken"), (41001, "AccessTokenMissing"), (42001, "AccessTokenExpired"), (43002, "RequirePostMethod"), (44002, "EmptyPostData"), (45009, "DailyQuotaReached"), (45011, "MinuteQuotaReached"), (47001, "DataFormatError") })
            {
                ErrorSpec error = Assert.Single(errors, e => e.Code == code);
                Assert.Equal(name, error.Name);
                Assert.NotEmpty(error.Message);
                Assert.NotNull(error.Solution);
            }

            Assert.Equal(errors.Count, errors.Select(e => e.Name).Distinct().Count());
            Assert.Equal(errors.OrderBy(e => e.Code).Select(e => e.Code), errors.Select(e => e.Code));
        }

        [Fact]
        public void AnOwnRowOverridesTheSolutionAndKeepsTheSetsNameAndMessage()
        {
            ParsedSpec parsed = SpecParser.Parse("/specs/probeQuota.tcb.json", Spec);

            Assert.Empty(parsed.Diagnostics);
            ErrorSpec quota = Assert.Single(parsed.Spec!.Errors, e => e.Code == 45009);
            Assert.Equal("DailyQuotaReached", quota.Name);
            Assert.Equal("reach max api daily quota limit", quota.Message);
            Assert.Equal("Ten calls an hour for this endpoint.", quota.Solution);
            Assert.Single(parsed.Spec.Errors, e => e.Code == 40014 && e.Name == "InvalidAccessToken");
            Assert.Equal(parsed.Spec.Errors.Count, parsed.Spec.Errors.Select(e => e.Code).Distinct().Count());
        }

        [Fact]
        public void AnOwnRowTakingAnIncludedNameForAnotherCodeIsReportedAtThatRow()
        {
            string clash = Spec.Replace("{ \"code\": 40101, \"name\": \"MissingParameter\" }", "{ \"code\": 90001, \"name\": \"InvalidCredential\" }", System.StringComparison.Ordinal);
            ParsedSpec parsed = SpecParser.Parse("/specs/probeQuota.tcb.json", clash);

            SpecDiagnostic diagnostic = Assert.Single(parsed.Diagnostics);
            Assert.Equal(SpecDiagnosticIds.ErrorCodeConflict, diagnostic.Id);
            Assert.Equal("The error name 'InvalidCredential' is errcode 40001 in an included error set but 90001 here; give errcode 90001 another name.", diagnostic.Message);
            Assert.Equal(clash.Split('\n').ToList().FindIndex(l => l.Contains("90001", System.StringComparison.Ordinal)), diagnostic.Span.StartLine);
        }

        [Fact]
        public void ARowWithoutMessageIsDocumentedByCodeAndSolutionOnly()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("probeQuota.tcb.json", Spec) });

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            string endpoint = outcome.Source("ProbeQuota.g.cs");
            Assert.Contains("/// <summary><c>40101</c></summary>", endpoint);
            Assert.Contains("DailyQuotaReached = 45009,", endpoint);
            Assert.Contains("Ten calls an hour for this endpoint.", endpoint);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        [Fact]
        public void SeedsIncludingTheSetShareOneNamePerCodeInTcbErrorCode()
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.SeedSpecs().Append(GeneratorHarness.Spec("probeQuota.tcb.json", Spec)));

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            string all = outcome.Source("TcbErrorCode.Shared.g.cs");
            Assert.True(ErrorSets.TryGet(ErrorSets.WeChat, out var errors));
            foreach (ErrorSpec error in errors)
            {
                Assert.Contains($"{error.Name} = {error.Code},", all);
            }

            foreach (string prefix in new[] { "ChangeTcbEnv", "CreateCloudUser", "SetCallBackConfig", "SetCloudAccessToken" })
            {
                Assert.Contains("MinuteQuotaReached = 45011,", outcome.Source(prefix + ".g.cs"));
            }
        }
    }
}
