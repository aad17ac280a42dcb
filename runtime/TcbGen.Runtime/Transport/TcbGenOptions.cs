using System;
using System.Threading;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Options of the TcbGen runtime: where requests go, limits, timeouts, retries and tokens.
    /// Bind from configuration or set in code; validated by <see cref="TcbGenOptionsValidator"/>.
    /// </summary>
    public sealed class TcbGenOptions
    {
        /// <summary>The default base address, <c>https://api.weixin.qq.com</c>.</summary>
        public static readonly Uri DefaultBaseAddress = new Uri("https://api.weixin.qq.com");

        /// <summary>
        /// Where endpoint paths are appended. Must be HTTPS unless the host is loopback
        /// (127.0.0.0/8, ::1, <c>localhost</c>), which emulators and tests use.
        /// </summary>
        public Uri BaseAddress { get; set; } = DefaultBaseAddress;

        /// <summary>The largest response body read into memory; a larger one throws <see cref="TcbProtocolException"/>. Default 1 MiB.</summary>
        public int MaxResponseBytes { get; set; } = 1024 * 1024;

        /// <summary>
        /// The limit of one attempt (sending and reading the whole response). Default 30 s;
        /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
        /// </summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The limit of a whole call: getting the token, every attempt and every backoff wait. Default 100 s;
        /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
        /// </summary>
        public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>The runtime's own retries. Switch them off when a resilience handler retries instead.</summary>
        public TcbRetryOptions Retry { get; set; } = new TcbRetryOptions();

        /// <summary>Access token caching.</summary>
        public TcbTokenOptions Tokens { get; set; } = new TcbTokenOptions();

        /// <summary>The third-party platform's credentials, used when tokens come from the third-party flow.</summary>
        public TcbThirdPartyPlatformOptions ThirdParty { get; set; } = new TcbThirdPartyPlatformOptions();

        /// <summary>
        /// Points the API calls and both authorization pages at one address: an emulator that plays WeChat's side on one
        /// host (TcbGen.Testing's <c>WeChatEmulator.BaseAddress</c>, which serves <c>/cgi-bin/componentloginpage</c> and
        /// <c>/wxaopen/safe/bindcomponent</c> beside the API). Sets <see cref="BaseAddress"/>,
        /// <see cref="TcbThirdPartyPlatformOptions.AuthorizationPageBaseAddress"/> and
        /// <see cref="TcbThirdPartyPlatformOptions.MobileAuthorizationPageBaseAddress"/>.
        /// </summary>
        /// <param name="address">The emulator's address, e.g. <c>http://127.0.0.1:54321/</c>.</param>
        /// <returns>These options.</returns>
        public TcbGenOptions UseEmulatorAddress(Uri address)
        {
            if (address is null)
            {
                throw new ArgumentNullException(nameof(address));
            }

            BaseAddress = address;
            ThirdParty ??= new TcbThirdPartyPlatformOptions();
            ThirdParty.AuthorizationPageBaseAddress = address;
            ThirdParty.MobileAuthorizationPageBaseAddress = address;
            return this;
        }
    }
}
