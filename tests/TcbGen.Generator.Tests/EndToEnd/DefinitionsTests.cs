using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// cloudFunctions.tcb.defs.json (a test definitions file) declares <c>FunctionInfo</c>, <c>FunctionRuntime</c> and the
    /// error set <c>tcb</c>; listFunctions reads them in a response, updateFunction writes them in a request. One C# type,
    /// the set's rows in both error enums (listFunctions overriding a solution), and the emulator checks them the same way.
    /// </summary>
    public sealed class DefinitionsTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public DefinitionsTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void ATypeOfTheDefinitionsFileIsOneCSharpTypeDeclaredOnce()
        {
            Assert.Equal(typeof(FunctionInfo), typeof(UpdateFunctionRequest).GetProperty(nameof(UpdateFunctionRequest.Function))!.PropertyType);
            Assert.Equal(typeof(FunctionInfo), typeof(ListFunctionsResponse).GetProperty(nameof(ListFunctionsResponse.Functions))!.PropertyType.GetGenericArguments().Single());

            string[] names = { "cloudFunctions.tcb.defs.json", "listFunctions.tcb.json", "updateFunction.tcb.json" };
            GeneratorOutcome outcome = GeneratorHarness.Run(names.Select(n => GeneratorHarness.Spec(n, File.ReadAllText(Path.Combine(Paths.TestsDirectory, "TestSpecs", n)))));
            DiagnosticAssert.None(outcome.GeneratorDiagnostics);
            var declaring = outcome.Sources.Where(s => s.SourceText.ToString().Contains("partial class FunctionInfo")).Select(s => s.HintName).ToList();
            Assert.Equal("cloudFunctions.Definitions.g.cs", Assert.Single(declaring));
            Assert.Contains("A cloud function.", outcome.Source("cloudFunctions.Definitions.g.cs"));
        }

        [Fact]
        public async Task TheResponseReadsTheDefinitionsTypes()
        {
            ListFunctionsResponse response = await _fixture.Client.ListFunctionsAsync(new ListFunctionsRequest { Env = "env-1" });

            FunctionInfo function = Assert.Single(response.Functions!);
            Assert.Equal("login", function.Name);
            Assert.Equal(FunctionRuntime.NodeJs, function.Runtime);
            Assert.Equal(256, function.MemoryMb);
        }

        [Fact]
        public async Task TheRequestWritesAndValidatesTheDefinitionsTypes()
        {
            await _fixture.Client.UpdateFunctionAsync(new UpdateFunctionRequest { Function = new FunctionInfo { Name = "login", Runtime = FunctionRuntime.Python } });

            Assert.Equal("{\"function\":{\"name\":\"login\",\"runtime\":2}}", _fixture.Emulator.RequestsTo(UpdateFunctionEndpoint.Name).Last().Body);
            var problems = UpdateFunctionValidator.Validate(new UpdateFunctionRequest { Function = new FunctionInfo { Name = null!, Runtime = (FunctionRuntime)9 } });
            Assert.Equal(new[] { "function.name", "function.runtime" }, problems.Select(p => p.Path).OrderBy(p => p, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("{\"function\":{\"name\":\"login\"}}", 0)]
        [InlineData("{\"function\":{\"runtime\":1}}", 40101)]
        [InlineData("{\"function\":{\"name\":\"login\",\"runtime\":9}}", 40097)]
        public async Task TheEmulatorChecksTheDefinitionsTypes(string body, int errcode)
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            using var http = new HttpClient();

            using HttpResponseMessage response = await http.PostAsync(new System.Uri(_fixture.Emulator.BaseAddress, "/test/updatefunction?access_token=" + token), new StringContent(body, Encoding.UTF8, "application/json"));

            using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(errcode, answer.RootElement.GetProperty("errcode").GetInt32());
        }

        [Fact]
        public async Task AnErrcodeOfTheUserSetIsTypedWithTheSetsSolution()
        {
            _fixture.Emulator.ScriptErrcode(UpdateFunctionEndpoint.Name, 40097);

            var exception = await Assert.ThrowsAsync<TcbApiException<UpdateFunctionError>>(() => _fixture.Client.UpdateFunctionAsync(new UpdateFunctionRequest { Function = new FunctionInfo { Name = "login" } }));

            Assert.Equal(UpdateFunctionError.InvalidArgs, exception.Code);
            Assert.StartsWith("invalid args", exception.ErrorMessage);
            Assert.Contains("check the values against the documentation", exception.Solution);
            Assert.Equal(-1000, (int)UpdateFunctionError.SystemError);
            Assert.Equal(-1000, (int)TcbErrorCode.SystemError);
        }

        [Fact]
        public async Task ASpecsOwnRowOverridesTheSetsSolution()
        {
            _fixture.Emulator.ScriptErrcode(ListFunctionsEndpoint.Name, 40097);

            var exception = await Assert.ThrowsAsync<TcbApiException<ListFunctionsError>>(() => _fixture.Client.ListFunctionsAsync(new ListFunctionsRequest { Env = "env-1" }));

            Assert.Equal(ListFunctionsError.InvalidArgs, exception.Code);
            Assert.Equal("The environment does not exist.", exception.Solution);
            Assert.Equal(45009, (int)ListFunctionsError.DailyQuotaReached);
        }
    }
}
