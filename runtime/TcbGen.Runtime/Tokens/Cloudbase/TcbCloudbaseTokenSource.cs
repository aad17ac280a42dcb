using System;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The cloud-call token as a container gets it: the request scope's token (<see cref="TcbCloudbaseTokenScope"/>, from the
    /// request header) when there is one, else the pushed file (<see cref="TcbCloudbaseTokenFile"/>) when a path is set.
    /// Thread-safe.
    /// </summary>
    public sealed class TcbCloudbaseTokenSource : ITcbAccessTokenSource
    {
        private readonly TcbCloudbaseTokenFile? _file;

        /// <summary>Creates the source.</summary>
        /// <param name="options">The file path (or none) and the file token's lifetime.</param>
        /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
        public TcbCloudbaseTokenSource(TcbCloudbaseTokenOptions options, TimeProvider? timeProvider = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            _file = string.IsNullOrEmpty(options.FilePath) ? null : new TcbCloudbaseTokenFile(options, timeProvider);
        }

        /// <inheritdoc />
        public ValueTask<TcbAccessToken> GetTokenAsync(TcbTokenKey key, CancellationToken cancellationToken)
        {
            TcbAccessToken? scoped = TcbCloudbaseTokenScope.Current;
            if (scoped != null)
            {
                return new ValueTask<TcbAccessToken>(scoped);
            }

            return _file?.GetTokenAsync(key, cancellationToken)
                ?? throw new TcbTokenUnavailableException(key, "no request scope holds a cloud-call token (set TcbCloudbaseTokenScope from the " + TcbCloudbaseTokenScope.HeaderName + " header) and no token file is configured.");
        }

        /// <inheritdoc />
        public ValueTask InvalidateAsync(TcbTokenKey key, TcbAccessToken failedToken, CancellationToken cancellationToken)
            => _file?.InvalidateAsync(key, failedToken, cancellationToken) ?? default;
    }
}
