using System;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The cloud-call token WeChat sent with the request being handled (header <see cref="HeaderName"/>), for the calls made
    /// while handling it. Set it in a middleware; the runtime needs no ASP.NET Core:
    /// <code>
    /// app.Use(async (context, next) =&gt;
    /// {
    ///     using (TcbCloudbaseTokenScope.Begin(context.Request.Headers[TcbCloudbaseTokenScope.HeaderName]))
    ///         await next();
    /// });
    /// </code>
    /// The scope flows with the async context (an <see cref="AsyncLocal{T}"/>), so parallel requests never see each other's token.
    /// </summary>
    public static class TcbCloudbaseTokenScope
    {
        /// <summary>The header WeChat puts the container's cloud-call token in, on each request it routes in.</summary>
        public const string HeaderName = "X-WX-CLOUDBASE-ACCESS-TOKEN";

        /// <summary>The header with the calling account's token on a cross-account (resource-sharing) call.</summary>
        public const string CrossAccountHeaderName = "X-WX-FROM-CLOUDBASE-ACCESS-TOKEN";

        private static readonly AsyncLocal<TcbAccessToken?> Token = new AsyncLocal<TcbAccessToken?>();

        /// <summary>The token of the current scope, or <see langword="null"/> outside one.</summary>
        internal static TcbAccessToken? Current => Token.Value;

        /// <summary>Makes <paramref name="token"/> the cloud-call token until the returned scope is disposed.</summary>
        /// <param name="token">The header's value; <see langword="null"/> or empty (no header) leaves the current token in place.</param>
        /// <returns>Restores the previous token when disposed.</returns>
        public static IDisposable Begin(string? token)
        {
            TcbAccessToken? previous = Token.Value;
            if (!string.IsNullOrEmpty(token))
            {
                Token.Value = new TcbAccessToken(token!, null, TcbTokenKind.CloudbaseAccessToken.UrlParameter);
            }

            return new Restore(previous);
        }

        private sealed class Restore : IDisposable
        {
            private readonly TcbAccessToken? _previous;

            public Restore(TcbAccessToken? previous)
            {
                _previous = previous;
            }

            public void Dispose() => Token.Value = _previous;
        }
    }
}
