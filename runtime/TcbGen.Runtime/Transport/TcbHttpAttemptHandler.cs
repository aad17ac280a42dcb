using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The innermost handler of the transport's HttpClient (see <see cref="TcbHttpAttemptHandlerFilter"/>): it sees every
    /// HTTP attempt, including those a resilience handler further out makes, and counts it on the call's span.
    /// </summary>
    internal sealed class TcbHttpAttemptHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            TcbInstrumentation.CountHttpAttempt();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
