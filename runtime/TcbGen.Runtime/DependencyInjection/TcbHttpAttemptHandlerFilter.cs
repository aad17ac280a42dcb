using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Puts <see cref="TcbHttpAttemptHandler"/> innermost in the transport's HttpClient, after every handler the
    /// application added in any order (a filter runs after the client's own configuration), so it sees each attempt.
    /// </summary>
    internal sealed class TcbHttpAttemptHandlerFilter : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
            => builder =>
            {
                next(builder);
                if (builder.Name == TcbGenServiceCollectionExtensions.TransportHttpClientName)
                {
                    builder.AdditionalHandlers.Add(new TcbHttpAttemptHandler());
                }
            };
    }
}
