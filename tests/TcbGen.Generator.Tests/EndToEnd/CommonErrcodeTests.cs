using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>A global errcode a seed takes from the <c>wechat</c> error set reaches the caller typed, with the set's errmsg and solution.</summary>
    public sealed class CommonErrcodeTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public CommonErrcodeTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task ADailyQuotaErrorIsTypedAndExplained()
        {
            _fixture.Emulator.ScriptErrcode(ChangeTcbEnvEndpoint.Name, 45009);

            var exception = await Assert.ThrowsAsync<TcbApiException<ChangeTcbEnvError>>(() => _fixture.Client.ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = "env-1" }));

            Assert.Equal(ChangeTcbEnvError.DailyQuotaReached, exception.Code);
            Assert.True(exception.IsDocumented);
            Assert.StartsWith("reach max api daily quota limit", exception.ErrorMessage);
            Assert.Contains("get_api_quota", exception.Solution);
            Assert.Equal(45009, (int)TcbErrorCode.DailyQuotaReached);
        }
    }
}
