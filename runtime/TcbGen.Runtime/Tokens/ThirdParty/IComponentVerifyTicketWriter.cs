using System;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A verify ticket store that also takes the tickets WeChat pushes (what TcbGen.AspNetCore's authorization-event
    /// endpoint writes through). Keep each ticket for its real validity (<see cref="TcbComponentVerifyTicket.Validity"/>),
    /// not for the 10-minute push interval and not forever, and keep the previous ticket until the new one has worked once.
    /// </summary>
    public interface IComponentVerifyTicketWriter
    {
        /// <summary>Stores a pushed ticket as the current one; the current one so far becomes the previous one.</summary>
        /// <param name="componentAppId">The platform's appid.</param>
        /// <param name="ticket">The ticket.</param>
        /// <param name="validity">How long it stays valid from now.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>Whether it was stored; <see langword="false"/> when it is the current ticket already (a retried push).</returns>
        ValueTask<bool> SaveVerifyTicketAsync(string componentAppId, string ticket, TimeSpan validity, CancellationToken cancellationToken);

        /// <summary>The ticket before the current one, kept until the current one has worked once; or <see langword="null"/>.</summary>
        /// <param name="componentAppId">The platform's appid.</param>
        /// <param name="cancellationToken">Cancels the read.</param>
        /// <returns>The previous ticket, or <see langword="null"/>.</returns>
        ValueTask<string?> GetPreviousVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken);

        /// <summary>Says that <paramref name="ticket"/> obtained a component token: the previous ticket is no longer needed.</summary>
        /// <param name="componentAppId">The platform's appid.</param>
        /// <param name="ticket">The ticket that worked.</param>
        /// <param name="cancellationToken">Cancels the write.</param>
        /// <returns>A task.</returns>
        ValueTask ConfirmVerifyTicketAsync(string componentAppId, string ticket, CancellationToken cancellationToken);
    }

    /// <summary>Facts about <c>component_verify_ticket</c>.</summary>
    public static class TcbComponentVerifyTicket
    {
        /// <summary>How long a pushed ticket is valid: 12 hours (WeChat pushes a new one every 10 minutes).</summary>
        public static readonly TimeSpan Validity = TimeSpan.FromHours(12);
    }
}
