using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Where you keep the <c>component_verify_ticket</c> WeChat pushes to your authorization-event URL every
    /// ten minutes. The third-party flow reads it to renew <c>component_access_token</c>.
    /// </summary>
    public interface IComponentVerifyTicketStore
    {
        /// <summary>Reads the latest verify ticket.</summary>
        /// <param name="componentAppId">The third-party platform's appid.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The ticket, or <see langword="null"/> if none has arrived yet.</returns>
        ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken);
    }
}
