using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Verify tickets and refresh tokens kept in this process: for one instance, tests and the sample. Tickets expire
    /// after their validity, and the previous ticket is kept until the current one has worked once. Several instances
    /// need a shared store (TcbGen.Redis); a restart loses refresh tokens kept here.
    /// </summary>
    public sealed class TcbInMemoryThirdPartyStores : IComponentVerifyTicketStore, IComponentVerifyTicketWriter, IAuthorizerRefreshTokenStore, IAuthorizerRefreshTokenWriter
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, Tickets> _tickets = new Dictionary<string, Tickets>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _refreshTokens = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly TimeProvider _time;

        /// <summary>Creates empty stores.</summary>
        /// <param name="timeProvider">The clock tickets expire by; the system clock by default.</param>
        public TcbInMemoryThirdPartyStores(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

        /// <inheritdoc />
        public ValueTask<string?> GetVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return new ValueTask<string?>(_tickets.TryGetValue(componentAppId, out Tickets? tickets) ? Live(tickets.Current) : null);
            }
        }

        /// <inheritdoc />
        public ValueTask<bool> SaveVerifyTicketAsync(string componentAppId, string ticket, TimeSpan validity, CancellationToken cancellationToken)
        {
            var saved = new Ticket(ticket, _time.GetUtcNow() + validity);
            lock (_gate)
            {
                if (!_tickets.TryGetValue(componentAppId, out Tickets? tickets))
                {
                    _tickets[componentAppId] = new Tickets(saved, null, confirmed: false);
                    return new ValueTask<bool>(true);
                }

                if (string.Equals(tickets.Current.Value, ticket, StringComparison.Ordinal))
                {
                    return new ValueTask<bool>(false);
                }

                // An unconfirmed current ticket never became the fallback: the last one that worked stays it.
                Ticket? previous = tickets.Confirmed || tickets.Previous is null ? tickets.Current : tickets.Previous;
                _tickets[componentAppId] = new Tickets(saved, previous, confirmed: false);
                return new ValueTask<bool>(true);
            }
        }

        /// <inheritdoc />
        public ValueTask<string?> GetPreviousVerifyTicketAsync(string componentAppId, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return new ValueTask<string?>(_tickets.TryGetValue(componentAppId, out Tickets? tickets) && tickets.Previous != null ? Live(tickets.Previous) : null);
            }
        }

        /// <inheritdoc />
        public ValueTask ConfirmVerifyTicketAsync(string componentAppId, string ticket, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_tickets.TryGetValue(componentAppId, out Tickets? tickets) && string.Equals(tickets.Current.Value, ticket, StringComparison.Ordinal))
                {
                    _tickets[componentAppId] = new Tickets(tickets.Current, null, confirmed: true);
                }
            }

            return default;
        }

        /// <inheritdoc />
        public ValueTask<string?> GetRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return new ValueTask<string?>(_refreshTokens.TryGetValue(authorizerAppId, out string? token) ? token : null);
            }
        }

        /// <inheritdoc />
        public ValueTask<bool> TryReplaceRefreshTokenAsync(string authorizerAppId, string usedRefreshToken, string newRefreshToken, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (!_refreshTokens.TryGetValue(authorizerAppId, out string? current) || !string.Equals(current, usedRefreshToken, StringComparison.Ordinal))
                {
                    return new ValueTask<bool>(false);
                }

                _refreshTokens[authorizerAppId] = newRefreshToken;
                return new ValueTask<bool>(true);
            }
        }

        /// <inheritdoc />
        public ValueTask SetRefreshTokenAsync(string authorizerAppId, string refreshToken, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _refreshTokens[authorizerAppId] = refreshToken;
            }

            return default;
        }

        /// <inheritdoc />
        public ValueTask<bool> RemoveRefreshTokenAsync(string authorizerAppId, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return new ValueTask<bool>(_refreshTokens.Remove(authorizerAppId));
            }
        }

        /// <inheritdoc />
        public override string ToString() => "TcbInMemoryThirdPartyStores { Tickets = ***, RefreshTokens = *** }";

        private string? Live(Ticket ticket) => ticket.ExpiresAt > _time.GetUtcNow() ? ticket.Value : null;

        private sealed class Ticket
        {
            public Ticket(string value, DateTimeOffset expiresAt)
            {
                Value = value;
                ExpiresAt = expiresAt;
            }

            public string Value { get; }

            public DateTimeOffset ExpiresAt { get; }
        }

        private sealed class Tickets
        {
            public Tickets(Ticket current, Ticket? previous, bool confirmed)
            {
                Current = current;
                Previous = previous;
                Confirmed = confirmed;
            }

            public Ticket Current { get; }

            public Ticket? Previous { get; }

            public bool Confirmed { get; }
        }
    }
}
