using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Authorization
{
    /// <summary>
    /// The authorization page's HTML: plain markup, inline style, no script and no external asset. Everything it echoes
    /// (parameters, merchant names, messages) is HTML-encoded.
    /// </summary>
    internal static class AuthorizationPageHtml
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        private const string Style = "body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em;color:#222}"
            + "h1{font-size:1.4em}ul{padding-left:1.2em}label{display:block;margin:.4em 0}"
            + "button{font-size:1em;padding:.5em 2em;background:#07c160;color:#fff;border:0;border-radius:4px}"
            + ".error{color:#b00020}.note{color:#666;font-size:.9em}";

        /// <summary>The page: the platform, the scopes it asks for, the merchants to choose from, and Authorize.</summary>
        public static string Page(string actionPath, AuthorizationRequest request, IReadOnlyList<int> permissionSetIds, IReadOnlyList<Merchant> merchants, string? preselected)
        {
            var html = new StringBuilder();
            html.Append("<h1>Authorize the third-party platform <span id=\"component-appid\">").Append(E(request.ComponentAppId)).Append("</span></h1>");
            html.Append("<p class=\"note\">WeChat emulator (TcbGen.Testing): this page stands in for WeChat's authorization page.</p>");
            html.Append("<h2>Permissions it asks for</h2><ul id=\"scopes\">");
            foreach (int id in permissionSetIds)
            {
                string idText = id.ToString(CultureInfo.InvariantCulture);
                html.Append("<li data-permission-set=\"").Append(idText).Append("\">").Append(idText).Append(" · ").Append(E(PermissionSets.NameOf(id))).Append("</li>");
            }

            html.Append("</ul><form method=\"post\" action=\"").Append(E(actionPath)).Append("\">");
            html.Append("<h2>Account to authorize</h2><fieldset id=\"merchants\">");
            foreach (Merchant merchant in merchants)
            {
                bool chosen = string.Equals(merchant.AppId, preselected, System.StringComparison.Ordinal);
                html.Append("<label><input type=\"radio\" name=\"authorizer_appid\" value=\"").Append(E(merchant.AppId)).Append('"')
                    .Append(chosen ? " checked" : string.Empty).Append(" required> ")
                    .Append("<span class=\"merchant-name\">").Append(E(merchant.Name)).Append("</span> (<span class=\"merchant-appid\">").Append(E(merchant.AppId)).Append("</span>)")
                    .Append(merchant.Authorized ? " <span class=\"note\">already authorized: this updates the authorization</span>" : string.Empty)
                    .Append("</label>");
            }

            html.Append("</fieldset>");
            Hidden(html, "component_appid", request.ComponentAppId);
            Hidden(html, "pre_auth_code", request.PreAuthCode);
            Hidden(html, "redirect_uri", request.RedirectUri);
            Hidden(html, "auth_type", request.AuthType);
            Hidden(html, "biz_appid", request.BizAppId);
            html.Append("<p><button type=\"submit\" id=\"authorize\">Authorize</button></p></form>");
            html.Append("<p class=\"note\">Then the browser goes to <span id=\"redirect-uri\">").Append(E(request.RedirectUri)).Append("</span> with auth_code.</p>");
            return Document("Authorize " + request.ComponentAppId, html.ToString());
        }

        /// <summary>A page that says what is wrong with the link.</summary>
        public static string Problem(string message)
            => Document("Authorization failed", "<h1>Authorization failed</h1><p class=\"error\" id=\"error\">" + E(message) + "</p>");

        private static void Hidden(StringBuilder html, string name, string? value)
        {
            if (value != null)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append("\">");
            }
        }

        private static string Document(string title, string body)
            => "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                + E(title) + "</title><style>" + Style + "</style></head><body>" + body + "</body></html>";

        private static string E(string? text) => Encoder.Encode(text ?? string.Empty);
    }
}
