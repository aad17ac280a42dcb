using System;
using System.Net.Http;
using System.Threading.Tasks;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>The third-party platform's token endpoints.</summary>
    public sealed class TokenEndpointTests
    {
        private const string ComponentPath = "/cgi-bin/component/api_component_token";
        private const string AuthorizerPath = "/cgi-bin/component/api_authorizer_token";
        private const string AuthorizerAppId = "wx-authorizer-1";

        [Fact]
        public async Task ComponentTokenIsIssuedForTheRightCredentialsAndWorks()
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync(ComponentPath, null, ComponentBody("wx-component", "component-secret", "ticket-1"));

            Assert.Equal(7200, response.Json.GetProperty("expires_in").GetInt32());
            string token = response.Json.GetProperty("component_access_token").GetString()!;
            Assert.False(string.IsNullOrEmpty(token));
            Assert.Equal(0, (await session.PostAsync("/tcb/modifyenv", token, "{\"env\":\"e\"}")).Errcode);
            Assert.Equal(1, session.Emulator.TokenFetchCount(WeChatEmulator.ComponentAccessTokenKind));
        }

        [Theory]
        [InlineData("wx-other", "component-secret", "ticket-1", 40013, "invalid appid")]
        [InlineData("wx-component", "wrong-secret", "ticket-1", 40125, "invalid appsecret")]
        [InlineData("wx-component", "component-secret", "ticket-0", 61006, "component ticket is invalid")]
        public async Task ComponentTokenRejectsWrongCredentials(string appId, string secret, string ticket, int errcode, string message)
        {
            await using Session session = await Session.StartAsync();

            WireResponse response = await session.PostAsync(ComponentPath, null, ComponentBody(appId, secret, ticket));

            response.AssertError(errcode, message);
            Assert.Equal(0, session.Emulator.TokenFetchCount(WeChatEmulator.ComponentAccessTokenKind));
        }

        [Fact]
        public async Task ComponentTokenUsesTheConfiguredCredentialsAndLifetime()
        {
            var options = new WeChatEmulatorOptions { ComponentAppId = "wx-mine", ComponentAppSecret = "s", ComponentVerifyTicket = "t", TokenLifetime = TimeSpan.FromSeconds(60) };
            await using Session session = await Session.StartAsync(options);

            WireResponse response = await session.PostAsync(ComponentPath, null, ComponentBody("wx-mine", "s", "t"));

            Assert.Equal(60, response.Json.GetProperty("expires_in").GetInt32());
        }

        [Fact]
        public async Task ChangingTheOptionsAfterTheStartChangesNothing()
        {
            var options = new WeChatEmulatorOptions();
            await using Session session = await Session.StartAsync(options);

            options.ComponentAppSecret = "changed";
            WireResponse response = await session.PostAsync(ComponentPath, null, ComponentBody("wx-component", "component-secret", "ticket-1"));

            Assert.Equal("component-secret", session.Emulator.ComponentAppSecret);
            Assert.True(response.Json.TryGetProperty("component_access_token", out _));
        }

        [Fact]
        public async Task ComponentTokenChecksTheBody()
        {
            await using Session session = await Session.StartAsync();

            WireResponse get = await session.SendAsync(HttpMethod.Get, ComponentPath, null);
            WireResponse missing = await session.PostAsync(ComponentPath, null, "{\"component_appid\":\"wx-component\",\"component_appsecret\":\"component-secret\"}");
            WireResponse wrongType = await session.PostAsync(ComponentPath, null, "{\"component_appid\":1,\"component_appsecret\":\"x\",\"component_verify_ticket\":\"y\"}");
            WireResponse malformed = await session.PostAsync(ComponentPath, null, "{");

            get.AssertError(43002, "require POST method");
            missing.AssertError(40101, "missing parameter");
            wrongType.AssertError(40097, "invalid args");
            malformed.AssertError(47001, "data format error");
        }

        [Fact]
        public async Task AuthorizerTokenIsIssuedAndTheRefreshTokenRotates()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.RegisterAuthorizer(AuthorizerAppId, "refresh-1");
            string componentToken = await FetchComponentTokenAsync(session);

            WireResponse first = await session.SendAsync(HttpMethod.Post, AuthorizerUrl(componentToken), AuthorizerBody("refresh-1"));
            string rotated = first.Json.GetProperty("authorizer_refresh_token").GetString()!;
            WireResponse replayed = await session.SendAsync(HttpMethod.Post, AuthorizerUrl(componentToken), AuthorizerBody("refresh-1"));
            WireResponse second = await session.SendAsync(HttpMethod.Post, AuthorizerUrl(componentToken), AuthorizerBody(rotated));

            Assert.Equal(7200, first.Json.GetProperty("expires_in").GetInt32());
            Assert.NotEqual("refresh-1", rotated);
            replayed.AssertError(61023, "refresh_token is invalid");
            Assert.False(string.IsNullOrEmpty(second.Json.GetProperty("authorizer_access_token").GetString()));
            Assert.Equal(second.Json.GetProperty("authorizer_refresh_token").GetString(), session.Emulator.CurrentRefreshToken(AuthorizerAppId));
            Assert.Equal(2, session.Emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));

            string authorizerToken = first.Json.GetProperty("authorizer_access_token").GetString()!;
            Assert.Equal(0, (await session.PostAsync("/tcb/createclouduser", authorizerToken, "{}")).Errcode);
            RecordedRequest call = Assert.Single(session.Emulator.RequestsTo("createCloudUser"));
            Assert.Equal(AuthorizerAppId, call.AuthorizerAppId);
            Assert.Equal("authorizer_access_token", call.TokenKind);
        }

        [Fact]
        public async Task AuthorizerTokenChecksTheComponentToken()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.RegisterAuthorizer(AuthorizerAppId, "refresh-1");
            string expired = await FetchComponentTokenAsync(session);
            session.Emulator.ExpireToken(expired);

            WireResponse missing = await session.PostAsync(AuthorizerPath, null, AuthorizerBody("refresh-1"));
            WireResponse unknown = await session.SendAsync(HttpMethod.Post, AuthorizerUrl("never-issued"), AuthorizerBody("refresh-1"));
            WireResponse wrongKind = await session.SendAsync(HttpMethod.Post, AuthorizerUrl(session.AuthorizerToken()), AuthorizerBody("refresh-1"));
            WireResponse stale = await session.SendAsync(HttpMethod.Post, AuthorizerUrl(expired), AuthorizerBody("refresh-1"));

            missing.AssertError(41001, "access_token missing");
            unknown.AssertError(40014, "invalid access_token");
            wrongKind.AssertError(40014, "invalid access_token");
            stale.AssertError(42001, "access_token expired");
            Assert.Equal("refresh-1", session.Emulator.CurrentRefreshToken(AuthorizerAppId));
        }

        [Fact]
        public async Task AuthorizerTokenChecksTheAppIdsAndTheRefreshToken()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.RegisterAuthorizer(AuthorizerAppId, "refresh-1");
            string componentToken = await FetchComponentTokenAsync(session);

            WireResponse wrongComponent = await session.SendAsync(HttpMethod.Post, AuthorizerUrl(componentToken), AuthorizerBody("refresh-1", componentAppId: "wx-other"));
            WireResponse unknownAuthorizer = await session.SendAsync(HttpMethod.Post, AuthorizerUrl(componentToken), AuthorizerBody("refresh-1", authorizerAppId: "wx-nobody"));
            WireResponse wrongRefresh = await session.SendAsync(HttpMethod.Post, AuthorizerUrl(componentToken), AuthorizerBody("refresh-2"));

            wrongComponent.AssertError(40013, "invalid appid");
            unknownAuthorizer.AssertError(61003, "component is not authorized by this account");
            wrongRefresh.AssertError(61023, "refresh_token is invalid");
            Assert.Equal(0, session.Emulator.TokenFetchCount(WeChatEmulator.AuthorizerAccessTokenKind));
        }

        [Fact]
        public async Task TokenEndpointBodiesAreRecordedWithoutSecrets()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.RegisterAuthorizer(AuthorizerAppId, "refresh-secret-1");
            string componentToken = await FetchComponentTokenAsync(session);
            await session.SendAsync(HttpMethod.Post, AuthorizerUrl(componentToken), AuthorizerBody("refresh-secret-1"));

            RecordedRequest component = Assert.Single(session.Emulator.RequestsTo(WeChatEmulator.ComponentTokenEndpointName));
            RecordedRequest authorizer = Assert.Single(session.Emulator.RequestsTo(WeChatEmulator.AuthorizerTokenEndpointName));
            Assert.Equal("{\"component_appid\":\"wx-component\",\"component_appsecret\":\"***\",\"component_verify_ticket\":\"***\"}", component.Body);
            Assert.Equal("{\"component_appid\":\"wx-component\",\"authorizer_appid\":\"wx-authorizer-1\",\"authorizer_refresh_token\":\"***\"}", authorizer.Body);
            Assert.Equal("?component_access_token=***", authorizer.Query);
            Assert.Equal(AuthorizerAppId, authorizer.AuthorizerAppId);
            Assert.Equal("component_access_token", authorizer.TokenKind);
            Assert.DoesNotContain(componentToken, authorizer.ToString());
        }

        [Fact]
        public async Task TokenEndpointsCanBeFaulted()
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.ScriptHttpStatus(WeChatEmulator.ComponentTokenEndpointName, 503);

            WireResponse faulted = await session.PostAsync(ComponentPath, null, ComponentBody("wx-component", "component-secret", "ticket-1"));
            WireResponse normal = await session.PostAsync(ComponentPath, null, ComponentBody("wx-component", "component-secret", "ticket-1"));

            Assert.Equal(503, faulted.Status);
            Assert.True(normal.Json.TryGetProperty("component_access_token", out _));
            Assert.Equal(1, session.Emulator.TokenFetchCount(WeChatEmulator.ComponentAccessTokenKind));
        }

        private static async Task<string> FetchComponentTokenAsync(Session session)
        {
            WireResponse response = await session.PostAsync(ComponentPath, null, ComponentBody("wx-component", "component-secret", "ticket-1"));
            return response.Json.GetProperty("component_access_token").GetString()!;
        }

        private static string AuthorizerUrl(string componentToken) => AuthorizerPath + "?component_access_token=" + Uri.EscapeDataString(componentToken);

        private static string ComponentBody(string appId, string secret, string ticket)
            => $"{{\"component_appid\":\"{appId}\",\"component_appsecret\":\"{secret}\",\"component_verify_ticket\":\"{ticket}\"}}";

        private static string AuthorizerBody(string refreshToken, string componentAppId = "wx-component", string authorizerAppId = AuthorizerAppId)
            => $"{{\"component_appid\":\"{componentAppId}\",\"authorizer_appid\":\"{authorizerAppId}\",\"authorizer_refresh_token\":\"{refreshToken}\"}}";
    }
}
