using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Browser.Tests
{
    /// <summary>
    /// The whole authorization flow in headless Chromium: the emulator pushes a ticket to a real platform, the browser
    /// authorizes a merchant on the emulated page and lands on the platform's redirect, and a revoke removes the merchant.
    /// </summary>
    public sealed class AuthorizationPageTests
    {
        private const string ComponentAppId = "wx-component-browser";
        private const string MessageToken = "browser-token";
        private const string EncodingAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
        private const string Merchant = "wxmerchant0000001";

        // Markup in the name proves the page encodes what it echoes: it must show as text, not become elements.
        private const string MerchantName = "Merchant <b>One</b> & Co";

        [SkippableFact]
        public async Task A_merchant_authorizes_in_the_browser_and_a_revoke_removes_it_from_the_platform()
        {
            (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
            using IPlaywright _ = playwright;
            await using IBrowser __ = browser;
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(new WeChatEmulatorOptions
            {
                ComponentAppId = ComponentAppId,
                ComponentMessageToken = MessageToken,
                ComponentEncodingAesKey = EncodingAesKey,
                VerifyTicketPushInterval = TimeSpan.Zero,
            });
            emulator.AddMerchant(Merchant, MerchantName);
            emulator.AddMerchant("wxothermerchant02", "Another shop");
            await using Platform platform = await Platform.StartAsync(emulator, MessageToken, EncodingAesKey);

            // WeChat's side starts it: the ticket push, which the platform stores and turns into a component token.
            emulator.ComponentEventUrl = platform.EventUrl;
            ComponentPushResult ticketPush = await emulator.PushComponentVerifyTicketAsync();
            Assert.True(ticketPush.Succeeded, ticketPush.ToString());
            Assert.Equal(emulator.ComponentVerifyTicket, await platform.Stores.GetVerifyTicketAsync(ComponentAppId, CancellationToken.None));
            TcbAccessToken componentToken = await platform.Tokens.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None);
            Assert.False(string.IsNullOrEmpty(componentToken.Value));

            // The platform's own link: a fresh pre-auth code on the emulator's authorization page, for this merchant only.
            TcbAuthorizationLink authorization = await platform.Links.CreateAsync(platform.RedirectUri, bizAppId: Merchant, cancellationToken: CancellationToken.None);
            Assert.StartsWith(emulator.BaseAddress + TcbAuthorizationLinks.PcPagePath + "?component_appid=" + ComponentAppId, authorization.Pc.ToString(), StringComparison.Ordinal);
            string link = authorization.Pc.ToString();

            IPage page = await browser.NewPageAsync();
            IResponse? shown = await page.GotoAsync(link);
            Assert.Equal(200, shown!.Status);
            Assert.Equal(MerchantName, await page.Locator(".merchant-name").InnerTextAsync());
            Assert.Equal(0, await page.Locator("#merchants b").CountAsync());
            Assert.Equal(Merchant, await page.Locator(".merchant-appid").InnerTextAsync());
            Assert.True(await page.Locator("input[name=authorizer_appid][value=" + Merchant + "]").IsCheckedAsync());
            string[] scopes = (await page.Locator("#scopes li").AllInnerTextsAsync()).ToArray();
            Assert.Equal(new[] { "17", "18", "49" }, await page.Locator("#scopes li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.permissionSet)"));
            Assert.Contains(scopes, scope => scope.Contains("cloud development", StringComparison.Ordinal));

            await page.ClickAsync("#authorize");
            await page.WaitForURLAsync(url => url.StartsWith(platform.RedirectUri.ToString(), StringComparison.Ordinal));

            var landed = new Uri(page.Url);
            string code = System.Web.HttpUtility.ParseQueryString(landed.Query)["auth_code"] ?? string.Empty;
            Assert.StartsWith("queryauthcode@@@", code, StringComparison.Ordinal);
            Assert.Equal("3600", System.Web.HttpUtility.ParseQueryString(landed.Query)["expires_in"]);
            Assert.Contains("Authorized: " + Merchant, await page.InnerTextAsync("body"), StringComparison.Ordinal);
            string? refreshToken = await platform.Stores.GetRefreshTokenAsync(Merchant, CancellationToken.None);
            Assert.NotNull(refreshToken);
            Assert.Equal(emulator.CurrentRefreshToken(Merchant), refreshToken);
            ComponentPushResult authorized = Assert.Single(emulator.ComponentPushes, p => p.InfoType == "authorized");
            Assert.True(authorized.Succeeded, authorized.ToString());

            // The link's pre-auth code is used up: the same link now shows an error page.
            IResponse? again = await page.GotoAsync(link);
            Assert.Equal(403, again!.Status);
            Assert.Contains("pre_auth_code", await page.InnerTextAsync("#error"), StringComparison.Ordinal);

            // Revoke through the admin API: the unauthorized push reaches the platform, which drops the merchant.
            using HttpClient admin = emulator.CreateAdminClient();
            using HttpResponseMessage revoked = await admin.PostAsync("__admin/authorizers/revoke", Json("{\"authorizer_appid\":\"" + Merchant + "\"}"));
            string revokeAnswer = await revoked.Content.ReadAsStringAsync();
            Assert.True(revoked.IsSuccessStatusCode, revokeAnswer);
            Assert.True(JsonDocument.Parse(revokeAnswer).RootElement.GetProperty("succeeded").GetBoolean(), revokeAnswer);
            Assert.Null(await platform.Stores.GetRefreshTokenAsync(Merchant, CancellationToken.None));
            Assert.Null(emulator.CurrentRefreshToken(Merchant));
        }

        private static StringContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");
    }
}
