using System;
using Microsoft.AspNetCore.Http;
using TcbGen.Testing.Emulator;

namespace TcbGen.Testing.Authorization
{
    /// <summary>
    /// The authorization link's parameters (<c>component_appid</c>, <c>pre_auth_code</c>, <c>redirect_uri</c>,
    /// <c>auth_type</c>, <c>biz_appid</c>), read from the query (the page) or the form (Authorize), and their checks.
    /// </summary>
    internal sealed class AuthorizationRequest
    {
        private AuthorizationRequest(Func<string, string?> read)
        {
            ComponentAppId = read("component_appid");
            PreAuthCode = read("pre_auth_code");
            RedirectUri = read("redirect_uri");
            AuthType = read("auth_type");
            BizAppId = read("biz_appid");
        }

        public string? ComponentAppId { get; }

        public string? PreAuthCode { get; }

        public string? RedirectUri { get; }

        public string? AuthType { get; }

        public string? BizAppId { get; }

        public static AuthorizationRequest FromQuery(IQueryCollection query) => new AuthorizationRequest(name => NullIfEmpty(query[name]));

        public static AuthorizationRequest FromForm(IFormCollection form) => new AuthorizationRequest(name => NullIfEmpty(form[name]));

        /// <summary>The first problem, as a page to show, or null when the link is good (the pre-auth code still unused).</summary>
        public PageProblem? Check(EmulatorState state)
        {
            if (ComponentAppId == null || PreAuthCode == null || RedirectUri == null)
            {
                string missing = ComponentAppId == null ? "component_appid" : PreAuthCode == null ? "pre_auth_code" : "redirect_uri";
                return new PageProblem(StatusCodes.Status400BadRequest, "The authorization link has no " + missing + ".");
            }

            if (!string.Equals(ComponentAppId, state.Options.ComponentAppId, StringComparison.Ordinal))
            {
                return new PageProblem(StatusCodes.Status400BadRequest, "component_appid '" + ComponentAppId + "' is not this platform's appid.");
            }

            if (!Uri.TryCreate(RedirectUri, UriKind.Absolute, out Uri? redirect) || (redirect.Scheme != Uri.UriSchemeHttp && redirect.Scheme != Uri.UriSchemeHttps))
            {
                return new PageProblem(StatusCodes.Status400BadRequest, "redirect_uri must be an absolute http or https URL.");
            }

            switch (state.PreAuthCodes.Check(PreAuthCode, state.Options.TimeProvider.GetUtcNow()))
            {
                case PreAuthCodeState.Unknown:
                    return new PageProblem(StatusCodes.Status403Forbidden, "The pre_auth_code is invalid or was already used; get a new one from api_create_preauthcode.");
                case PreAuthCodeState.Expired:
                    return new PageProblem(StatusCodes.Status410Gone, "The pre_auth_code has expired (they last 1800 seconds); get a new one from api_create_preauthcode.");
                case PreAuthCodeState.Valid:
                    break;
            }

            if (BizAppId != null && !System.Linq.Enumerable.Any(state.Authorizers.Merchants(), m => string.Equals(m.AppId, BizAppId, StringComparison.Ordinal)))
            {
                return new PageProblem(StatusCodes.Status400BadRequest, "biz_appid '" + BizAppId + "' is none of the emulator's merchants (AddMerchant or RegisterAuthorizer adds one).");
            }

            return null;
        }

        /// <summary>Where the browser goes after Authorize: <c>redirect_uri</c> with <c>auth_code</c> and <c>expires_in</c> added.</summary>
        public string RedirectWith(string authCode, long expiresInSeconds)
        {
            string uri = RedirectUri!;
            int fragment = uri.IndexOf('#', StringComparison.Ordinal);
            string tail = fragment < 0 ? string.Empty : uri.Substring(fragment);
            string head = fragment < 0 ? uri : uri.Substring(0, fragment);
            return head + (head.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "auth_code=" + Uri.EscapeDataString(authCode) + "&expires_in=" + expiresInSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + tail;
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Why the authorization page cannot go on: a 4xx status and what to tell the user.</summary>
    internal sealed record PageProblem(int StatusCode, string Message);
}
