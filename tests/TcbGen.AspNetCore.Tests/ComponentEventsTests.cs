using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.AspNetCore.Tests
{
    /// <summary>The authorization-event URL on real Kestrel, with the emulator as WeChat.</summary>
    public sealed class ComponentEventsTests
    {
        private const string Merchant = "wxmerchant0000001";

        [Fact]
        public async Task A_pushed_ticket_is_stored_for_12_hours_and_gets_the_component_token()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();

            HttpResponseMessage response = await host.PushAsync("component_verify_ticket", "<ComponentVerifyTicket><![CDATA[ticket-1]]></ComponentVerifyTicket>");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("success", await response.Content.ReadAsStringAsync());
            Assert.Equal("ticket-1", await host.Stores.GetVerifyTicketAsync(PlatformHost.ComponentAppId, CancellationToken.None));
            TcbAccessToken token = await host.Tokens.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None);
            Assert.False(string.IsNullOrEmpty(token.Value));
        }

        [Fact]
        public async Task A_retried_ticket_push_does_nothing_twice()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

            for (int i = 0; i < 3; i++)
            {
                HttpResponseMessage response = await host.PushAsync("component_verify_ticket", "<ComponentVerifyTicket><![CDATA[ticket-1]]></ComponentVerifyTicket>", now);
                Assert.Equal("success", await response.Content.ReadAsStringAsync());
            }

            Assert.Equal(1, host.Log.All.Split('\n').Count(line => line.StartsWith("Handled a component_verify_ticket push", StringComparison.Ordinal)));
            Assert.Equal(2, host.Log.All.Split('\n').Count(line => line.StartsWith("Ignored a repeated component_verify_ticket push", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Authorized_exchanges_the_code_stores_the_refresh_token_and_raises_the_hook_once()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();
            await host.PushAsync("component_verify_ticket", "<ComponentVerifyTicket><![CDATA[ticket-1]]></ComponentVerifyTicket>");
            string code = host.Emulator.IssueAuthorizationCode(Merchant, 1, 49, 64);
            string fields = "<AuthorizerAppid><![CDATA[" + Merchant + "]]></AuthorizerAppid><AuthorizationCode><![CDATA[" + code + "]]></AuthorizationCode><AuthorizationCodeExpiredTime>1413196205</AuthorizationCodeExpiredTime><PreAuthCode><![CDATA[preauthcode@@@x]]></PreAuthCode>";
            long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

            for (int i = 0; i < 2; i++)
            {
                HttpResponseMessage response = await host.PushAsync("authorized", fields, now);
                Assert.Equal("success", await response.Content.ReadAsStringAsync());
            }

            // The redirect carrying the same code joins the push's exchange.
            HttpResponseMessage redirect = await host.Http.GetAsync("/wechat/authorized?auth_code=" + Uri.EscapeDataString(code) + "&expires_in=3600");
            Assert.Equal(HttpStatusCode.OK, redirect.StatusCode);

            Assert.Single(host.Emulator.RequestsTo(WeChatEmulator.QueryAuthEndpointName));
            Assert.Equal(host.Emulator.CurrentRefreshToken(Merchant), await host.Stores.GetRefreshTokenAsync(Merchant, CancellationToken.None));
            TcbAuthorizationInfo hooked = Assert.Single(host.Hooks.Authorized);
            Assert.Equal(Merchant, hooked.AuthorizerAppId);
            Assert.Equal(new[] { 1, 49, 64 }, hooked.PermissionSetIds);
            Assert.DoesNotContain(code, host.Log.All, StringComparison.Ordinal);

            // The merchant's access token works without another exchange.
            TcbAccessToken token = await host.Tokens.GetTokenAsync(TcbTokenKey.ForAuthorizer(Merchant), CancellationToken.None);
            Assert.False(string.IsNullOrEmpty(token.Value));
        }

        [Fact]
        public async Task Updateauthorized_exchanges_its_code_like_authorized()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();
            await host.PushAsync("component_verify_ticket", "<ComponentVerifyTicket><![CDATA[ticket-1]]></ComponentVerifyTicket>");
            string code = host.Emulator.IssueAuthorizationCode(Merchant, 49);

            HttpResponseMessage response = await host.PushAsync("updateauthorized", "<AuthorizerAppid><![CDATA[" + Merchant + "]]></AuthorizerAppid><AuthorizationCode><![CDATA[" + code + "]]></AuthorizationCode>");

            Assert.Equal("success", await response.Content.ReadAsStringAsync());
            Assert.Equal(host.Emulator.CurrentRefreshToken(Merchant), await host.Stores.GetRefreshTokenAsync(Merchant, CancellationToken.None));
        }

        [Fact]
        public async Task Unauthorized_drops_every_token_of_the_merchant_and_raises_the_hook()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();
            await host.PushAsync("component_verify_ticket", "<ComponentVerifyTicket><![CDATA[ticket-1]]></ComponentVerifyTicket>");
            string code = host.Emulator.IssueAuthorizationCode(Merchant, 49);
            await host.PushAsync("authorized", "<AuthorizerAppid><![CDATA[" + Merchant + "]]></AuthorizerAppid><AuthorizationCode><![CDATA[" + code + "]]></AuthorizationCode>");
            Assert.NotNull(await host.Stores.GetRefreshTokenAsync(Merchant, CancellationToken.None));
            host.Emulator.RemoveAuthorizer(Merchant);

            HttpResponseMessage response = await host.PushAsync("unauthorized", "<AuthorizerAppid><![CDATA[" + Merchant + "]]></AuthorizerAppid>");

            Assert.Equal("success", await response.Content.ReadAsStringAsync());
            Assert.Null(await host.Stores.GetRefreshTokenAsync(Merchant, CancellationToken.None));
            Assert.Equal(Merchant, Assert.Single(host.Hooks.Unauthorized));
            // The cached access token went too: asking for one now finds no authorization.
            await Assert.ThrowsAsync<TcbAuthorizerNotFoundException>(async () => await host.Tokens.GetTokenAsync(TcbTokenKey.ForAuthorizer(Merchant), CancellationToken.None));
        }

        [Fact]
        public async Task An_unknown_InfoType_is_acknowledged_and_logged()
        {
            await using PlatformHost host = await PlatformHost.StartAsync();

            HttpResponseMessage response = await host.PushAsync("notify_third_fasteregister", "<info><name><![CDATA[x]]></name></info>");

            Assert.Equal("success", await response.Content.ReadAsStringAsync());
            Assert.Equal("notify_third_fasteregister", Assert.Single(host.Hooks.Other));
            Assert.Contains("does not handle: notify_third_fasteregister", host.Log.All, StringComparison.Ordinal);
        }
    }
}
