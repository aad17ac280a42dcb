using System;
using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Http;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Turns on gzip and deflate decoding on the primary handler of the runtime's HttpClients (the transport's and the
    /// token endpoints'), so an answer sent with <c>Content-Encoding: gzip</c> or <c>deflate</c> is read as JSON. A filter
    /// runs after the client's own configuration, so this applies to a primary handler the application chose too,
    /// unless it already decodes something (its choice is kept) or is neither an <see cref="HttpClientHandler"/> nor a
    /// <c>SocketsHttpHandler</c>. The body-size limit counts the decoded bytes.
    /// </summary>
    internal sealed class TcbDecompressionFilter : IHttpMessageHandlerBuilderFilter
    {
        internal const DecompressionMethods Methods = DecompressionMethods.GZip | DecompressionMethods.Deflate;

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
            => builder =>
            {
                next(builder);
                if (builder.Name == Microsoft.Extensions.DependencyInjection.TcbGenServiceCollectionExtensions.TransportHttpClientName
                    || builder.Name == Microsoft.Extensions.DependencyInjection.TcbGenServiceCollectionExtensions.TokenHttpClientName)
                {
                    EnableOn(builder.PrimaryHandler);
                }
            };

        private static void EnableOn(HttpMessageHandler handler)
        {
            try
            {
                switch (handler)
                {
                    case HttpClientHandler client when client.SupportsAutomaticDecompression && client.AutomaticDecompression == DecompressionMethods.None:
                        client.AutomaticDecompression = Methods;
                        break;
#if NET5_0_OR_GREATER
                    case SocketsHttpHandler sockets when sockets.AutomaticDecompression == DecompressionMethods.None:
                        sockets.AutomaticDecompression = Methods;
                        break;
#else
                    // The netstandard2.0 build running on .NET 5+, where IHttpClientFactory's primary handler is a
                    // SocketsHttpHandler this build cannot name: set its public AutomaticDecompression property.
                    case HttpMessageHandler other when other.GetType().FullName == "System.Net.Http.SocketsHttpHandler":
                        System.Reflection.PropertyInfo? property = other.GetType().GetProperty(nameof(HttpClientHandler.AutomaticDecompression));
                        if (property?.GetValue(other) is DecompressionMethods current && current == DecompressionMethods.None)
                        {
                            property.SetValue(other, Methods);
                        }

                        break;
#endif
                }
            }
            catch (InvalidOperationException)
            {
                // A handler instance the application shares and has already sent with cannot be changed: it stays as it is.
            }
        }
    }
}
