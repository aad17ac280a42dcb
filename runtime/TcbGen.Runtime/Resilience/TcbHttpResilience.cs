using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace TcbGen.Runtime
{
    /// <summary>
    /// How the runtime shows WeChat outcomes to a resilience pipeline (Polly, Microsoft.Extensions.Http.Resilience) on
    /// the transport's HttpClient when its own retries are off: a 2xx answer with errcode -1 (system busy) reaches the
    /// pipeline as HTTP 503, one with errcode 45011 (per-minute limit) as HTTP 429 with a Retry-After of
    /// <see cref="TcbRetryOptions.RateLimitDelay"/>, both with the errcode in <see cref="ErrorCodeHeader"/>; only for
    /// retry-safe endpoints. Business errors, -601026 and token rejections (which the runtime renews itself, once)
    /// stay 2xx, so no standard pipeline retries them.
    /// </summary>
    public static class TcbHttpResilience
    {
        /// <summary>The response header that carries the errcode of a 2xx answer the runtime surfaced as 503 or 429.</summary>
        public const string ErrorCodeHeader = "X-TcbGen-Errcode";

        /// <summary>Reads the errcode the runtime surfaced on <paramref name="response"/>, for a pipeline's own predicates.</summary>
        /// <param name="response">A response of the transport's HttpClient.</param>
        /// <param name="errorCode">The errcode, when there is one.</param>
        /// <returns>Whether the response carries a surfaced errcode.</returns>
        public static bool TryGetErrorCode(HttpResponseMessage response, out int errorCode)
        {
            errorCode = 0;
            return response != null
                && response.Headers.TryGetValues(ErrorCodeHeader, out var values)
                && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out errorCode);
        }
    }
}
