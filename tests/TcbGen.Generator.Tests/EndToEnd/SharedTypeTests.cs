using System.Linq;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// getCallBackConfig (a test spec) returns setCallBackConfig's callback types by <c>"ref"</c>: the very C# types the
    /// seed declares, read from a response through the generated client and the emulator; the request's <c>ref</c> to an
    /// integer enum is written and validated as setCallBackConfig writes it.
    /// </summary>
    public sealed class SharedTypeTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public SharedTypeTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task TheResponseReadsTheSeedsOwnTypes()
        {
            GetCallBackConfigResponse response = await _fixture.Client.GetCallBackConfigAsync(new GetCallBackConfigRequest { Only = new[] { CallbackTextMode.Xml } });

            CallbackFunctionConfig functions = response.FunctionConfig!;
            Assert.True(functions.Enable);
            CallbackRule rule = Assert.Single(functions.Callbacks!);
            Assert.Equal("user_enter_tempsession", rule.Event);
            Assert.Equal("callback", rule.FunctionName);
            Assert.Equal(CallbackTextMode.Xml, response.ContainerConfig!.TextMode);
            RecordedRequest sent = _fixture.Emulator.RequestsTo(GetCallBackConfigEndpoint.Name).Last();
            Assert.Equal("{\"only\":[2]}", sent.Body);
        }

        [Fact]
        public async Task AReferencedTypeMissingItsRequiredFieldsInAResponseStillReads()
        {
            _fixture.Emulator.ScriptResponse(GetCallBackConfigEndpoint.Name, "{\"errcode\":0,\"errmsg\":\"ok\",\"history\":[{\"env\":\"env-2\"}]}");

            GetCallBackConfigResponse response = await _fixture.Client.GetCallBackConfigAsync(new GetCallBackConfigRequest());

            CallbackRule rule = Assert.Single(response.History!);
            Assert.Equal("env-2", rule.Env);
            Assert.Null(response.FunctionConfig);
        }

        [Fact]
        public void TheRequestValidatesTheReferencedEnum()
        {
            var problems = GetCallBackConfigValidator.Validate(new GetCallBackConfigRequest { Only = new[] { (CallbackTextMode)7 } });

            Assert.Equal("only[0]", Assert.Single(problems).Path);
        }
    }
}
