using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using TcbGen.Runtime.Tests.Infrastructure;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Runtime.Tests.Tokens.ThirdParty
{
    /// <summary>
    /// The authorization flow over real HTTP against the emulator, which serves the token-flow endpoints from their specs
    /// (specs/component/): the token-less component token, a pre-authorization code, the links built from it, and the
    /// authorization code exchanged through the spec-described api_query_auth. No secret reaches a log line.
    /// </summary>
    public sealed class AuthorizationFlowTests : IAsyncLifetime
    {
        private const string ComponentAppId = "wx-component";
        private const string ComponentSecret = "component-secret-do-not-log";
        private const string Ticket = "ticket@@@do-not-log";

        private readonly CapturingLoggerProvider _logs = new();
        private readonly HttpClient _http = new();
        private WeChatEmulator _emulator = null!;
        private TcbInMemoryThirdPartyStores _stores = null!;
        private TcbThirdPartyTokenSource _source = null!;
        private TcbGenOptions _options = null!;

        public async Task InitializeAsync()
        {
            _emulator = await WeChatEmulator.StartAsync(new WeChatEmulatorOptions { ComponentAppId = ComponentAppId, ComponentAppSecret = ComponentSecret, ComponentVerifyTicket = Ticket });
            _options = new TcbGenOptions().UseEmulatorAddress(_emulator.BaseAddress);
            _options.ThirdParty.ComponentAppId = ComponentAppId;
            _options.ThirdParty.ComponentAppSecret = ComponentSecret;
            _stores = new TcbInMemoryThirdPartyStores();
            _source = new TcbThirdPartyTokenSource(_http, _options, _stores, _stores, logger: _logs.CreateFactory().CreateLogger<TcbThirdPartyTokenSource>());
            await _source.SaveVerifyTicketAsync(Ticket, CancellationToken.None);
        }

        public async Task DisposeAsync()
        {
            _http.Dispose();
            await _emulator.DisposeAsync();
        }

        [Fact]
        public async Task The_component_token_is_asked_for_without_a_token_and_the_pre_auth_code_with_it_as_component_access_token()
        {
            DateTimeOffset before = DateTimeOffset.UtcNow;
            TcbPreAuthCode code = await _source.CreatePreAuthCodeAsync(CancellationToken.None);

            Assert.False(string.IsNullOrEmpty(code.Code));
            Assert.InRange(code.ExpiresAt, before, before.AddSeconds(1800 + 5));
            RecordedRequestSummary component = Single(WeChatEmulator.ComponentTokenEndpointName);
            Assert.Equal(string.Empty, component.Query);
            Assert.Equal(0, component.Errcode ?? 0);
            Assert.DoesNotContain(ComponentSecret, component.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Ticket, component.Body, StringComparison.Ordinal);
            RecordedRequestSummary created = Single("api_create_preauthcode");
            Assert.Equal("/cgi-bin/component/api_create_preauthcode", created.Path);
            Assert.Equal("?component_access_token=***", created.Query);
            Assert.Equal(WeChatEmulator.ComponentAccessTokenKind, created.TokenKind);
            Assert.Equal(0, created.Errcode ?? 0);
            Assert.DoesNotContain(code.Code, code.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_links_point_at_the_configured_pages_with_the_redirect_uri_encoded()
        {
            var redirect = new Uri("https://platform.example/wechat/authorized?tenant=a b&next=/home");
            var links = new TcbAuthorizationLinks(_options, _source);

            TcbAuthorizationLink link = await links.CreateAsync(redirect, TcbAuthorizationAccountTypes.MiniProgram);

            Assert.Equal(_emulator.BaseAddress.Authority, link.Pc.Authority);
            Assert.Equal("/cgi-bin/componentloginpage", link.Pc.AbsolutePath);
            var pc = QueryHelpers.ParseQuery(link.Pc.Query);
            Assert.Equal(ComponentAppId, pc["component_appid"]);
            Assert.False(string.IsNullOrEmpty(pc["pre_auth_code"]));
            Assert.Equal(redirect.AbsoluteUri, pc["redirect_uri"]);
            Assert.Equal("2", pc["auth_type"]);
            Assert.False(pc.ContainsKey("biz_appid"));
            Assert.Contains("redirect_uri=" + Uri.EscapeDataString(redirect.AbsoluteUri), link.Pc.AbsoluteUri, StringComparison.Ordinal);

            Assert.Equal(_emulator.BaseAddress.Authority, link.Mobile.Authority);
            Assert.Equal("/wxaopen/safe/bindcomponent", link.Mobile.AbsolutePath);
            Assert.StartsWith("?action=bindcomponent&no_scan=1&component_appid=", link.Mobile.Query, StringComparison.Ordinal);
            Assert.Equal("#wechat_redirect", link.Mobile.Fragment);
            var mobile = QueryHelpers.ParseQuery(link.Mobile.Query);
            Assert.Equal(pc["pre_auth_code"], mobile["pre_auth_code"]);
            Assert.Equal(redirect.AbsoluteUri, mobile["redirect_uri"]);
        }

        [Fact]
        public void By_default_the_links_are_WeChats_and_biz_appid_excludes_auth_type()
        {
            var options = new TcbGenOptions();
            options.ThirdParty.ComponentAppId = "wxc";
            var links = new TcbAuthorizationLinks(options);
            var redirect = new Uri("https://p.example/cb?x=1");

            Assert.Equal(
                "https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wxc&pre_auth_code=pre%40code&redirect_uri=https%3A%2F%2Fp.example%2Fcb%3Fx%3D1&biz_appid=wxbiz",
                links.ForPc("pre@code", redirect, bizAppId: "wxbiz").AbsoluteUri);
            Assert.Equal(
                "https://open.weixin.qq.com/wxaopen/safe/bindcomponent?action=bindcomponent&no_scan=1&component_appid=wxc&pre_auth_code=pre%40code&redirect_uri=https%3A%2F%2Fp.example%2Fcb%3Fx%3D1&auth_type=6#wechat_redirect",
                links.ForMobile("pre@code", redirect, TcbAuthorizationAccountTypes.All).AbsoluteUri);
            ArgumentException both = Assert.Throws<ArgumentException>(() => links.ForPc("code", redirect, TcbAuthorizationAccountTypes.OfficialAccount, "wxbiz"));
            Assert.Contains("mutually exclusive", both.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => links.ForPc("code", new Uri("/relative", UriKind.Relative)));
            Assert.Throws<InvalidOperationException>(() => links.CreateAsync(redirect).GetAwaiter().GetResult());
        }

        [Fact]
        public void A_page_address_that_is_plain_http_off_loopback_is_refused()
        {
            var options = new TcbGenOptions();
            options.ThirdParty.ComponentAppId = "wxc";
            options.ThirdParty.AuthorizationPageBaseAddress = new Uri("http://pages.example/");

            ArgumentException refused = Assert.Throws<ArgumentException>(() => new TcbAuthorizationLinks(options));
            Assert.Contains("ThirdParty.AuthorizationPageBaseAddress", refused.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_authorization_code_is_exchanged_once_through_the_spec_described_query_auth()
        {
            string authorizationCode = _emulator.IssueAuthorizationCode("wx-merchant", 1, 49);

            TcbAuthorizationInfo info = await _source.ExchangeAuthorizationCodeAsync(authorizationCode, CancellationToken.None);

            Assert.Equal("wx-merchant", info.AuthorizerAppId);
            Assert.Equal(new[] { 1, 49 }, info.PermissionSetIds);
            string? stored = await _stores.GetRefreshTokenAsync("wx-merchant", CancellationToken.None);
            Assert.Equal(_emulator.CurrentRefreshToken("wx-merchant"), stored);
            RecordedRequestSummary exchange = Single(WeChatEmulator.QueryAuthEndpointName);
            Assert.Equal("/cgi-bin/component/api_query_auth", exchange.Path);
            Assert.Equal("?component_access_token=***", exchange.Query);
            Assert.Equal(0, exchange.Errcode ?? 0);
            Assert.DoesNotContain(authorizationCode, exchange.Body, StringComparison.Ordinal);

            TcbApiException used = await Assert.ThrowsAnyAsync<TcbApiException>(() => _source.ExchangeAuthorizationCodeAsync(authorizationCode, CancellationToken.None));
            Assert.Equal(61009, used.ErrorCode);
            AssertNoSecretLogged(authorizationCode, stored!);
        }

        [Fact]
        public async Task The_emulator_validates_token_flow_requests_by_their_specs()
        {
            Uri url = new Uri(_emulator.BaseAddress, "cgi-bin/component/api_component_token");

            using JsonDocument missing = await PostAsync(url, "{\"component_appid\":\"" + ComponentAppId + "\",\"component_verify_ticket\":\"t\"}");
            Assert.Equal(40101, missing.RootElement.GetProperty("errcode").GetInt32());
            Assert.Contains("component_appsecret", missing.RootElement.GetProperty("errmsg").GetString(), StringComparison.Ordinal);

            using JsonDocument wrongType = await PostAsync(url, "{\"component_appid\":\"" + ComponentAppId + "\",\"component_appsecret\":7,\"component_verify_ticket\":\"t\"}");
            Assert.Equal(40097, wrongType.RootElement.GetProperty("errcode").GetInt32());

            // api_query_auth takes its token only as component_access_token=, as its spec says.
            string token = _emulator.IssueToken(WeChatEmulator.ComponentAccessTokenKind, ComponentAppId);
            using JsonDocument asAccessToken = await PostAsync(new Uri(_emulator.BaseAddress, "cgi-bin/component/api_query_auth?access_token=" + token), "{\"component_appid\":\"" + ComponentAppId + "\",\"authorization_code\":\"c\"}");
            Assert.Equal(41001, asAccessToken.RootElement.GetProperty("errcode").GetInt32());
        }

        private async Task<JsonDocument> PostAsync(Uri url, string body)
        {
            using HttpResponseMessage response = await _http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        }

        private void AssertNoSecretLogged(params string[] more)
        {
            string logged = string.Join("\n", _logs.Lines);
            Assert.NotEmpty(_logs.Lines);
            foreach (string secret in new[] { ComponentSecret, Ticket }.Concat(more))
            {
                Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
            }
        }

        private RecordedRequestSummary Single(string endpointName)
        {
            TcbGen.Testing.RecordedRequest request = Assert.Single(_emulator.RequestsTo(endpointName));
            return new RecordedRequestSummary(request.Path, request.Query, request.TokenKind, request.Body, request.Errcode);
        }

        private sealed record RecordedRequestSummary(string Path, string Query, string? TokenKind, string Body, int? Errcode);
    }
}
