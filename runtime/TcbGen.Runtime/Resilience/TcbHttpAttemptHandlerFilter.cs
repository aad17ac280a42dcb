using System;
using System.Threading;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Puts <see cref="TcbHttpAttemptHandler"/> innermost in the transport's HttpClient, after every handler the
    /// application added in any order (a filter runs after the client's own configuration), so it sees each attempt.
    /// Only when there is such a handler: without one nothing can send an attempt again or needs WeChat's outcomes shown
    /// as HTTP statuses, and the transport counts its own attempts, so no call pays for the handler, its state object
    /// and the request's options dictionary.
    /// </summary>
    internal sealed class TcbHttpAttemptHandlerFilter : IHttpMessageHandlerBuilderFilter
    {
        private readonly IOptions<TcbGenOptions> _options;
        private readonly ILoggerFactory? _loggers;
        private int _addsHandler;

        public TcbHttpAttemptHandlerFilter(IOptions<TcbGenOptions> options, ILoggerFactory? loggers = null)
        {
            _options = options;
            _loggers = loggers;
        }

        /// <summary>
        /// Whether the transport's handler chain, as last built, has <see cref="TcbHttpAttemptHandler"/> innermost (the
        /// application added handlers to it). Every rebuild of the chain runs the same configuration, so the answer holds
        /// for transports created on any of them.
        /// </summary>
        public bool AddsHandler => Volatile.Read(ref _addsHandler) != 0;

        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
            => builder =>
            {
                next(builder);
                if (builder.Name == Microsoft.Extensions.DependencyInjection.TcbGenServiceCollectionExtensions.TransportHttpClientName)
                {
                    // Read either way: the options are validated here, at the first use of the transport's client.
                    TcbRetryOptions retry = _options.Value.Retry;
                    bool outerHandlers = builder.AdditionalHandlers.Count > 0;
                    if (outerHandlers)
                    {
                        builder.AdditionalHandlers.Add(new TcbHttpAttemptHandler(retry, _loggers?.CreateLogger<TcbHttpTransport>()));
                    }

                    Volatile.Write(ref _addsHandler, outerHandlers ? 1 : 0);
                }
            };
    }
}
