using System;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Puts <see cref="TcbHttpAttemptHandler"/> innermost in the transport's HttpClient, after every handler the
    /// application added in any order (a filter runs after the client's own configuration), so it sees each attempt.
    /// </summary>
    internal sealed class TcbHttpAttemptHandlerFilter : IHttpMessageHandlerBuilderFilter
    {
        private readonly IOptions<TcbGenOptions> _options;
        private readonly ILoggerFactory? _loggers;

        public TcbHttpAttemptHandlerFilter(IOptions<TcbGenOptions> options, ILoggerFactory? loggers = null)
        {
            _options = options;
            _loggers = loggers;
        }

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
            => builder =>
            {
                next(builder);
                if (builder.Name == Microsoft.Extensions.DependencyInjection.TcbGenServiceCollectionExtensions.TransportHttpClientName)
                {
                    builder.AdditionalHandlers.Add(new TcbHttpAttemptHandler(_options.Value.Retry, _loggers?.CreateLogger<TcbHttpTransport>()));
                }
            };
    }
}
