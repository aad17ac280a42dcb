using System;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport.Policies
{
    /// <summary>The token injection policy alone: where the token goes in the URL, when it is renewed.</summary>
    public sealed class TokenInjectionPolicyTests
    {
        [Fact]
        public void Each_transport_keeps_its_own_address_of_a_shared_immutable_endpoint()
        {
            TcbEndpoint<EchoRequest, EchoResponse> endpoint = TestEndpoints.Echo();
            var first = new TcbTokenInjectionPolicy(TcbDelegateAccessTokenSource.FromStatic("t"), new Uri("https://one.example/"));
            var second = new TcbTokenInjectionPolicy(TcbDelegateAccessTokenSource.FromStatic("t"), new Uri("https://two.example/base/"));

            TcbEndpointAddress one = first.AddressOf(endpoint, TcbTokenKey.Component);
            TcbEndpointAddress two = second.AddressOf(endpoint, TcbTokenKey.Component);

            Assert.Equal("https://one.example/tcb/echo?access_token=", one.Prefix);
            Assert.Equal("https://two.example/base/tcb/echo?access_token=", two.Prefix);
            Assert.Same(one, first.AddressOf(endpoint, TcbTokenKey.Component));
            Assert.Same(two, second.AddressOf(endpoint, TcbTokenKey.Component));
            Assert.Equal("https://one.example/tcb/echo?access_token=***", one.Redacted);
        }

        [Fact]
        public void A_token_that_stands_in_for_another_kind_goes_under_its_own_parameter()
        {
            var policy = new TcbTokenInjectionPolicy(TcbDelegateAccessTokenSource.FromStatic("t"), new Uri("https://api.example/"));
            TcbEndpointAddress address = policy.AddressOf(TestEndpoints.Echo(), TcbTokenKey.Component);

            TcbEndpointAddress own = policy.AddressFor(address, new TcbAccessToken("a b", null));
            TcbEndpointAddress other = policy.AddressFor(address, new TcbAccessToken("c", null, "cloudbase_access_token"));

            Assert.Same(address, own);
            Assert.Equal("https://api.example/tcb/echo?access_token=a%20b", TcbTokenInjectionPolicy.UriFor(own, new TcbAccessToken("a b", null), null).OriginalString);
            Assert.Equal("https://api.example/tcb/echo?cloudbase_access_token=c&x=1", TcbTokenInjectionPolicy.UriFor(other, new TcbAccessToken("c", null), "&x=1").OriginalString);
        }

        [Theory]
        [InlineData(40001, true)]
        [InlineData(40014, true)]
        [InlineData(42001, true)]
        [InlineData(-1, false)]
        public void Only_a_token_rejection_of_a_sent_token_asks_for_renewal(int errorCode, bool rejected)
        {
            TcbApiException failure = TestEndpoints.Echo().CreateException(errorCode, "x");

            Assert.Equal(rejected, TcbTokenInjectionPolicy.IsRejection(failure, new TcbAccessToken("t", null), out int code));
            Assert.Equal(rejected ? errorCode : 0, code);
            Assert.False(TcbTokenInjectionPolicy.IsRejection(failure, null, out _));
        }

        [Fact]
        public async Task Renewal_invalidates_the_rejected_token_at_the_source()
        {
            TcbAccessToken? invalidated = null;
            var source = new TcbDelegateAccessTokenSource(
                (_, _) => new ValueTask<TcbAccessToken>(new TcbAccessToken("fresh", null)),
                (_, failed, _) =>
                {
                    invalidated = failed;
                    return default;
                });
            var policy = new TcbTokenInjectionPolicy(source, new Uri("https://api.example/"));
            var rejected = new TcbAccessToken("old", null);

            await policy.RenewAsync(TcbTokenKey.Component, rejected, CancellationToken.None);

            Assert.Same(rejected, invalidated);
            Assert.Equal("fresh", (await policy.GetTokenAsync(TcbTokenKey.Component, CancellationToken.None)).Value);
        }
    }
}
