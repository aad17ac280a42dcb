using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>Each documented errcode path, in the order WeChat checks them.</summary>
    public sealed class ErrcodePathTests
    {
        [Fact]
        public async Task NonPostAnswers43002BeforeAnythingElse()
        {
            await using Session session = await Session.StartAsync();

            WireResponse get = await session.SendAsync(HttpMethod.Get, "/tcb/modifyenv", null);
            WireResponse put = await session.SendAsync(HttpMethod.Put, "/tcb/modifyenv?access_token=" + session.AuthorizerToken(), "{\"env\":\"e\"}");

            get.AssertError(43002, "require POST method");
            put.AssertError(43002, "require POST method");
        }

        [Fact]
        public async Task MissingAccessTokenAnswers41001()
        {
            await using Session session = await Session.StartAsync();

            WireResponse missing = await session.PostAsync("/tcb/modifyenv", null, "{\"env\":\"e\"}");
            WireResponse empty = await session.SendAsync(HttpMethod.Post, "/tcb/modifyenv?access_token=", "{\"env\":\"e\"}");

            missing.AssertError(41001, "access_token missing");
            empty.AssertError(41001, "access_token missing");
        }

        [Fact]
        public async Task UnknownTokenAnswers40014()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/modifyenv", "never-issued", "{\"env\":\"e\"}");

            response.AssertError(40014, "invalid access_token");
        }

        [Fact]
        public async Task TokenOfAKindTheSpecDoesNotAllowAnswers40014NamingTheKinds()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/createclouduser", session.ComponentToken(), "{}");

            response.AssertError(40014, "invalid access_token");
            Assert.Contains("component_access_token is not accepted", response.Errmsg);
            Assert.Contains("takes authorizer_access_token", response.Errmsg);
        }

        [Fact]
        public async Task ComponentTokenIsAcceptedWhereTheSpecAllowsIt()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.ComponentToken(), "{\"env\":\"e\"}");

            Assert.Equal(0, response.Errcode);
        }

        [Fact]
        public async Task ExpiredTokenAnswers42001()
        {
            await using Session session = await Session.StartAsync();
            string token = session.AuthorizerToken();
            Assert.Equal(0, (await session.PostAsync("/tcb/modifyenv", token, "{\"env\":\"e\"}")).Errcode);

            session.Emulator.ExpireToken(token);
            WireResponse response = await session.PostAsync("/tcb/modifyenv", token, "{\"env\":\"e\"}");

            response.AssertError(42001, "access_token expired");
        }

        [Fact]
        public async Task TokenExpiresWhenTheTimeProviderPassesItsLifetime()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
            await using Session session = await Session.StartAsync(new WeChatEmulatorOptions { TimeProvider = time });
            string token = session.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, Session.AppId, TimeSpan.FromMinutes(10));

            time.Advance(TimeSpan.FromMinutes(9));
            WireResponse before = await session.PostAsync("/tcb/modifyenv", token, "{\"env\":\"e\"}");
            time.Advance(TimeSpan.FromMinutes(1));
            WireResponse after = await session.PostAsync("/tcb/modifyenv", token, "{\"env\":\"e\"}");

            Assert.Equal(0, before.Errcode);
            after.AssertError(42001, "access_token expired");
        }

        [Fact]
        public async Task ExpireAllTokensExpiresEveryIssuedToken()
        {
            await using Session session = await Session.StartAsync();
            string first = session.AuthorizerToken();
            string second = session.ComponentToken();

            session.Emulator.ExpireAllTokens();

            Assert.Equal(42001, (await session.PostAsync("/tcb/modifyenv", first, "{\"env\":\"e\"}")).Errcode);
            Assert.Equal(42001, (await session.PostAsync("/tcb/modifyenv", second, "{\"env\":\"e\"}")).Errcode);
            Assert.Equal(0, (await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}")).Errcode);
        }

        [Fact]
        public async Task ExpireTokenRejectsATokenNeverIssued()
        {
            await using Session session = await Session.StartAsync();

            Assert.Throws<ArgumentException>(() => session.Emulator.ExpireToken("never-issued"));
        }

        [Fact]
        public async Task EmptyBodyAnswers44002()
        {
            await using Session session = await Session.StartAsync();

            WireResponse none = await session.PostAsync("/tcb/setcallbackconfig", session.AuthorizerToken(), null);
            WireResponse blank = await session.PostAsync("/tcb/setcallbackconfig", session.AuthorizerToken(), "  \n");

            none.AssertError(44002, "empty post data");
            blank.AssertError(44002, "empty post data");
        }

        [Theory]
        [InlineData("{\"env\":")]
        [InlineData("{\"env\":\"e\",}")]
        [InlineData("{/* comment */\"env\":\"e\"}")]
        [InlineData("{'env':'e'}")]
        [InlineData("[{\"env\":\"e\"}]")]
        [InlineData("\"env\"")]
        public async Task BodyThatIsNotOneStrictJsonObjectAnswers47001(string body)
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), body);

            response.AssertError(47001, "data format error");
        }

        [Fact]
        public async Task MissingRequiredFieldAnswers40101WithItsPath()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{}");

            response.AssertError(40101, "missing parameter");
            Assert.Contains("[env is required]", response.Errmsg);
        }

        [Fact]
        public async Task NullCountsAsMissing()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":null}");

            response.AssertError(40101, "missing parameter");
        }

        [Fact]
        public async Task ConditionallyRequiredFieldAnswers40101WhenTheConditionHolds()
        {
            await using Session session = await Session.StartAsync();
            string token = session.AuthorizerToken();

            WireResponse set = await session.PostAsync("/tcb/usecloudaccesstoken", token, "{\"action\":\"set\",\"env\":\"e\",\"api_whitelist\":[\"/*\"],\"version\":1}");
            WireResponse get = await session.PostAsync("/tcb/usecloudaccesstoken", token, "{\"action\":\"get\",\"env\":\"e\"}");

            set.AssertError(40101, "missing parameter");
            Assert.Contains("[open is required]", set.Errmsg);
            Assert.Equal(0, get.Errcode);
        }

        [Fact]
        public async Task MissingFieldInAnArrayElementAnswers40101WithItsNestedPath()
        {
            await using Session session = await Session.StartAsync();
            string body = "{\"function_config\":{\"enable\":true,\"callbacks\":["
                + "{\"msgType\":\"image\",\"env\":\"e\",\"functionName\":\"f\",\"enable\":true},"
                + "{\"msgType\":\"image\",\"functionName\":\"f\",\"enable\":true}]}}";

            WireResponse response = await session.PostAsync("/tcb/setcallbackconfig", session.AuthorizerToken(), body);

            response.AssertError(40101, "missing parameter");
            Assert.Contains("[function_config.callbacks[1].env is required]", response.Errmsg);
        }

        [Fact]
        public async Task ConditionInANestedObjectIsCheckedAgainstItsSibling()
        {
            await using Session session = await Session.StartAsync();
            string token = session.AuthorizerToken();

            WireResponse enabled = await session.PostAsync("/tcb/setcallbackconfig", token, "{\"container_config\":{\"enable\":true,\"qbase_env\":\"e\",\"qbase_container_path\":\"/p\"}}");
            WireResponse disabled = await session.PostAsync("/tcb/setcallbackconfig", token, "{\"container_config\":{\"enable\":false}}");
            WireResponse eventRule = await session.PostAsync("/tcb/setcallbackconfig", token, "{\"function_config\":{\"enable\":true,\"callbacks\":[{\"msgType\":\"event\",\"env\":\"e\",\"functionName\":\"f\",\"enable\":true}]}}");

            Assert.Equal(40101, enabled.Errcode);
            Assert.Contains("[container_config.text_mode is required]", enabled.Errmsg);
            Assert.Equal(0, disabled.Errcode);
            Assert.Contains("[function_config.callbacks[0].event is required]", eventRule.Errmsg);
        }

        [Fact]
        public async Task WrongJsonTypeAnswers40097()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":5}");

            response.AssertError(40097, "invalid args");
            Assert.Contains("env must be a string, not 5", response.Errmsg);
        }

        [Theory]
        [InlineData("{\"action\":\"get\",\"env\":\"e\",\"version\":1.5}", "version must be a 32-bit integer")]
        [InlineData("{\"action\":\"get\",\"env\":\"e\",\"version\":3000000000}", "version must be a 32-bit integer")]
        [InlineData("{\"action\":\"get\",\"env\":\"e\",\"open\":\"true\"}", "open must be true or false")]
        [InlineData("{\"action\":\"get\",\"env\":\"e\",\"api_whitelist\":\"/*\"}", "api_whitelist must be an array")]
        [InlineData("{\"action\":\"get\",\"env\":\"e\",\"api_whitelist\":[\"/a\",7]}", "api_whitelist[1] must be a string")]
        [InlineData("{\"action\":\"delete\",\"env\":\"e\"}", "action is \"delete\", not one of get, set")]
        public async Task WrongTypesAndEnumValuesAnswer40097(string body, string hint)
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/usecloudaccesstoken", session.AuthorizerToken(), body);

            response.AssertError(40097, "invalid args");
            Assert.Contains(hint, response.Errmsg);
        }

        [Fact]
        public async Task IntegerEnumValueNotListedAnswers40097()
        {
            await using Session session = await Session.StartAsync();
            string body = "{\"container_config\":{\"enable\":true,\"qbase_env\":\"e\",\"qbase_container_path\":\"/p\",\"text_mode\":3}}";

            WireResponse response = await session.PostAsync("/tcb/setcallbackconfig", session.AuthorizerToken(), body);

            response.AssertError(40097, "invalid args");
            Assert.Contains("container_config.text_mode is 3, not one of 1, 2", response.Errmsg);
        }

        [Fact]
        public async Task MissingFieldWinsOverWrongType()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/usecloudaccesstoken", session.AuthorizerToken(), "{\"action\":\"get\",\"version\":\"x\"}");

            Assert.Equal(40101, response.Errcode);
        }

        [Fact]
        public async Task UnknownFieldsAreIgnored()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\",\"extra\":{\"x\":1}}");

            Assert.Equal(0, response.Errcode);
        }

        [Fact]
        public async Task UnknownPathAnswersHttp404WithAJsonError()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync("/tcb/nosuchapi", session.AuthorizerToken(), "{}");

            Assert.Equal(404, response.Status);
            Assert.Equal(-1, response.Errcode);
            Assert.StartsWith("system error", response.Errmsg);
        }
    }
}
