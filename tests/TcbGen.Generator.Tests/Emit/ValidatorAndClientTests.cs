using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using Xunit;

namespace TcbGen.Generator.Tests.Emit
{
    /// <summary>The generated validators and clients, exercised through the clients generated into this assembly.</summary>
    public sealed class ValidatorAndClientTests
    {
        [Fact]
        public void TheDocumentedExampleIsValid()
        {
            Assert.True(SetCallBackConfigValidator.IsValid(RoundTripTests.FullCallBackConfig()));
            Assert.Empty(SetCallBackConfigValidator.Validate(RoundTripTests.FullCallBackConfig()));
        }

        [Fact]
        public void EveryProblemIsReportedInOnePassWithItsWirePath()
        {
            SetCallBackConfigRequest request = RoundTripTests.FullCallBackConfig();
            request.FunctionConfig!.Callbacks![1].Env = null!;
            request.FunctionConfig.Callbacks[0].Event = null;
            request.FunctionConfig.Callbacks.Add(null!);
            request.ContainerConfig!.QbaseContainerPath = null;
            request.ContainerConfig.TextMode = (CallbackTextMode)5;

            IReadOnlyList<TcbValidationProblem> problems = SetCallBackConfigValidator.Validate(request);

            Assert.False(SetCallBackConfigValidator.IsValid(request));
            Assert.Equal(
                new[]
                {
                    "function_config.callbacks[0].event MissingConditional",
                    "function_config.callbacks[1].env Missing",
                    "function_config.callbacks[2] Missing",
                    "container_config.qbase_container_path MissingConditional",
                    "container_config.text_mode InvalidEnumValue",
                },
                problems.Select(p => p.Path + " " + p.Kind));
            Assert.Contains("5", problems.Last().Message);
        }

        [Fact]
        public void ConditionalRequirementsFollowTheDiscriminator()
        {
            var get = new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = "e" };
            var set = new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = "e" };
            set.Action = SetCloudAccessTokenAction.Set; // Not a constant at creation, so only the runtime check can see it.

            Assert.Empty(SetCloudAccessTokenValidator.Validate(get));
            Assert.Equal(new[] { "open", "api_whitelist", "version" }, SetCloudAccessTokenValidator.Validate(set).Select(p => p.Path));
        }

        [Fact]
        public void AnUnsetRequiredEnumIsInvalid()
        {
            var request = new SetCloudAccessTokenRequest { Action = default, Env = "e" };

            TcbValidationProblem problem = Assert.Single(SetCloudAccessTokenValidator.Validate(request));
            Assert.Equal("action", problem.Path);
            Assert.Equal(TcbValidationProblemKind.InvalidEnumValue, problem.Kind);
        }

        [Fact]
        public async Task AnInvalidRequestThrowsBeforeAnythingIsSent()
        {
            var transport = new RecordingTransport();
            var client = new TcbAuthorizerClient(transport, "wx-authorizer");
            SetCallBackConfigRequest request = RoundTripTests.FullCallBackConfig();
            request.FunctionConfig!.Callbacks![1].Env = null!;

            TcbValidationException exception = await Assert.ThrowsAsync<TcbValidationException>(() => client.SetCallBackConfigAsync(request));

            Assert.Equal("setCallBackConfig", exception.EndpointName);
            Assert.Equal("function_config.callbacks[1].env", Assert.Single(exception.Problems).Path);
            Assert.Empty(transport.Calls);
        }

        [Fact]
        public async Task ClientsSendThroughTheTransportWithTheirTokenKey()
        {
            var transport = new RecordingTransport();
            using var cancellation = new CancellationTokenSource();

            await new TcbAuthorizerClient(transport, "wx-authorizer").CreateCloudUserAsync(cancellation.Token);
            await new TcbComponentClient(transport).ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = "env-1" });

            Assert.Equal(2, transport.Calls.Count);
            Assert.Equal(("createCloudUser", "/tcb/createclouduser", TcbTokenKey.ForAuthorizer("wx-authorizer"), cancellation.Token), (transport.Calls[0].Endpoint, transport.Calls[0].Path, transport.Calls[0].Token, transport.Calls[0].CancellationToken));
            Assert.Same(TcbEmptyRequest.Instance, transport.Calls[0].Request);
            Assert.Equal(TcbTokenKey.Component, transport.Calls[1].Token);
            Assert.False(CreateCloudUserEndpoint.IsRetrySafe);
        }

        [Fact]
        public void ClientsRefuseMissingArguments()
        {
            Assert.Throws<ArgumentNullException>(() => new TcbComponentClient(null!));
            Assert.Throws<ArgumentException>(() => new TcbAuthorizerClient(new RecordingTransport(), string.Empty));
            Assert.Throws<ArgumentNullException>(() => SetCallBackConfigValidator.Validate(null!));
            Assert.Equal("wx-1", new TcbAuthorizerClient(new RecordingTransport(), "wx-1").AppId);
        }

        [Fact]
        public void ErrorsAreTypedWithTheSpecsSolutionText()
        {
            TcbApiException exception = CreateCloudUserEndpoint.Descriptor.CreateException(-601026, "template message frequency limit rid: 6543-21ab");

            var typed = Assert.IsType<TcbApiException<CreateCloudUserError>>(exception);
            Assert.Equal(CreateCloudUserError.TemplateMessageRateLimited, typed.Code);
            Assert.True(typed.IsDocumented);
            Assert.Equal("6543-21ab", typed.RequestId);
            Assert.Contains("once in 24 hours", typed.Solution);
            Assert.Equal(-601026, (int)TcbErrorCode.TemplateMessageRateLimited);

            var undocumented = Assert.IsType<TcbApiException<CreateCloudUserError>>(CreateCloudUserEndpoint.Descriptor.CreateException(12345, "new"));
            Assert.False(undocumented.IsDocumented);
            Assert.Null(undocumented.Solution);
            Assert.Equal(12345, undocumented.ErrorCode);
        }

        private sealed class RecordingTransport : ITcbTransport
        {
            public List<(string Endpoint, string Path, TcbTokenKey Token, object? Request, CancellationToken CancellationToken)> Calls { get; } = new();

            public Task<TResponse> SendAsync<TRequest, TResponse>(TcbEndpoint<TRequest, TResponse> endpoint, TcbTokenKey token, TRequest request, CancellationToken cancellationToken)
                where TResponse : TcbResponse
            {
                Calls.Add((endpoint.Name, endpoint.Path, token, request, cancellationToken));
                var reader = new System.Text.Json.Utf8JsonReader("{\"errcode\":0,\"errmsg\":\"ok\"}"u8);
                return Task.FromResult(endpoint.ReadResponse(ref reader));
            }
        }
    }
}
