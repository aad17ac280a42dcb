using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Http;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Has answers sent with <c>Content-Encoding: gzip</c> or <c>deflate</c> read as JSON by the runtime's HttpClients:
    /// the token endpoints' client gets gzip and deflate decoding on its primary handler; the transport's client is left
    /// as it is and the transport decodes itself (<see cref="TcbContentDecodingPolicy"/>: the same request header and the
    /// same decoding, without the handler's work on every request), told so by <see cref="TransportDecodes"/>. A filter
    /// runs after the client's own configuration, so this applies to a primary handler the application chose too,
    /// unless it already decodes something (its choice is kept) or is neither an <see cref="HttpClientHandler"/> nor a
    /// <c>SocketsHttpHandler</c>. The body-size limit counts the decoded bytes.
    /// </summary>
    internal sealed class TcbDecompressionFilter : IHttpMessageHandlerBuilderFilter
    {
        internal const DecompressionMethods Methods = DecompressionMethods.GZip | DecompressionMethods.Deflate;

        private int _transportDecodes;

        /// <summary>
        /// Whether the transport's primary handler, as last built, decodes nothing and is one this filter would have
        /// turned decoding on for: the transport then decodes itself. Every rebuild of the chain runs the same
        /// configuration, so the answer holds for transports created on any of them.
        /// </summary>
        public bool TransportDecodes => Volatile.Read(ref _transportDecodes) != 0;

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
            => builder =>
            {
                next(builder);
                if (builder.Name == Microsoft.Extensions.DependencyInjection.TcbGenServiceCollectionExtensions.TransportHttpClientName)
                {
                    Volatile.Write(ref _transportDecodes, DecodesNothing(builder.PrimaryHandler, out _) ? 1 : 0);
                }
                else if (builder.Name == Microsoft.Extensions.DependencyInjection.TcbGenServiceCollectionExtensions.TokenHttpClientName)
                {
                    EnableOn(builder.PrimaryHandler);
                }
            };

        /// <summary>Whether <paramref name="handler"/> is an HttpClientHandler or SocketsHttpHandler that decodes nothing (so decoding is ours to turn on).</summary>
        private static bool DecodesNothing(HttpMessageHandler handler, out System.Reflection.PropertyInfo? reflected)
        {
            reflected = null;
            switch (handler)
            {
                case HttpClientHandler client:
                    return client.SupportsAutomaticDecompression && client.AutomaticDecompression == DecompressionMethods.None;
#if NET5_0_OR_GREATER
                case SocketsHttpHandler sockets:
                    return sockets.AutomaticDecompression == DecompressionMethods.None;
#else
                // The netstandard2.0 build running on .NET 5+, where IHttpClientFactory's primary handler is a
                // SocketsHttpHandler this build cannot name: its public AutomaticDecompression property.
                case HttpMessageHandler other when other.GetType().FullName == "System.Net.Http.SocketsHttpHandler":
                    reflected = other.GetType().GetProperty(nameof(HttpClientHandler.AutomaticDecompression));
                    return reflected?.GetValue(other) is DecompressionMethods current && current == DecompressionMethods.None;
#endif
                default:
                    return false;
            }
        }

        private static void EnableOn(HttpMessageHandler handler)
        {
            try
            {
                if (!DecodesNothing(handler, out System.Reflection.PropertyInfo? reflected))
                {
                    return;
                }

                switch (handler)
                {
                    case HttpClientHandler client:
                        client.AutomaticDecompression = Methods;
                        break;
#if NET5_0_OR_GREATER
                    case SocketsHttpHandler sockets:
                        sockets.AutomaticDecompression = Methods;
                        break;
#endif
                    default:
                        reflected?.SetValue(handler, Methods);
                        break;
                }
            }
            catch (InvalidOperationException)
            {
                // A handler instance the application shares and has already sent with cannot be changed: it stays as it is.
            }
        }
    }
}
