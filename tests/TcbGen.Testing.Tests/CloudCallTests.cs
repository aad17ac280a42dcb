using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>Cloud calls (<c>cloudbase_access_token=</c>) under the whitelist setCloudAccessToken sets, over real HTTP.</summary>
    public sealed class CloudCallTests
    {
        private const string Env = "env-a";

        [Fact]
        public async Task BeforeAnySetEveryApiTakesTheCloudCallToken()
        {
            await using Session session = await Session.StartAsync();
            string token = session.Emulator.IssueCloudCallToken(Env, Session.AppId);

            WireResponse response = await CloudCallAsync(session, "/tcb/modifyenv", token, "{\"env\":\"e\"}");

            Assert.Equal(0, response.Errcode);
            RecordedRequest sent = session.Emulator.RequestsTo("changeTcbEnv").Single();
            Assert.Equal("cloudbase_access_token", sent.TokenKind);
            Assert.Equal(Session.AppId, sent.AuthorizerAppId);
            Assert.Equal("?cloudbase_access_token=***", sent.Query);
        }

        [Fact]
        public async Task TheWhitelistSetDecidesWhichApisACloudCallReaches()
        {
            await using Session session = await Session.StartAsync();
            string token = session.Emulator.IssueCloudCallToken(Env, Session.AppId);

            WireResponse set = await SetAsync(session, open: true, "/tcb/modifyenv");
            WireResponse allowed = await CloudCallAsync(session, "/tcb/modifyenv", token, "{\"env\":\"e\"}");
            WireResponse refused = await CloudCallAsync(session, "/tcb/createclouduser", token, "{}");
            WireResponse otherEnv = await CloudCallAsync(session, "/tcb/createclouduser", session.Emulator.IssueCloudCallToken("env-b"), "{}");

            Assert.Equal(0, set.Errcode);
            Assert.True(set.Json.GetProperty("open").GetBoolean());
            Assert.Equal(0, allowed.Errcode);
            refused.AssertError(48001, "api unauthorized");
            Assert.Contains("/tcb/createclouduser is not in the api_whitelist of env env-a", refused.Errmsg);
            Assert.NotEqual(48001, otherEnv.Errcode);
        }

        [Fact]
        public async Task WildcardEntriesCoverAPathPrefix()
        {
            await using Session session = await Session.StartAsync();
            string token = session.Emulator.IssueCloudCallToken(Env);

            await SetAsync(session, open: true, "/tcb/*");

            Assert.Equal(0, (await CloudCallAsync(session, "/tcb/modifyenv", token, "{\"env\":\"e\"}")).Errcode);
        }

        [Fact]
        public async Task OpenFalseTurnsEveryCloudCallOffAndGetReadsTheSettingBack()
        {
            await using Session session = await Session.StartAsync();
            string token = session.Emulator.IssueCloudCallToken(Env);

            await SetAsync(session, open: false, "/*");
            WireResponse refused = await CloudCallAsync(session, "/tcb/modifyenv", token, "{\"env\":\"e\"}");
            WireResponse get = await session.PostAsync("/tcb/usecloudaccesstoken", session.AuthorizerToken(), "{\"action\":\"get\",\"env\":\"" + Env + "\"}");
            WireResponse withAccessToken = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}");

            refused.AssertError(48001, "api unauthorized");
            Assert.Contains("open=false", refused.Errmsg);
            Assert.False(get.Json.GetProperty("open").GetBoolean());
            Assert.Equal(new[] { "/*" }, get.Json.GetProperty("api_whitelist").EnumerateArray().Select(e => e.GetString()).ToArray());
            Assert.Equal(7, get.Json.GetProperty("version").GetInt32());
            Assert.Equal(0, withAccessToken.Errcode);
        }

        [Fact]
        public async Task OtherTokensSentAsCloudbaseAccessTokenAnswer40014AndExpiredOnes42001()
        {
            await using Session session = await Session.StartAsync();
            string expired = session.Emulator.IssueCloudCallToken(Env);
            session.Emulator.ExpireToken(expired);

            WireResponse wrongKind = await CloudCallAsync(session, "/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}");
            WireResponse old = await CloudCallAsync(session, "/tcb/modifyenv", expired, "{\"env\":\"e\"}");

            wrongKind.AssertError(40014, "invalid access_token");
            old.AssertError(42001, "access_token expired");
        }

        [Fact]
        public async Task TheAdminApiIssuesCloudCallTokensOfAnEnv()
        {
            await using Session session = await Session.StartAsync();
            await SetAsync(session, open: true, "/tcb/createclouduser");

            using HttpClient admin = session.Emulator.CreateAdminClient();
            using HttpResponseMessage issued = await admin.PostAsync("/__admin/tokens", JsonContent.Create(new { kind = "cloudbase_access_token", appid = Session.AppId, env = Env }));
            string token = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

            (await CloudCallAsync(session, "/tcb/modifyenv", token, "{\"env\":\"e\"}")).AssertError(48001, "api unauthorized");
        }

        private static Task<WireResponse> SetAsync(Session session, bool open, string whitelisted)
            => session.PostAsync(
                "/tcb/usecloudaccesstoken",
                session.AuthorizerToken(),
                "{\"action\":\"set\",\"open\":" + (open ? "true" : "false") + ",\"env\":\"" + Env + "\",\"api_whitelist\":[\"" + whitelisted + "\"],\"version\":7}");

        private static Task<WireResponse> CloudCallAsync(Session session, string path, string token, string body)
            => session.SendAsync(HttpMethod.Post, path + "?cloudbase_access_token=" + token, body);
    }
}
