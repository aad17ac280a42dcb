using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Sample
{
    /// <summary>
    /// Plays the merchant's browser on the authorization page, with plain HTTP: opens the platform's link, submits the
    /// page's form choosing one account, and follows the redirect back to the platform, which exchanges <c>auth_code</c>.
    /// (The browser test in tests/TcbGen.Browser.Tests does the same in headless Chromium.)
    /// </summary>
    internal static partial class MerchantAuthorization
    {
        public static async Task AuthorizeAsync(Uri link, string merchantAppId, TextWriter output, CancellationToken cancellationToken)
        {
            using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

            string page = await browser.GetStringAsync(link, cancellationToken);
            Match form = FormAction().Match(page);
            if (!form.Success)
            {
                throw new InvalidOperationException("The authorization page has no form; it said: " + page);
            }

            var fields = new List<KeyValuePair<string, string>> { new("authorizer_appid", merchantAppId) };
            foreach (Match hidden in HiddenInput().Matches(page))
            {
                fields.Add(new(WebUtility.HtmlDecode(hidden.Groups["name"].Value), WebUtility.HtmlDecode(hidden.Groups["value"].Value)));
            }

            output.WriteLine($"  authorization page       -> offers {AccountCount().Matches(page).Count} account(s) and {ScopeCount().Matches(page).Count} permission sets; the merchant chooses {merchantAppId} and clicks Authorize");

            using var submit = new FormUrlEncodedContent(fields);
            using HttpResponseMessage authorized = await browser.PostAsync(new Uri(link, WebUtility.HtmlDecode(form.Groups["action"].Value)), submit, cancellationToken);
            Uri back = authorized.StatusCode == HttpStatusCode.Found && authorized.Headers.Location is { } location
                ? location
                : throw new InvalidOperationException($"Authorize answered {(int)authorized.StatusCode}, not a redirect: {await authorized.Content.ReadAsStringAsync(cancellationToken)}");
            output.WriteLine($"  redirect                 -> {back.GetLeftPart(UriPartial.Path)}?auth_code=***&expires_in=... (WeChat also pushes 'authorized')");

            using HttpResponseMessage landed = await browser.GetAsync(back, cancellationToken);
            landed.EnsureSuccessStatusCode();
        }

        [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\">")]
        private static partial Regex FormAction();

        [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
        private static partial Regex HiddenInput();

        [GeneratedRegex("name=\"authorizer_appid\"")]
        private static partial Regex AccountCount();

        [GeneratedRegex("data-permission-set=")]
        private static partial Regex ScopeCount();
    }
}
