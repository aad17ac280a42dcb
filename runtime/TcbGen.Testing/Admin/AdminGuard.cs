using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TcbGen.Testing.Emulator;

namespace TcbGen.Testing.Admin
{
    /// <summary>
    /// What every admin request passes before any route runs, so a web page open in the developer's browser can neither
    /// read nor change the emulator: a <c>Host</c> the emulator is (DNS rebinding), no other origin (a cross-site form or
    /// fetch), the run's admin key, and a JSON body on a POST (a <c>text/plain</c> POST needs no CORS preflight).
    /// A refused request changes nothing. The WeChat-facing routes never come here.
    /// </summary>
    internal static class AdminGuard
    {
        private static readonly string[] LoopbackHosts = { "localhost", "127.0.0.1", "[::1]" };

        /// <summary>The refusal for a request that may not reach the admin API, or null to let it through.</summary>
        public static AdminResponse? Refusal(HttpRequest request, EmulatorState state)
        {
            if (!IsAllowedHost(request.Host.Host, state.Options.AdminHostNames))
            {
                return AdminResponse.Problem(StatusCodes.Status403Forbidden, $"The admin API answers only to Host localhost, 127.0.0.1 or [::1]{(state.Options.AdminHostNames.Count == 0 ? string.Empty : " or " + string.Join(", ", state.Options.AdminHostNames))}.");
            }

            if (IsCrossOrigin(request))
            {
                return AdminResponse.Problem(StatusCodes.Status403Forbidden, "The admin API refuses requests from another origin (a web page); call it from a program or from the emulator's own origin.");
            }

            if (!AdminKey.Matches(state.AdminKey, PresentedKey(request)))
            {
                return AdminResponse.Problem(StatusCodes.Status401Unauthorized, $"The admin API needs this run's admin key (printed in the emulator's banner) in the {AdminKey.HeaderName} header.");
            }

            if (HttpMethods.IsPost(request.Method) && !IsJson(request.ContentType))
            {
                return AdminResponse.Problem(StatusCodes.Status415UnsupportedMediaType, "Admin POSTs take Content-Type: application/json.");
            }

            return null;
        }

        private static bool IsAllowedHost(string host, IList<string> configured)
        {
            foreach (string allowed in LoopbackHosts)
            {
                if (string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            foreach (string allowed in configured)
            {
                if (string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a browser says the request comes from another origin: <c>Sec-Fetch-Site</c> other than
        /// <c>same-origin</c> or <c>none</c> (typed in the address bar), or an <c>Origin</c> other than the emulator's own.
        /// Programs send neither header.
        /// </summary>
        private static bool IsCrossOrigin(HttpRequest request)
        {
            string fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
            if (fetchSite.Length > 0 && fetchSite != "same-origin" && fetchSite != "none")
            {
                return true;
            }

            string origin = request.Headers.Origin.ToString();
            return origin.Length > 0 && !string.Equals(origin, request.Scheme + "://" + request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }

        private static string? PresentedKey(HttpRequest request)
        {
            string header = request.Headers[AdminKey.HeaderName].ToString();
            return header.Length > 0 ? header : request.Cookies[AdminKey.CookieName];
        }

        private static bool IsJson(string? contentType)
            => MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed)
                && string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);
    }
}
