using System;
using System.Net.Http;
using Microsoft.Extensions.Options;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport
{
    public sealed class BaseAddressRuleTests
    {
        [Theory]
        [InlineData("https://api.weixin.qq.com")]
        [InlineData("https://example.com/prefix/")]
        [InlineData("http://127.0.0.1:5000")]
        [InlineData("http://127.5.6.7")]
        [InlineData("http://[::1]:8080")]
        [InlineData("http://localhost:1234")]
        [InlineData("http://LOCALHOST")]
        public void Https_or_loopback_base_addresses_are_accepted(string address)
        {
            var options = new TcbGenOptions { BaseAddress = new Uri(address) };

            var transport = new TcbHttpTransport(new HttpClient(), TcbDelegateAccessTokenSource.FromStatic("t"), options);

            Assert.NotNull(transport);
            Assert.True(new TcbGenOptionsValidator().Validate(null, options).Succeeded);
        }

        [Theory]
        [InlineData("http://api.weixin.qq.com")]
        [InlineData("http://10.0.0.1")]
        [InlineData("http://128.0.0.1")]
        [InlineData("http://localhost.evil.com")]
        [InlineData("ftp://127.0.0.1")]
        public void Other_base_addresses_are_refused(string address)
        {
            var options = new TcbGenOptions { BaseAddress = new Uri(address) };

            var exception = Assert.Throws<ArgumentException>(() => new TcbHttpTransport(new HttpClient(), TcbDelegateAccessTokenSource.FromStatic("t"), options));

            Assert.Contains("HTTPS", exception.Message);
            ValidateOptionsResult result = new TcbGenOptionsValidator().Validate(null, options);
            Assert.True(result.Failed);
        }

        [Fact]
        public void Invalid_limits_are_refused()
        {
            var options = new TcbGenOptions { MaxResponseBytes = 0, AttemptTimeout = TimeSpan.Zero };
            options.Retry.MaxAttempts = 0;

            ValidateOptionsResult result = new TcbGenOptionsValidator().Validate(null, options);

            Assert.True(result.Failed);
            Assert.Contains("MaxResponseBytes", result.FailureMessage);
            Assert.Contains("AttemptTimeout", result.FailureMessage);
            Assert.Contains("MaxAttempts", result.FailureMessage);
        }
    }
}
