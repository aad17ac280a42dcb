using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TcbGen.Runtime;

namespace TcbGen.AspNetCore
{
    /// <summary>
    /// The redirect URI of the authorization link: WeChat sends the merchant's browser here with <c>auth_code</c>. The code
    /// is exchanged as the <c>authorized</c> push's is, once for both.
    /// </summary>
    internal sealed class AuthorizationRedirectEndpoint
    {
        private readonly ComponentEventProcessor _processor;
        private readonly ILogger _logger;

        public AuthorizationRedirectEndpoint(ComponentEventProcessor processor, ILogger<AuthorizationRedirectEndpoint> logger)
        {
            _processor = processor;
            _logger = logger;
        }

        public async Task HandleAsync(HttpContext context)
        {
            string? code = context.Request.Query["auth_code"];
            context.Response.ContentType = "text/plain; charset=utf-8";
            if (string.IsNullOrEmpty(code))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("auth_code is missing").ConfigureAwait(false);
                return;
            }

            TcbAuthorizationInfo info;
            try
            {
                info = await _processor.ExchangeOnceAsync(code!, context.RequestAborted).ConfigureAwait(false);
            }
            catch (TcbApiException failed)
            {
                ComponentEventLog.RedirectFailed(_logger, "api_query_auth answered " + failed.ErrorCode);
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
                await context.Response.WriteAsync("The authorization could not be completed (errcode " + failed.ErrorCode + ").").ConfigureAwait(false);
                return;
            }

            await context.Response.WriteAsync("Authorized: " + info.AuthorizerAppId).ConfigureAwait(false);
        }
    }
}
