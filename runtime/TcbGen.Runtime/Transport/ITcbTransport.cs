using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Sends one request to a WeChat server API endpoint: obtains the access token for the given token key
    /// (never passed by the caller), sends the request with the token in the query string (<c>access_token</c>, or the kind's own parameter), reads the
    /// response and throws for errcode other than 0. Generated clients call this; implementations are thread-safe.
    /// </summary>
    public interface ITcbTransport
    {
        /// <summary>Sends a request and returns the successful response.</summary>
        /// <typeparam name="TRequest">The request type.</typeparam>
        /// <typeparam name="TResponse">The response type.</typeparam>
        /// <param name="endpoint">The endpoint.</param>
        /// <param name="token">Which access token the call uses.</param>
        /// <param name="request">The request, already validated.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The response, whose errcode is 0.</returns>
        /// <exception cref="TcbApiException">WeChat answered with an errcode other than 0.</exception>
        Task<TResponse> SendAsync<TRequest, TResponse>(
            TcbEndpoint<TRequest, TResponse> endpoint,
            TcbTokenKey token,
            TRequest request,
            CancellationToken cancellationToken)
            where TResponse : TcbResponse;
    }
}
