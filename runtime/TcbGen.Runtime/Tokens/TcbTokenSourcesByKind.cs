using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Routes each key to the source registered for its token kind, else to a fallback source, so the third-party flow
    /// and e.g. the cloud-call token serve at once. <c>AddTcbGen(...).UseAccessTokenSourceFor(kind, ...)</c> composes one.
    /// </summary>
    public sealed class TcbTokenSourcesByKind : ITcbAccessTokenSource, ITcbServedTokenKinds
    {
        private readonly Dictionary<TcbTokenKind, ITcbAccessTokenSource> _byKind;
        private readonly ITcbAccessTokenSource? _fallback;

        /// <summary>Creates the router.</summary>
        /// <param name="byKind">The source of each kind; a kind listed twice keeps the last source.</param>
        /// <param name="fallback">The source of every other kind, or <see langword="null"/> to refuse them.</param>
        public TcbTokenSourcesByKind(IEnumerable<KeyValuePair<TcbTokenKind, ITcbAccessTokenSource>> byKind, ITcbAccessTokenSource? fallback)
        {
            if (byKind is null)
            {
                throw new ArgumentNullException(nameof(byKind));
            }

            _byKind = new Dictionary<TcbTokenKind, ITcbAccessTokenSource>();
            foreach (KeyValuePair<TcbTokenKind, ITcbAccessTokenSource> pair in byKind)
            {
                _byKind[pair.Key] = pair.Value ?? throw new ArgumentException("A token source is null for " + pair.Key + ".", nameof(byKind));
            }

            _fallback = fallback;
        }

        /// <inheritdoc />
        public ValueTask<TcbAccessToken> GetTokenAsync(TcbTokenKey key, CancellationToken cancellationToken) => SourceFor(key).GetTokenAsync(key, cancellationToken);

        /// <inheritdoc />
        public ValueTask InvalidateAsync(TcbTokenKey key, TcbAccessToken failedToken, CancellationToken cancellationToken)
            => SourceFor(key).InvalidateAsync(key, failedToken, cancellationToken);

        /// <inheritdoc />
        public bool Serves(TcbTokenKind kind) =>
            _byKind.ContainsKey(kind) || (_fallback != null && (_fallback is not ITcbServedTokenKinds partial || partial.Serves(kind)));

        private ITcbAccessTokenSource SourceFor(TcbTokenKey key)
        {
            if (_byKind.TryGetValue(key.Kind, out ITcbAccessTokenSource? source))
            {
                return source;
            }

            return _fallback ?? throw new NotSupportedException(
                "No token source serves " + key.Kind.Name + "; sources are registered for " + string.Join(", ", _byKind.Keys.Select(kind => kind.Name)) + ".");
        }
    }
}
