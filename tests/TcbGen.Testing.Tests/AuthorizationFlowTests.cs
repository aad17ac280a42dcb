using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using TcbGen.Runtime;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>WeChat's side of the authorization flow: pre-auth codes, the authorization page, and the encrypted pushes.</summary>
    public sealed class AuthorizationFlowTests
    {
        private const string PreAuthPath = "/cgi-bin/component/api_create_preauthcode";
        private const string Merchant = "wxmerchant0000001";
        private const string Token = "component-token";
        private const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        private const string Redirect = "https://platform.example/wechat/authorized?tenant=7";

        [Fact]
        public async Task A_pre_auth_code_is_issued_for_the_component_token_and_the_platform_appid()
        {
            await using Session session = await Session.StartAsync();

            WireResponse issued = await session.SendAsync(HttpMethod.Post, PreAuthPath + "?component_access_token=" + session.ComponentToken(), "{\"component_appid\":\"wx-component\"}");
            WireResponse wrongAppId = await session.SendAsync(HttpMethod.Post, PreAuthPath + "?component_access_token=" + session.ComponentToken(), "{\"component_appid\":\"wx-other\"}");
            WireResponse noToken = await session.SendAsync(HttpMethod.Post, PreAuthPath, "{\"component_appid\":\"wx-component\"}");
            WireResponse authorizerToken = await session.SendAsync(HttpMethod.Post, PreAuthPath + "?component_access_token=" + session.AuthorizerToken(), "{\"component_appid\":\"wx-component\"}");

            Assert.StartsWith("preauthcode@@@", issued.Json.GetProperty("pre_auth_code").GetString());
            Assert.Equal(1800, issued.Json.GetProperty("expires_in").GetInt32());
            wrongAppId.AssertError(40013, "invalid appid");
            noToken.AssertError(41001, "access_token missing");
            authorizerToken.AssertError(40014, "invalid access_token");
            Assert.Equal(4, session.Emulator.RequestsTo(WeChatEmulator.PreAuthCodeEndpointName).Count);
        }

        [Theory]
        [InlineData("/cgi-bin/componentloginpage", "component_appid=wx-other&pre_auth_code={code}&redirect_uri={redirect}", 400, "not this platform")]
        [InlineData("/cgi-bin/componentloginpage", "component_appid=wx-component&pre_auth_code={code}", 400, "no redirect_uri")]
        [InlineData("/cgi-bin/componentloginpage", "component_appid=wx-component&pre_auth_code={code}&redirect_uri=ftp%3A%2F%2Fx%2F", 400, "absolute http")]
        [InlineData("/cgi-bin/componentloginpage", "component_appid=wx-component&pre_auth_code=preauthcode%40%40%40made-up&redirect_uri={redirect}", 403, "invalid or was already used")]
        [InlineData("/wxaopen/safe/bindcomponent", "action=bindcomponent&no_scan=1&component_appid=wx-component&pre_auth_code={code}&redirect_uri={redirect}&biz_appid=wxnobody", 400, "biz_appid 'wxnobody'")]
        public async Task A_bad_link_shows_a_page_saying_why(string path, string query, int status, string message)
        {
            await using Session session = await Session.StartAsync();
            session.Emulator.AddMerchant(Merchant);
            string code = await PreAuthCodeAsync(session);

            WireResponse page = await session.SendAsync(HttpMethod.Get, path + "?" + query.Replace("{code}", Uri.EscapeDataString(code)).Replace("{redirect}", Uri.EscapeDataString(Redirect)), null);

            Assert.Equal(status, page.Status);
            Assert.Equal("text/html", page.MediaType);
            Assert.Contains(message, HttpUtility.HtmlDecode(page.Text), StringComparison.Ordinal);
        }

        [Fact]
        public async Task An_expired_pre_auth_code_shows_410_and_a_page_echoes_nothing_unencoded()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using Session session = await Session.StartAsync(new WeChatEmulatorOptions { TimeProvider = clock });
            session.Emulator.AddMerchant(Merchant, "<script>alert(1)</script>");
            string code = await PreAuthCodeAsync(session);
            string link = WeChatEmulator.AuthorizationPagePath + "?component_appid=wx-component&pre_auth_code=" + Uri.EscapeDataString(code) + "&redirect_uri=" + Uri.EscapeDataString(Redirect + "&x=\"><i>");

            WireResponse shown = await session.SendAsync(HttpMethod.Get, link, null);
            WireResponse hostile = await session.SendAsync(HttpMethod.Get, WeChatEmulator.AuthorizationPagePath + "?component_appid=%3Cb%3Ewx%3C%2Fb%3E&pre_auth_code=x&redirect_uri=" + Uri.EscapeDataString(Redirect), null);
            clock.Advance(TimeSpan.FromSeconds(1801));
            WireResponse expired = await session.SendAsync(HttpMethod.Get, link, null);

            Assert.Equal(200, shown.Status);
            Assert.DoesNotContain("<script>", shown.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("<i>", shown.Text, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", shown.Text, StringComparison.Ordinal);
            Assert.Equal(400, hostile.Status);
            Assert.DoesNotContain("<b>", hostile.Text, StringComparison.Ordinal);
            Assert.Equal(410, expired.Status);
            Assert.Contains("expired", expired.Text, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Without_merchants_the_page_says_how_to_add_one()
        {
            await using Session session = await Session.StartAsync();
            string code = await PreAuthCodeAsync(session);

            WireResponse page = await session.SendAsync(HttpMethod.Get, WeChatEmulator.AuthorizationPagePath + "?component_appid=wx-component&pre_auth_code=" + Uri.EscapeDataString(code) + "&redirect_uri=" + Uri.EscapeDataString(Redirect), null);

            Assert.Equal(409, page.Status);
            Assert.Contains("AddMerchant", page.Text, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Authorize_redirects_with_a_code_and_pushes_authorized_encrypted_and_signed_then_updateauthorized()
        {
            await using PushReceiver receiver = await PushReceiver.StartAsync();
            await using Session session = await Session.StartAsync(new WeChatEmulatorOptions { ComponentEventUrl = receiver.Url, VerifyTicketPushInterval = TimeSpan.Zero });
            session.Emulator.AddMerchant(Merchant, "Shop");
            using HttpClient browser = NoRedirects(session);

            (string code, Uri location) = await AuthorizeAsync(session, browser);

            Assert.Equal("https://platform.example/wechat/authorized", location.GetLeftPart(UriPartial.Path));
            Assert.Equal("7", HttpUtility.ParseQueryString(location.Query)["tenant"]);
            Assert.Equal("3600", HttpUtility.ParseQueryString(location.Query)["expires_in"]);
            ReceivedPush push = Assert.Single(receiver.Pushes);
            IReadOnlyDictionary<string, string> message = Open(push);
            Assert.Equal("wx-component", message["AppId"]);
            Assert.Equal("authorized", message["InfoType"]);
            Assert.Equal(Merchant, message["AuthorizerAppid"]);
            Assert.Equal(code, message["AuthorizationCode"]);
            Assert.StartsWith("preauthcode@@@", message["PreAuthCode"]);
            Assert.True(long.Parse(message["AuthorizationCodeExpiredTime"]) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

            // The platform redeems the code (WeChat sends it twice, redirect and push; it works once), then authorizes again.
            WireResponse redeemed = await session.SendAsync(HttpMethod.Post, WeChatEmulator.QueryAuthPath + "?component_access_token=" + session.ComponentToken(), "{\"component_appid\":\"wx-component\",\"authorization_code\":\"" + code + "\"}");
            Assert.Equal(session.Emulator.CurrentRefreshToken(Merchant), redeemed.Json.GetProperty("authorization_info").GetProperty("authorizer_refresh_token").GetString());
            Assert.Equal(new[] { 17, 18, 49 }, redeemed.Json.GetProperty("authorization_info").GetProperty("func_info").EnumerateArray().Select(f => f.GetProperty("funcscope_category").GetProperty("id").GetInt32()));
            await AuthorizeAsync(session, browser);
            Assert.Equal("updateauthorized", Open((await receiver.WaitForAsync(2))[1])["InfoType"]);

            // Records hold neither the code nor a token.
            string records = string.Join("\n", session.Emulator.RequestsTo(WeChatEmulator.QueryAuthEndpointName).Select(r => r.Query + r.Body));
            Assert.DoesNotContain(code, records, StringComparison.Ordinal);
            Assert.All(session.Emulator.ComponentPushes, p => Assert.True(p.Succeeded, p.ToString()));
        }

        [Fact]
        public async Task The_ticket_is_pushed_at_the_start_on_every_interval_and_on_demand()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using PushReceiver receiver = await PushReceiver.StartAsync();
            await using Session session = await Session.StartAsync(new WeChatEmulatorOptions { ComponentEventUrl = receiver.Url, TimeProvider = clock, ComponentVerifyTicket = "ticket-7" });

            IReadOnlyList<ReceivedPush> atStart = await receiver.WaitForAsync(1);
            clock.Advance(TimeSpan.FromMinutes(10));
            IReadOnlyList<ReceivedPush> afterInterval = await receiver.WaitForAsync(2);
            clock.Advance(TimeSpan.FromMinutes(9));
            WireResponse onDemand = await session.SendAsync(HttpMethod.Post, "/__admin/pushes/component_verify_ticket", null);

            Assert.Single(atStart);
            Assert.Equal(2, afterInterval.Count);
            Assert.Equal(200, onDemand.Status);
            Assert.True(onDemand.Json.GetProperty("succeeded").GetBoolean(), onDemand.Text);
            Assert.Equal(3, receiver.Pushes.Count);
            var tickets = new List<string>();
            Assert.All(receiver.Pushes, push =>
            {
                IReadOnlyDictionary<string, string> message = Open(push);
                Assert.Equal("component_verify_ticket", message["InfoType"]);
                Assert.Equal(new[] { "AppId", "CreateTime", "InfoType", "ComponentVerifyTicket" }, message.Keys);
                tickets.Add(message["ComponentVerifyTicket"]);
            });

            // The first push carries the configured ticket, each later one a new ticket; the newest is the current one.
            Assert.Equal("ticket-7", tickets[0]);
            Assert.Equal(3, tickets.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(session.Emulator.ComponentVerifyTicket, tickets[2]);
        }

        [Fact]
        public async Task The_component_token_takes_the_newest_ticket_and_earlier_ones_for_their_12_hours()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            await using PushReceiver receiver = await PushReceiver.StartAsync();
            await using Session session = await Session.StartAsync(new WeChatEmulatorOptions { ComponentEventUrl = receiver.Url, TimeProvider = clock, VerifyTicketPushInterval = TimeSpan.Zero });
            await session.Emulator.PushComponentVerifyTicketAsync();
            clock.Advance(TimeSpan.FromHours(1));
            await session.Emulator.PushComponentVerifyTicketAsync();
            string first = Open(receiver.Pushes[0])["ComponentVerifyTicket"];
            string newest = Open(receiver.Pushes[1])["ComponentVerifyTicket"];

            Assert.Equal(newest, session.Emulator.ComponentVerifyTicket);
            Assert.NotEqual(first, newest);
            Assert.True((await ComponentTokenAsync(session, newest)).Json.TryGetProperty("component_access_token", out _));
            Assert.True((await ComponentTokenAsync(session, first)).Json.TryGetProperty("component_access_token", out _));
            (await ComponentTokenAsync(session, "ticket@@@never-pushed")).AssertError(61006, string.Empty);

            clock.Advance(TimeSpan.FromHours(11));
            (await ComponentTokenAsync(session, first)).AssertError(61006, string.Empty);
            Assert.True((await ComponentTokenAsync(session, newest)).Json.TryGetProperty("component_access_token", out _));
        }

        private static Task<WireResponse> ComponentTokenAsync(Session session, string ticket)
            => session.SendAsync(HttpMethod.Post, WeChatEmulator.ComponentTokenPath, "{\"component_appid\":\"wx-component\",\"component_appsecret\":\"component-secret\",\"component_verify_ticket\":\"" + ticket + "\"}");

        [Fact]
        public async Task Without_an_event_url_nothing_is_pushed_and_the_ways_to_push_say_so()
        {
            await using Session session = await Session.StartAsync();

            await Assert.ThrowsAsync<InvalidOperationException>(() => session.Emulator.PushComponentVerifyTicketAsync());
            WireResponse admin = await session.SendAsync(HttpMethod.Post, "/__admin/pushes/component_verify_ticket", null);

            Assert.Equal(400, admin.Status);
            Assert.Contains("ComponentEventUrl", admin.Text, StringComparison.Ordinal);
            Assert.Empty(session.Emulator.ComponentPushes);
        }

        [Fact]
        public async Task Revoke_stops_the_refresh_token_with_61003_and_pushes_unauthorized()
        {
            await using PushReceiver receiver = await PushReceiver.StartAsync();
            await using Session session = await Session.StartAsync(new WeChatEmulatorOptions { ComponentEventUrl = receiver.Url, VerifyTicketPushInterval = TimeSpan.Zero });
            session.Emulator.RegisterAuthorizer(Merchant, "refresh-1");

            WireResponse revoked = await session.SendAsync(HttpMethod.Post, "/__admin/authorizers/revoke", "{\"authorizer_appid\":\"" + Merchant + "\"}");
            WireResponse refreshed = await session.SendAsync(HttpMethod.Post, WeChatEmulator.AuthorizerTokenPath + "?component_access_token=" + session.ComponentToken(), "{\"component_appid\":\"wx-component\",\"authorizer_appid\":\"" + Merchant + "\",\"authorizer_refresh_token\":\"refresh-1\"}");
            WireResponse again = await session.SendAsync(HttpMethod.Post, "/__admin/authorizers/revoke", "{\"authorizer_appid\":\"" + Merchant + "\"}");
            WireResponse merchants = await session.SendAsync(HttpMethod.Get, "/__admin/merchants", null);

            Assert.Equal(200, revoked.Status);
            Assert.True(revoked.Json.GetProperty("succeeded").GetBoolean(), revoked.Text);
            refreshed.AssertError(61003, "component is not authorized by this account");
            IReadOnlyDictionary<string, string> message = Open(Assert.Single(receiver.Pushes));
            Assert.Equal("unauthorized", message["InfoType"]);
            Assert.Equal(Merchant, message["AuthorizerAppid"]);
            Assert.Equal(400, again.Status);
            await Assert.ThrowsAsync<ArgumentException>(() => session.Emulator.RevokeAuthorizationAsync(Merchant));
            Assert.False(merchants.Json[0].GetProperty("authorized").GetBoolean());
        }

        /// <summary>Checks the push as a platform must (URL signature, msg_signature, appid) and returns the message's fields.</summary>
        private static IReadOnlyDictionary<string, string> Open(ReceivedPush push)
        {
            var crypto = new TcbMessageCrypto(Token, Key, "wx-component");
            Assert.Equal("aes", push.Query["encrypt_type"]);
            Assert.StartsWith("text/xml", push.ContentType, StringComparison.Ordinal);
            Assert.True(crypto.IsValidUrlSignature(push.Query["signature"], push.Query["timestamp"], push.Query["nonce"]));
            Assert.Equal("wx-component", TcbPushXml.ReadFields(push.Body)["AppId"]);
            return TcbPushXml.ReadFields(crypto.OpenPush(push.Body, push.Query["msg_signature"], push.Query["timestamp"], push.Query["nonce"]));
        }

        private static async Task<(string Code, Uri Location)> AuthorizeAsync(Session session, HttpClient browser)
        {
            string preAuthCode = await PreAuthCodeAsync(session);
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["component_appid"] = "wx-component",
                ["pre_auth_code"] = preAuthCode,
                ["redirect_uri"] = Redirect,
                ["auth_type"] = "2",
                ["authorizer_appid"] = Merchant,
            });
            using HttpResponseMessage response = await browser.PostAsync(WeChatEmulator.AuthorizationPagePath.TrimStart('/'), form);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Uri location = response.Headers.Location!;
            return (HttpUtility.ParseQueryString(location.Query)["auth_code"]!, location);
        }

        private static async Task<string> PreAuthCodeAsync(Session session)
            => (await session.SendAsync(HttpMethod.Post, PreAuthPath + "?component_access_token=" + session.ComponentToken(), "{\"component_appid\":\"wx-component\"}")).Json.GetProperty("pre_auth_code").GetString()!;

        private static HttpClient NoRedirects(Session session)
            => new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = session.Emulator.BaseAddress };
    }
}
