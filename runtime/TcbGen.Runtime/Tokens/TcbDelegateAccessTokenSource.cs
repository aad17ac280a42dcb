using System;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A token source for users who manage tokens themselves: a delegate is asked for the token on every call
    /// (nothing is cached here), and an optional delegate hears about rejected tokens.
    /// </summary>
    public sealed class TcbDelegateAccessTokenSource : ITcbAccessTokenSource
    {
        private readonly Func<TcbTokenKey, CancellationToken, ValueTask<TcbAccessToken>> _getToken;
        private readonly Func<TcbTokenKey, TcbAccessToken, CancellationToken, ValueTask>? _onRejected;

        /// <summary>Creates the source.</summary>
        /// <param name="getToken">Returns the current token for a key.</param>
        /// <param name="onRejected">Called when WeChat rejected a token, so you can renew it; optional.</param>
        public TcbDelegateAccessTokenSource(
            Func<TcbTokenKey, CancellationToken, ValueTask<TcbAccessToken>> getToken,
            Func<TcbTokenKey, TcbAccessToken, CancellationToken, ValueTask>? onRejected = null)
        {
            _getToken = getToken ?? throw new ArgumentNullException(nameof(getToken));
            _onRejected = onRejected;
        }

        /// <summary>A source that always returns the same token string, for every key.</summary>
        /// <param name="accessToken">The token string.</param>
        /// <returns>The source.</returns>
        public static TcbDelegateAccessTokenSource FromStatic(string accessToken)
        {
            var token = new TcbAccessToken(accessToken, null);
            return new TcbDelegateAccessTokenSource((_, _) => new ValueTask<TcbAccessToken>(token));
        }

        /// <inheritdoc />
        public ValueTask<TcbAccessToken> GetTokenAsync(TcbTokenKey key, CancellationToken cancellationToken) => _getToken(key, cancellationToken);

        /// <inheritdoc />
        public ValueTask InvalidateAsync(TcbTokenKey key, TcbAccessToken failedToken, CancellationToken cancellationToken)
            => _onRejected is null ? default : _onRejected(key, failedToken, cancellationToken);
    }
}
