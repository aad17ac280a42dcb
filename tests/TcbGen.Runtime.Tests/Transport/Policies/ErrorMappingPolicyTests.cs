using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using TcbGen.Runtime.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Runtime.Tests.Transport.Policies
{
    /// <summary>The error-mapping policy alone: bodies, refusals and thrown failures to typed errors, by type and errcode only.</summary>
    public sealed class ErrorMappingPolicyTests
    {
        [Fact]
        public void An_errcode_wins_over_the_status_and_its_errmsg_loses_the_token()
        {
            Exception? error = Interpret(503, "{\"errcode\":-601049,\"errmsg\":\"env of secret-token not found\"}", out EchoResponse? response);

            var api = Assert.IsType<TcbApiException<EchoErrorCode>>(error);
            Assert.Null(response);
            Assert.Equal(-601049, api.ErrorCode);
            Assert.DoesNotContain("secret-token", api.ErrorMessage, StringComparison.Ordinal);
        }

        [Fact]
        public void A_non_2xx_answer_without_an_errcode_is_a_status_error()
        {
            Assert.Equal(502, Assert.IsType<TcbHttpStatusException>(Interpret(502, "<html>bad gateway</html>", out _)).StatusCode);
        }

        [Fact]
        public void A_2xx_answer_reads_as_the_response_or_says_what_is_wrong_with_it()
        {
            Assert.Null(Interpret(200, "{\"errcode\":0,\"result\":\"done\"}", out EchoResponse? response));
            Assert.Equal("done", response!.Result);
            Assert.Contains("the body is not the expected JSON", Assert.IsType<TcbProtocolException>(Interpret(200, "not json", out _)).Message, StringComparison.Ordinal);
            Assert.Equal(-1, Assert.IsType<TcbApiException<EchoErrorCode>>(Interpret(200, "{\"errcode\":-1,\"errmsg\":\"busy\"}", out _)).ErrorCode);
        }

        [Fact]
        public void A_refused_resend_stands_for_what_the_last_send_produced()
        {
            TcbEndpoint<EchoRequest, EchoResponse> endpoint = TestEndpoints.Echo();
            var busy = new TcbHttpAttemptState("echo", isRetrySafe: true) { LastStatus = 200, LastErrorCode = -1, LastErrorMessage = "busy secret-token" };
            var status = new TcbHttpAttemptState("echo", isRetrySafe: true) { LastStatus = 503 };
            var failed = new TcbHttpAttemptState("echo", isRetrySafe: true) { LastFailure = new HttpRequestException("reset") };

            var api = Assert.IsType<TcbApiException<EchoErrorCode>>(TcbErrorMappingPolicy.Refused(endpoint, busy, "refused", "secret-token", out int? busyStatus));
            Assert.Equal(200, busyStatus);
            Assert.DoesNotContain("secret-token", api.ErrorMessage, StringComparison.Ordinal);
            Assert.Equal(503, Assert.IsType<TcbHttpStatusException>(TcbErrorMappingPolicy.Refused(endpoint, status, "refused", "t", out int? statusCode)).StatusCode);
            Assert.Equal(503, statusCode);
            Assert.Same(failed.LastFailure, TcbErrorMappingPolicy.Refused(endpoint, failed, "refused", "t", out int? noStatus));
            Assert.Null(noStatus);
            Assert.Equal("refused", Assert.IsType<InvalidOperationException>(TcbErrorMappingPolicy.Refused(endpoint, new TcbHttpAttemptState("echo", true), "refused", "t", out _)).Message);
        }

        [Fact]
        public void Refusals_and_transport_failures_are_told_apart_by_type()
        {
            var state = new TcbHttpAttemptState("echo", isRetrySafe: false);
            var token = new TcbAccessToken("t", null);

            Assert.Same(state, TcbErrorMappingPolicy.RefusalOf(new TcbResendRefusedException(state, "not retry-safe")));
            Assert.Same(state, TcbErrorMappingPolicy.RefusalOf(new TcbConcurrentSendRefusedException(state, "in flight")));
            Assert.Null(TcbErrorMappingPolicy.RefusalOf(new HttpRequestException("reset")));
            Assert.True(TcbErrorMappingPolicy.IsTransportFailure(new HttpRequestException("reset"), token));
            Assert.True(TcbErrorMappingPolicy.IsTransportFailure(new IOException("reset"), token));
            Assert.False(TcbErrorMappingPolicy.IsTransportFailure(new InvalidOperationException("a handler's bug"), token));
            Assert.True(TcbErrorMappingPolicy.IsTransportFailure(new InvalidOperationException("the token source failed"), null));
            Assert.False(TcbErrorMappingPolicy.IsTransportFailure(new OperationCanceledException(), null));
        }

        private static Exception? Interpret(int status, string body, out EchoResponse? response)
            => TcbErrorMappingPolicy.Interpret(TestEndpoints.Echo(), status, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), "secret-token", out response);
    }
}
