using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TcbGen.Runtime.ComponentApi;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The WeChat third-party platform token flow: <c>component_access_token</c> from
    /// <c>/cgi-bin/component/api_component_token</c> (with the verify ticket from an <see cref="IComponentVerifyTicketStore"/>)
    /// and <c>authorizer_access_token</c> from <c>/cgi-bin/component/api_authorizer_token</c> (with the refresh token from an
    /// <see cref="IAuthorizerRefreshTokenStore"/>, whose rotated value is saved back). Tokens are cached in an
    /// <see cref="ITcbAccessTokenCache"/> until <see cref="TcbTokenOptions.RefreshMargin"/> before expiry; a cache hit takes
    /// no lock, and at most one renewal per key runs however many callers wait for it. Thread-safe; use one instance.
    /// </summary>
    public sealed partial class TcbThirdPartyTokenSource : ITcbAccessTokenSource, ITcbServedTokenKinds
    {
        private readonly Func<HttpClient> _httpClient;
        private readonly TcbGenOptions _options;
        private readonly string _componentAppId;
        private readonly string _componentAppSecret;
        private readonly IComponentVerifyTicketStore _ticketStore;
        private readonly IAuthorizerRefreshTokenStore _refreshTokenStore;
        private readonly ITcbAccessTokenCache _cache;
        private readonly ITcbFreshnessTrackingCache? _freshnessTracking;
        private readonly ITcbTokenRenewalCoordinator? _coordinator;
        private readonly TimeProvider _timeProvider;
        private readonly ILogger _logger;
        private readonly TcbRequestUri _uris;
        private readonly SingleFlight<TcbTokenKey, TcbAccessToken> _renewals = new SingleFlight<TcbTokenKey, TcbAccessToken>();

        /// <summary>Creates the source.</summary>
        /// <param name="httpClient">The client for the token endpoints.</param>
        /// <param name="options">Options: <see cref="TcbGenOptions.ThirdParty"/> credentials, base address, margin, timeouts.</param>
        /// <param name="ticketStore">Where the component verify ticket is kept.</param>
        /// <param name="refreshTokenStore">Where authorizer refresh tokens are kept.</param>
        /// <param name="cache">Where tokens are cached; <see langword="null"/> for a new <see cref="TcbInMemoryAccessTokenCache"/>.</param>
        /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
        /// <param name="logger">The logger; <see langword="null"/> for none.</param>
        /// <param name="coordinator">Coordinates renewals across instances sharing <paramref name="cache"/>; <see langword="null"/> for this process only.</param>
        /// <exception cref="ArgumentException">The options are invalid or lack the component appid/appsecret.</exception>
        public TcbThirdPartyTokenSource(
            HttpClient httpClient,
            TcbGenOptions options,
            IComponentVerifyTicketStore ticketStore,
            IAuthorizerRefreshTokenStore refreshTokenStore,
            ITcbAccessTokenCache? cache = null,
            TimeProvider? timeProvider = null,
            ILogger<TcbThirdPartyTokenSource>? logger = null,
            ITcbTokenRenewalCoordinator? coordinator = null)
            : this(ReturnClient(httpClient ?? throw new ArgumentNullException(nameof(httpClient))), options, ticketStore, refreshTokenStore, cache, timeProvider, logger, coordinator)
        {
        }

        internal TcbThirdPartyTokenSource(
            Func<HttpClient> httpClient,
            TcbGenOptions options,
            IComponentVerifyTicketStore ticketStore,
            IAuthorizerRefreshTokenStore refreshTokenStore,
            ITcbAccessTokenCache? cache,
            TimeProvider? timeProvider,
            ILogger? logger,
            ITcbTokenRenewalCoordinator? coordinator = null)
        {
            _httpClient = httpClient;
            _options = options ?? throw new ArgumentNullException(nameof(options));
            TcbGenOptionsValidator.ThrowIfInvalid(options, nameof(options));
            _componentAppId = RequireSetting(options.ThirdParty.ComponentAppId, nameof(TcbThirdPartyPlatformOptions.ComponentAppId));
            _componentAppSecret = RequireSetting(options.ThirdParty.ComponentAppSecret, nameof(TcbThirdPartyPlatformOptions.ComponentAppSecret));
            _ticketStore = ticketStore ?? throw new ArgumentNullException(nameof(ticketStore));
            _refreshTokenStore = refreshTokenStore ?? throw new ArgumentNullException(nameof(refreshTokenStore));
            _cache = cache ?? new TcbInMemoryAccessTokenCache();
            _freshnessTracking = _cache as ITcbFreshnessTrackingCache;
            _coordinator = coordinator;
            _timeProvider = timeProvider ?? TimeProvider.System;
            _logger = logger ?? NullLogger.Instance;
            _uris = new TcbRequestUri(options.BaseAddress);
        }

        /// <inheritdoc />
        public ValueTask<TcbAccessToken> GetTokenAsync(TcbTokenKey key, CancellationToken cancellationToken)
        {
            // The hit path completes synchronously without an async state machine.
            if (_freshnessTracking != null && _freshnessTracking.TryGetFresh(key, _options.Tokens.RefreshMargin, out TcbAccessToken? tracked))
            {
                return new ValueTask<TcbAccessToken>(tracked!);
            }

            ValueTask<TcbAccessToken?> lookup = _cache.GetAsync(key, cancellationToken);
            if (!lookup.IsCompletedSuccessfully)
            {
                return GetTokenAfterLookupAsync(lookup, key, cancellationToken);
            }

            TcbAccessToken? cached = lookup.Result;
            return IsFresh(cached) ? new ValueTask<TcbAccessToken>(cached!) : RenewSharedAsync(key, cancellationToken);
        }

        /// <inheritdoc />
        public bool Serves(TcbTokenKind kind) => kind == TcbTokenKind.ComponentAccessToken || kind == TcbTokenKind.AuthorizerAccessToken;

        private async ValueTask<TcbAccessToken> GetTokenAfterLookupAsync(ValueTask<TcbAccessToken?> lookup, TcbTokenKey key, CancellationToken cancellationToken)
        {
            TcbAccessToken? cached = await lookup.ConfigureAwait(false);
            return IsFresh(cached) ? cached! : await RenewSharedAsync(key, cancellationToken).ConfigureAwait(false);
        }

        // The renewal is shared, so one waiter's cancellation must not cancel it for the others.
        private ValueTask<TcbAccessToken> RenewSharedAsync(TcbTokenKey key, CancellationToken cancellationToken) =>
            new ValueTask<TcbAccessToken>(TimeProviderCompat.WaitAsync(_renewals.RunAsync(key, RenewAsync), cancellationToken));

        private bool IsFresh(TcbAccessToken? token) => token != null && token.IsFresh(_timeProvider.GetUtcNow(), _options.Tokens.RefreshMargin);

        /// <inheritdoc />
        public async ValueTask InvalidateAsync(TcbTokenKey key, TcbAccessToken failedToken, CancellationToken cancellationToken)
        {
            await _cache.RemoveIfMatchesAsync(key, failedToken, cancellationToken).ConfigureAwait(false);
        }

        private async Task<TcbAccessToken> RenewAsync(TcbTokenKey key)
        {
            // Another renewal may have stored a fresh token between this caller's cache miss and now.
            TcbAccessToken? cached = await ReadFreshAsync(key, CancellationToken.None).ConfigureAwait(false);
            if (cached != null)
            {
                return cached;
            }

            return _coordinator is null
                ? await FetchAndStoreAsync(key).ConfigureAwait(false)
                : await _coordinator.RenewAsync(key, cancellationToken => ReadFreshAsync(key, cancellationToken), _ => FetchAndStoreAsync(key), CancellationToken.None).ConfigureAwait(false);
        }

        private async ValueTask<TcbAccessToken?> ReadFreshAsync(TcbTokenKey key, CancellationToken cancellationToken)
        {
            TcbAccessToken? cached = await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false);
            return IsFresh(cached) ? cached : null;
        }

        private async Task<TcbAccessToken> FetchAndStoreAsync(TcbTokenKey key)
        {
            using Activity? span = TcbInstrumentation.StartTokenRefresh(key);
            try
            {
                TcbAccessToken token;
                if (key.Kind == TcbTokenKind.ComponentAccessToken)
                {
                    token = await RenewComponentTokenAsync().ConfigureAwait(false);
                }
                else if (key.Kind == TcbTokenKind.AuthorizerAccessToken && !string.IsNullOrEmpty(key.AppId))
                {
                    token = await RenewAuthorizerTokenAsync(key, key.AppId!).ConfigureAwait(false);
                }
                else
                {
                    throw new NotSupportedException("The third-party flow supplies component_access_token and authorizer_access_token (with an appid), not " + key + ".");
                }

                await _cache.SetAsync(key, token, CancellationToken.None).ConfigureAwait(false);
                CountRenewal(key, "success");
                return token;
            }
            catch (Exception exception)
            {
                CountRenewal(key, "failure");
                TcbInstrumentation.RecordFailure(span, exception);
                TcbLog.TokenRenewalFailed(_logger, exception, key.Kind.Name, key.AppId);
                throw;
            }
        }

        private async Task<TcbAccessToken> RenewComponentTokenAsync()
        {
            string ticket = await _ticketStore.GetVerifyTicketAsync(_componentAppId, CancellationToken.None).ConfigureAwait(false)
                ?? throw new InvalidOperationException("No component_verify_ticket is stored for component appid " + _componentAppId + "; WeChat pushes one every 10 minutes to the authorization event URL.");
            ComponentTokenResponse response;
            try
            {
                response = await PostAsync(ComponentTokenEndpoint.Descriptor, ComponentApiRequests.ComponentToken(_componentAppId, _componentAppSecret, ticket), null).ConfigureAwait(false);
            }
            catch (TcbApiException rejected) when (IsTicketRejected(rejected.ErrorCode) && _ticketStore is IComponentVerifyTicketWriter history)
            {
                // A new ticket that WeChat does not accept yet (or a bad push): the previous one is kept until a new one works.
                string? previous = await history.GetPreviousVerifyTicketAsync(_componentAppId, CancellationToken.None).ConfigureAwait(false);
                if (previous is null || string.Equals(previous, ticket, StringComparison.Ordinal))
                {
                    throw;
                }

                ticket = previous;
                response = await PostAsync(ComponentTokenEndpoint.Descriptor, ComponentApiRequests.ComponentToken(_componentAppId, _componentAppSecret, ticket), null).ConfigureAwait(false);
            }

            if (_ticketStore is IComponentVerifyTicketWriter confirmed)
            {
                await confirmed.ConfirmVerifyTicketAsync(_componentAppId, ticket, CancellationToken.None).ConfigureAwait(false);
            }

            TcbAccessToken token = ToToken(ComponentTokenEndpoint.Name, response.ComponentAccessToken, response.ExpiresIn);
            TcbLog.TokenRenewed(_logger, TcbTokenKind.ComponentAccessToken.Name, null, response.ExpiresIn.GetValueOrDefault());
            return token;
        }

        private static bool IsTicketRejected(int errorCode) => errorCode == TcbErrorCodes.VerifyTicketExpired || errorCode == TcbErrorCodes.InvalidVerifyTicket;

        /// <summary>
        /// Sends a token-flow request and reads its answer within <see cref="TcbGenOptions.AttemptTimeout"/>; the token, if
        /// any, goes under the endpoint's own parameter (<see cref="TcbEndpoint{TRequest, TResponse}.TokenParameter"/>).
        /// </summary>
        private Task<TResponse> PostAsync<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TRequest request, string? tokenValue)
            where TResponse : TcbResponse
            => ExchangeAsync(endpoint, request, tokenValue, _options.AttemptTimeout);

        /// <summary>
        /// Sends a token request and reads its answer within <paramref name="limit"/>. The task owns the request body, so it
        /// may run on after its caller stopped waiting (see <see cref="PostRotatingAsync"/>).
        /// </summary>
        private async Task<TResponse> ExchangeAsync<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TRequest request, string? tokenValue, TimeSpan limit)
            where TResponse : TcbResponse
        {
            string? tokenParameter = endpoint.TokenParameter;
            using var body = new PooledBufferWriter();
            using (var writer = new Utf8JsonWriter(body))
            {
                endpoint.WriteRequest(writer, request);
            }

            TcbLog.RequestingToken(_logger, endpoint.Name, (request as AuthorizerTokenRequest)?.AuthorizerAppId, _uris.Redacted(endpoint.Path, tokenParameter));
            using var timeout = new TimeoutScope(_timeProvider, limit, CancellationToken.None);
            TcbExchangeResult<TResponse> result;
            try
            {
                result = await TcbHttpExchange.SendAsync(
                    _httpClient(), _uris.Build(endpoint.Path, tokenParameter, tokenValue), body.WrittenSegment, endpoint, _options.MaxResponseBytes, _timeProvider, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException canceled)
            {
                throw new TcbTimeoutException(endpoint.Name, TcbTimeoutKind.Attempt, timeout.IsTimedOut ? limit : Timeout.InfiniteTimeSpan, canceled);
            }

            if (result.Error != null)
            {
                throw result.Error;
            }

            return result.Response!;
        }

        /// <summary>The token of a successful answer; one without a token or a positive lifetime is a protocol error.</summary>
        private TcbAccessToken ToToken(string endpointName, string? accessToken, int? expiresIn)
            => new TcbAccessToken(accessToken!, ExpiresAt(endpointName, accessToken, expiresIn, "the access token"));

        /// <summary>
        /// When a credential of a successful answer (<paramref name="value"/>, named <paramref name="lacking"/> in the
        /// error) expires; an answer without it or without a positive <c>expires_in</c> is a protocol error.
        /// </summary>
        private DateTimeOffset ExpiresAt(string endpointName, string? value, int? expiresIn, string lacking)
            => string.IsNullOrEmpty(value) || !(expiresIn > 0)
                ? throw new TcbProtocolException(endpointName, 200, 0, null, "the answer lacks " + lacking + " or a positive expires_in")
                : _timeProvider.GetUtcNow().AddSeconds(expiresIn.GetValueOrDefault());

        private static void CountRenewal(TcbTokenKey key, string outcome)
            => TcbInstrumentation.TokenRefreshes.Add(
                1,
                new KeyValuePair<string, object?>(TcbGenTelemetry.TokenKindTag, key.Kind.Name),
                new KeyValuePair<string, object?>(TcbGenTelemetry.OutcomeTag, outcome));

        private static string RequireSetting(string? value, string name)
            => string.IsNullOrEmpty(value) ? throw new ArgumentException("TcbGenOptions.ThirdParty." + name + " is required by the third-party token flow.", "options") : value!;

        private static Func<HttpClient> ReturnClient(HttpClient client) => () => client;
    }
}
