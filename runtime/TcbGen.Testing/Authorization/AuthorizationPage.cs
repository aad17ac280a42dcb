using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Authorization
{
    /// <summary>
    /// WeChat's authorization page, on the emulator's own address: <c>GET /cgi-bin/componentloginpage</c> (the PC link) and
    /// <c>GET /wxaopen/safe/bindcomponent</c> (the mobile link) show the scopes and the merchants; Authorize (a form POST to
    /// the same path) uses up the pre-auth code, issues an authorization code, pushes <c>authorized</c> and redirects
    /// (302) to <c>redirect_uri</c> with <c>auth_code</c> and <c>expires_in</c>. A bad link answers a 4xx page saying why.
    /// </summary>
    internal static class AuthorizationPage
    {
        private const int MaxFormBytes = 16 * 1024;

        public static bool Owns(string path)
            => path == WeChatEmulator.AuthorizationPagePath || path == WeChatEmulator.MobileAuthorizationPagePath;

        public static async Task HandleAsync(HttpContext context, EmulatorState state, CancellationToken cancellationToken)
        {
            HttpRequest request = context.Request;
            if (HttpMethods.IsGet(request.Method))
            {
                await ShowAsync(context, state, AuthorizationRequest.FromQuery(request.Query), cancellationToken).ConfigureAwait(false);
            }
            else if (HttpMethods.IsPost(request.Method))
            {
                await AuthorizeAsync(context, state, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                context.Response.Headers.Allow = "GET, POST";
                await WriteProblemAsync(context, new PageProblem(StatusCodes.Status405MethodNotAllowed, "The authorization page takes GET (the link) and POST (Authorize)."), cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task ShowAsync(HttpContext context, EmulatorState state, AuthorizationRequest link, CancellationToken cancellationToken)
        {
            PageProblem? problem = link.Check(state);
            IReadOnlyList<Merchant> merchants = Offered(state, link);
            if (problem == null && merchants.Count == 0)
            {
                problem = new PageProblem(StatusCodes.Status409Conflict, "The emulator has no merchant to authorize with: add one with AddMerchant, RegisterAuthorizer or POST /__admin/merchants.");
            }

            if (problem != null)
            {
                await WriteProblemAsync(context, problem, cancellationToken).ConfigureAwait(false);
                return;
            }

            string html = AuthorizationPageHtml.Page(context.Request.Path.Value!, link, state.Options.PermissionSetIds.ToList(), merchants, link.BizAppId ?? merchants[0].AppId);
            await WriteHtmlAsync(context, StatusCodes.Status200OK, html, cancellationToken).ConfigureAwait(false);
        }

        private static async Task AuthorizeAsync(HttpContext context, EmulatorState state, CancellationToken cancellationToken)
        {
            HttpRequest request = context.Request;
            if (!request.HasFormContentType || request.ContentLength > MaxFormBytes)
            {
                await WriteProblemAsync(context, new PageProblem(StatusCodes.Status400BadRequest, "Authorize is a form POST from the authorization page."), cancellationToken).ConfigureAwait(false);
                return;
            }

            IFormCollection form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            AuthorizationRequest link = AuthorizationRequest.FromForm(form);
            string? chosen = form["authorizer_appid"];
            PageProblem? problem = link.Check(state);
            if (problem == null && !Offered(state, link).Any(m => string.Equals(m.AppId, chosen, StringComparison.Ordinal)))
            {
                problem = new PageProblem(StatusCodes.Status400BadRequest, "Choose one of the merchants the page offers.");
            }

            // Check then consume: of two Authorize posts with one code, only the first goes on.
            if (problem == null && !state.PreAuthCodes.TryConsume(link.PreAuthCode!, state.Options.TimeProvider.GetUtcNow()))
            {
                problem = new PageProblem(StatusCodes.Status403Forbidden, "The pre_auth_code was just used; get a new one from api_create_preauthcode.");
            }

            if (problem != null)
            {
                await WriteProblemAsync(context, problem, cancellationToken).ConfigureAwait(false);
                return;
            }

            (string code, _) = await AuthorizationEvents.AuthorizeAsync(state, chosen!, link.PreAuthCode!, cancellationToken).ConfigureAwait(false);
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Redirect(link.RedirectWith(code, (long)AuthorizationCodes.Lifetime.TotalSeconds));
        }

        /// <summary>The merchants the page offers: only <c>biz_appid</c> when the link names one, else every known merchant.</summary>
        private static IReadOnlyList<Merchant> Offered(EmulatorState state, AuthorizationRequest link)
        {
            IReadOnlyList<Merchant> all = state.Authorizers.Merchants();
            return link.BizAppId == null ? all : all.Where(m => string.Equals(m.AppId, link.BizAppId, StringComparison.Ordinal)).ToList();
        }

        private static Task WriteProblemAsync(HttpContext context, PageProblem problem, CancellationToken cancellationToken)
            => WriteHtmlAsync(context, problem.StatusCode, AuthorizationPageHtml.Problem(problem.Message), cancellationToken);

        private static async Task WriteHtmlAsync(HttpContext context, int statusCode, string html, CancellationToken cancellationToken)
        {
            HttpResponse response = context.Response;
            response.StatusCode = statusCode;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";

            // The page loads nothing and runs nothing; its URL carries the pre-auth code, so no referrer leaves it.
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.XContentTypeOptions = "nosniff";
            byte[] bytes = Encoding.UTF8.GetBytes(html);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
    }
}
