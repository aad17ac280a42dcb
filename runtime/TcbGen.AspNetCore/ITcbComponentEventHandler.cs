using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime;

namespace TcbGen.AspNetCore
{
    /// <summary>
    /// Your hooks for authorization changes, registered in the container (any number; each is called). They run after
    /// TcbGen has stored or dropped the tokens, once per authorization however often WeChat retries the push.
    /// </summary>
    public interface ITcbComponentEventHandler
    {
        /// <summary>An account authorized the platform or changed what it granted (<c>authorized</c>, <c>updateauthorized</c>, or the redirect).</summary>
        /// <param name="authorization">The account and the permission sets it granted.</param>
        /// <param name="cancellationToken">Cancels the hook.</param>
        /// <returns>A task.</returns>
        Task OnAuthorizedAsync(TcbAuthorizationInfo authorization, CancellationToken cancellationToken);

        /// <summary>An account revoked the authorization (<c>unauthorized</c>); its tokens are already dropped.</summary>
        /// <param name="authorizerAppId">The account's appid.</param>
        /// <param name="cancellationToken">Cancels the hook.</param>
        /// <returns>A task.</returns>
        Task OnUnauthorizedAsync(string authorizerAppId, CancellationToken cancellationToken);

        /// <summary>A push with an InfoType TcbGen does not handle (acknowledged all the same).</summary>
        /// <param name="infoType">The InfoType.</param>
        /// <param name="fields">The decrypted message's fields.</param>
        /// <param name="cancellationToken">Cancels the hook.</param>
        /// <returns>A task.</returns>
        Task OnOtherEventAsync(string infoType, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
