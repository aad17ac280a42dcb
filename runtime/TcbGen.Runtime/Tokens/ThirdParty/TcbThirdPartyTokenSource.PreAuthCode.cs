using System;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.ComponentApi;

namespace TcbGen.Runtime
{
    /// <content>The first step of the authorization flow: a pre-authorization code for the authorization link.</content>
    public sealed partial class TcbThirdPartyTokenSource
    {
        /// <summary>
        /// Creates a pre-authorization code (<c>api_create_preauthcode</c>, with the component token): the code an
        /// authorization link carries (see <see cref="TcbAuthorizationLinks"/>). Each is valid for 1800 seconds (WeChat's
        /// answer says exactly how long) and is used once; create one per link shown.
        /// </summary>
        /// <param name="cancellationToken">Cancels the wait.</param>
        /// <returns>The code and when it expires.</returns>
        /// <exception cref="TcbApiException">WeChat refused (e.g. 61004 the caller's IP is not whitelisted).</exception>
        public async Task<TcbPreAuthCode> CreatePreAuthCodeAsync(CancellationToken cancellationToken)
        {
            CreatePreAuthCodeResponse response = await PostWithComponentTokenAsync(CreatePreAuthCodeEndpoint.Descriptor, ComponentApiRequests.CreatePreAuthCode(_componentAppId), cancellationToken).ConfigureAwait(false);
            DateTimeOffset expiresAt = ExpiresAt(CreatePreAuthCodeEndpoint.Name, response.PreAuthCode, response.ExpiresIn, "pre_auth_code");
            return new TcbPreAuthCode(response.PreAuthCode!, expiresAt);
        }
    }
}
