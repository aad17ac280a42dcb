using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The transport's token injection: gets the access token of a call from the <see cref="ITcbAccessTokenSource"/>,
    /// puts it in the URL under its parameter, and renews it when WeChat rejects it. Keeps each endpoint's URL under the
    /// base address for the transport's lifetime (the endpoint descriptors stay immutable and shared).
    /// </summary>
    internal sealed class TcbTokenInjectionPolicy
    {
        private readonly ITcbAccessTokenSource _tokenSource;
        private readonly TcbRequestUri _uris;

        /// <summary>Each endpoint's address under this transport's base, by descriptor (reference equality: descriptors do not override it).</summary>
        private readonly ConcurrentDictionary<object, TcbEndpointAddress> _addresses = new ConcurrentDictionary<object, TcbEndpointAddress>();

        public TcbTokenInjectionPolicy(ITcbAccessTokenSource tokenSource, Uri baseAddress)
        {
            _tokenSource = tokenSource;
            _uris = new TcbRequestUri(baseAddress);
        }

        /// <summary>
        /// The endpoint's address under the base, with the spec's token parameter or else the token kind's. Built once
        /// per endpoint and parameter; an endpoint called with another kind's parameter replaces the entry.
        /// </summary>
        public TcbEndpointAddress AddressOf<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TcbTokenKey token)
            where TResponse : TcbResponse
        {
            string tokenParameter = endpoint.TokenParameter ?? token.Kind.UrlParameter;
            if (_addresses.TryGetValue(endpoint, out TcbEndpointAddress? cached) && string.Equals(cached.TokenParameter, tokenParameter, StringComparison.Ordinal))
            {
                return cached;
            }

            TcbEndpointAddress address = _uris.Create(endpoint.Path, tokenParameter);
            _addresses[endpoint] = address;
            return address;
        }

        /// <summary>The token for one attempt (from the source's cache, usually without waiting).</summary>
        public ValueTask<TcbAccessToken> GetTokenAsync(TcbTokenKey token, CancellationToken cancellationToken)
            => _tokenSource.GetTokenAsync(token, cancellationToken);

        /// <summary>
        /// The address <paramref name="accessToken"/> goes to: <paramref name="address"/>, or the same endpoint under the
        /// token's own parameter when it stands in for another kind (the cloud-call token for component_access_token).
        /// </summary>
        public TcbEndpointAddress AddressFor(TcbEndpointAddress address, TcbAccessToken accessToken)
            => accessToken.UrlParameter != null && !string.Equals(accessToken.UrlParameter, address.TokenParameter, StringComparison.Ordinal)
                ? _uris.WithParameter(address, accessToken.UrlParameter)
                : address;

        /// <summary>The attempt's URL: the address with the token, then the request's query fields if any.</summary>
        public static Uri UriFor(TcbEndpointAddress address, TcbAccessToken accessToken, string? query)
            => query is null ? address.WithToken(accessToken.Value) : address.WithToken(accessToken.Value, query);

        /// <summary>Whether <paramref name="failure"/> is WeChat rejecting the token the attempt was sent with (errcode 40001/40014/42001).</summary>
        public static bool IsRejection(Exception failure, TcbAccessToken? accessToken, out int errorCode)
        {
            errorCode = 0;
            if (failure is TcbApiException api && accessToken is not null && TcbErrorCodes.IsTokenRejected(api.ErrorCode))
            {
                errorCode = api.ErrorCode;
                return true;
            }

            return false;
        }

        /// <summary>Tells the token source its token was rejected, so the next attempt gets a new one.</summary>
        public ValueTask RenewAsync(TcbTokenKey token, TcbAccessToken rejected, CancellationToken cancellationToken)
            => _tokenSource.InvalidateAsync(token, rejected, cancellationToken);
    }
}
