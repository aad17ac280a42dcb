using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Analyzers
{
    /// <summary>Mistakes in user code that must fail the build at the call site, proven on real compilations.</summary>
    public sealed class CompileTimeCheckTests
    {
        private const string Usings = "using Test.Tcb; using TcbGen.Runtime; using System.Collections.Generic;\n";

        [Fact]
        public void AMissingRequiredFieldIsARequiredMemberErrorOnCSharp11AndLater()
        {
            string code = Usings + "class C { object M() => new ChangeTcbEnvRequest(); }";

            Diagnostic error = Assert.Single(ErrorsFor(code, LanguageVersion.CSharp12));

            Assert.Equal("CS9035", error.Id);
            AssertAt(error, code, "ChangeTcbEnvRequest()");
            Assert.Contains("Env", error.GetMessage());
        }

        [Fact]
        public void AMissingRequiredFieldIsAConstructorErrorBeforeCSharp11()
        {
            string code = Usings + "class C { object M() => new ChangeTcbEnvRequest(); }";

            Diagnostic error = Assert.Single(ErrorsFor(code, LanguageVersion.CSharp10));

            Assert.Equal("CS7036", error.Id);
            AssertAt(error, code, "ChangeTcbEnvRequest()");
            Assert.Contains("env", error.GetMessage());
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp12, "new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Set, Env = \"e\", ApiWhitelist = new List<string>(), Version = 1 }")]
        [InlineData(LanguageVersion.CSharp12, "new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Set, Env = \"e\", Open = null, ApiWhitelist = new List<string>(), Version = 1 }")]
        [InlineData(LanguageVersion.CSharp10, "new SetCloudAccessTokenRequest(SetCloudAccessTokenAction.Set, \"e\") { ApiWhitelist = new List<string>(), Version = 1 }")]
        public void ABrokenConditionalRequirementIsAnAnalyzerErrorAtTheCallSite(LanguageVersion version, string creation)
        {
            string code = Usings + $"class C {{ object M() => {creation}; }}";

            Diagnostic error = Assert.Single(ErrorsFor(code, version));

            Assert.Equal("TCB1001", error.Id);
            Assert.Equal(DiagnosticSeverity.Error, error.Severity);
            AssertAt(error, code, creation);
            Assert.StartsWith("'Open' is required when 'Action' is", error.GetMessage());
        }

        [Fact]
        public void ConditionalRequirementsInNestedObjectsAreCheckedToo()
        {
            string creation = "new CallbackContainerConfig { Enable = true, QbaseEnv = \"e\", TextMode = CallbackTextMode.Xml }";
            string code = Usings + $"class C {{ object M() => {creation}; }}";

            Diagnostic error = Assert.Single(ErrorsFor(code, LanguageVersion.CSharp12));

            Assert.Equal("TCB1001", error.Id);
            AssertAt(error, code, creation);
            Assert.StartsWith("'QbaseContainerPath' is required when 'Enable' is true", error.GetMessage());
        }

        [Theory]
        [InlineData("new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = \"e\" }")]
        [InlineData("new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Set, Env = \"e\", Open = true, ApiWhitelist = new List<string> { \"/*\" }, Version = 6 }")]
        [InlineData("new CallbackContainerConfig { Enable = false }")]
        public void SatisfiedOrInactiveConditionsCompile(string creation)
        {
            string code = Usings + $"class C {{ object M() => {creation}; }}";

            Assert.Empty(ErrorsFor(code, LanguageVersion.CSharp12));
        }

        [Theory]
        [InlineData("new TcbComponentClient(t)", "client.CreateCloudUserAsync()", "CreateCloudUserAsync", "createCloudUser")]
        [InlineData("new TcbComponentClient(t)", "client.SetCallBackConfigAsync(new SetCallBackConfigRequest())", "SetCallBackConfigAsync", "setCallBackConfig")]
        [InlineData("(ITcbComponentClient)new TcbComponentClient(t)", "client.SetCallBackConfigAsync(new SetCallBackConfigRequest())", "SetCallBackConfigAsync", "setCallBackConfig")]
        public void AnAuthorizerOnlyEndpointOnTheComponentClientIsCS1061AndATcbErrorNamingTheRightClient(string client, string call, string method, string endpoint)
        {
            string code = Usings + $"class C {{ object M(ITcbTransport t) {{ var client = {client}; return {call}; }} }}";

            List<Diagnostic> errors = ErrorsFor(code, LanguageVersion.CSharp12);

            Diagnostic compiler = Assert.Single(errors, e => e.Id == "CS1061");
            Diagnostic hint = Assert.Single(errors, e => e.Id == "TCB1002");
            Assert.Equal(2, errors.Count);
            AssertAt(compiler, code, method);
            AssertAt(hint, code, method);
            Assert.Equal(DiagnosticSeverity.Error, hint.Severity);
            Assert.Equal($"{endpoint} needs authorizer_access_token: call it on ITcbAuthorizerClient", hint.GetMessage());
        }

        [Fact]
        public void AMethodNoClientHasIsLeftToTheCompiler()
        {
            string code = Usings + "class C { object M(ITcbTransport t) => new TcbComponentClient(t).NoSuchEndpointAsync(); }";

            Diagnostic error = Assert.Single(ErrorsFor(code, LanguageVersion.CSharp12));

            Assert.Equal("CS1061", error.Id);
        }

        [Fact]
        public void EndpointsAllowingBothTokenKindsAreOnBothClients()
        {
            string code = Usings + @"class C {
                object A(ITcbTransport t) => new TcbComponentClient(t).ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = ""e"" });
                object B(ITcbTransport t) => new TcbAuthorizerClient(t, ""wx1"").ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = ""e"" });
                object D(ITcbTransport t) => new TcbAuthorizerClient(t, ""wx1"").CreateCloudUserAsync();
                ITcbAuthorizerClient E(ITcbTransport t) => new TcbAuthorizerClient(t, ""wx1"");
            }";

            Assert.Empty(ErrorsFor(code, LanguageVersion.CSharp12));
        }

        [Fact]
        public void Int64FieldsAreLongs()
        {
            const string spec = @"{ ""name"": ""bigNumbers"", ""title"": ""t"", ""method"": ""POST"", ""path"": ""/x"", ""tokenKinds"": [""authorizer_access_token""], ""retrySafe"": true,
                ""request"": { ""fields"": [ { ""name"": ""big"", ""type"": ""integer"", ""format"": ""int64"", ""required"": true }, { ""name"": ""small"", ""type"": ""integer"" } ] },
                ""response"": { ""fields"": [ { ""name"": ""total"", ""type"": ""integer"", ""format"": ""int64"" } ] } }";
            string code = Usings + "class C { long M(BigNumbersResponse r) { var q = new BigNumbersRequest { Big = 5_000_000_000L }; int? s = q.Small; return q.Big + (r.Total ?? 0L); } }";

            GeneratorOutcome outcome = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("bigNumbers.tcb.json", spec) }, code);

            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            DiagnosticAssert.None(GeneratorHarness.CompileDiagnostics(outcome.Output));
        }

        private static List<Diagnostic> ErrorsFor(string userCode, LanguageVersion version)
        {
            GeneratorOutcome outcome = GeneratorHarness.Run(GeneratorHarness.SeedSpecs(), userCode, version);
            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            return GeneratorHarness.CompileDiagnostics(outcome.Output).ToList();
        }

        private static void AssertAt(Diagnostic diagnostic, string code, string marker)
        {
            Assert.Equal("User.cs", diagnostic.Location.SourceTree?.FilePath);
            Assert.Equal(code.IndexOf(marker, System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        }
    }
}
