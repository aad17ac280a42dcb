using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// The <c>component_verify_ticket</c> in Redis, so that every instance renews <c>component_access_token</c> with the ticket
    /// WeChat pushed to any one of them, as soon as it is stored (there is no in-process copy). Each ticket is kept for its
    /// validity (<see cref="TcbComponentVerifyTicket.Validity"/>, 12 hours, by a Redis TTL), and the ticket before it until the
    /// new one has obtained a component token once, as <see cref="TcbInMemoryThirdPartyStores"/> does. <c>UseRedis</c>
    /// registers it unless an <see cref="IComponentVerifyTicketStore"/> is registered already. Values are never logged.
    /// </summary>
    /// <remarks>
    /// Its keys are named after <see cref="TcbGenOptions.ThirdParty"/>'s component appid; every method's
    /// <c>componentAppId</c> must be that appid (an <see cref="ArgumentException"/> otherwise).
    /// </remarks>
    public sealed class TcbRedisVerifyTicketStore : IComponentVerifyTicketStore, IComponentVerifyTicketWriter
    {
        private readonly TcbRedisContext _context;

        internal TcbRedisVerifyTicketStore(TcbRedisContext context)
        {
            _context = context;
        }

        /// <inheritdoc />
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached.</exception>
        public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken)
            => ReadAsync(componentAppId, _context.Keys.VerifyTicket);

        /// <inheritdoc />
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached.</exception>
        public ValueTask<string?> GetPreviousVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken)
            => ReadAsync(componentAppId, _context.Keys.PreviousVerifyTicket);

        /// <inheritdoc />
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached (the push is then not acknowledged, and WeChat pushes it again).</exception>
        public async ValueTask<bool> SaveVerifyTicketAsync(string componentAppId, string ticket, TimeSpan validity, CancellationToken cancellationToken)
        {
            if (string.IsNullOrEmpty(ticket))
            {
                throw new ArgumentException("The ticket is empty.", nameof(ticket));
            }

            if (validity <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(validity), "A ticket's validity must be positive.");
            }

            RedisResult stored = await RunAsync(
                componentAppId,
                RedisScripts.SaveVerifyTicket,
                VerifyTicketCodec.Id(ticket),
                VerifyTicketCodec.Seal(ticket, _context.Secrets),
                (long)Math.Ceiling(validity.TotalMilliseconds)).ConfigureAwait(false);
            return (long)stored == 1;
        }

        /// <inheritdoc />
        /// <exception cref="TcbTokenUnavailableException">Redis cannot be reached.</exception>
        public async ValueTask ConfirmVerifyTicketAsync(string componentAppId, string ticket, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(ticket))
            {
                await RunAsync(componentAppId, RedisScripts.ConfirmVerifyTicket, VerifyTicketCodec.Id(ticket)).ConfigureAwait(false);
            }
        }

        /// <inheritdoc />
        public override string ToString() => "TcbRedisVerifyTicketStore { Ticket = *** }";

        private async ValueTask<string?> ReadAsync(string componentAppId, RedisKey key)
        {
            CheckPlatform(componentAppId);
            try
            {
                return VerifyTicketCodec.Unseal(await _context.Command(db => db.HashGetAsync(key, "value")).ConfigureAwait(false), _context.Secrets);
            }
            catch (UnreadableSecretException unreadable)
            {
                throw new TcbTokenUnavailableException(TcbTokenKey.Component, unreadable.Message + " while reading the component_verify_ticket", unreadable);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                throw Unavailable(exception);
            }
        }

        private async Task<RedisResult> RunAsync(string componentAppId, string script, params RedisValue[] arguments)
        {
            CheckPlatform(componentAppId);
            try
            {
                return await _context.Command(db => db.ScriptEvaluateAsync(
                    script,
                    new RedisKey[] { _context.Keys.VerifyTicket, _context.Keys.PreviousVerifyTicket },
                    arguments)).ConfigureAwait(false);
            }
            catch (Exception exception) when (RedisFailure.IsRedisFailure(exception))
            {
                throw Unavailable(exception);
            }
        }

        private void CheckPlatform(string componentAppId)
        {
            if (!string.Equals(componentAppId, _context.Keys.ComponentAppId, StringComparison.Ordinal))
            {
                throw new ArgumentException("This store keeps the tickets of component appid " + _context.Keys.ComponentAppId + " (TcbGenOptions.ThirdParty.ComponentAppId), not " + componentAppId + ".", nameof(componentAppId));
            }
        }

        private static TcbTokenUnavailableException Unavailable(Exception exception)
            => new TcbTokenUnavailableException(TcbTokenKey.Component, RedisFailure.Describe(exception) + " while reading or saving the component_verify_ticket", exception);
    }
}
