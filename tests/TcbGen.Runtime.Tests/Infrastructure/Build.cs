using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace TcbGen.Runtime.Tests.Infrastructure
{
    /// <summary>Builds transports pointed at a test server.</summary>
    public static class Build
    {
        public const string Token = "token-A";

        public static TcbGenOptions Options(TestServer server, Action<TcbGenOptions>? configure = null)
        {
            var options = new TcbGenOptions { BaseAddress = server.BaseAddress };
            options.Retry.Enabled = false;
            options.ThirdParty.ComponentAppId = "wxcomponent";
            options.ThirdParty.ComponentAppSecret = "secret@component";
            configure?.Invoke(options);
            return options;
        }

        public static TcbHttpTransport Transport(
            TestServer server,
            Action<TcbGenOptions>? configure = null,
            ITcbAccessTokenSource? tokens = null,
            TimeProvider? time = null,
            ILoggerFactory? logs = null,
            HttpClient? httpClient = null)
            => new(
                httpClient ?? new HttpClient(),
                tokens ?? TcbDelegateAccessTokenSource.FromStatic(Token),
                Options(server, configure),
                time,
                logs?.CreateLogger<TcbHttpTransport>());

        /// <summary>Options for retry tests: retries on, no timers other than backoff waits.</summary>
        public static Action<TcbGenOptions> Retrying(int maxAttempts = 3, Action<TcbRetryOptions>? configure = null)
            => options =>
            {
                options.Retry.Enabled = true;
                options.Retry.MaxAttempts = maxAttempts;
                options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
                options.AttemptTimeout = Timeout.InfiniteTimeSpan;
                options.TotalTimeout = Timeout.InfiniteTimeSpan;
                configure?.Invoke(options.Retry);
            };
    }
}
