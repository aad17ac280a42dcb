using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;
using TcbGen.Benchmarks.Tcb;
using TcbGen.Runtime;

namespace TcbGen.Benchmarks.PerCall
{
    /// <summary>
    /// The three clients of the per-call benchmarks, each over its own HttpClient on a <see cref="CannedResponseHandler"/>,
    /// and the same setCallBackConfig request (the spec's example) for each, built once.
    /// </summary>
    internal sealed class PerCallClients : IDisposable
    {
        public const string AccessToken = "ACCESS_TOKEN_0123456789abcdefghijklmnopqrstuvwxyz";
        public const string AuthorizerAppId = "wx0123456789abcdef";

        private readonly List<HttpClient> _httpClients = new List<HttpClient>();

        public PerCallClients(bool capture = false)
        {
            TcbHandler = new CannedResponseHandler { Capture = capture };
            RefitHandler = new CannedResponseHandler { Capture = capture };
            HandWrittenHandler = new CannedResponseHandler { Capture = capture };

            // (a) TcbGen: the generated client on TcbHttpTransport, a static token source, the runtime's retries off.
            var options = new TcbGenOptions();
            options.Retry.Enabled = false;
            Tcb = new TcbAuthorizerClient(new TcbHttpTransport(Track(new HttpClient(TcbHandler)), TcbDelegateAccessTokenSource.FromStatic(AccessToken), options), AuthorizerAppId);

            // (b) Refit on System.Text.Json (reflection metadata, as RefitSettings users configure it).
            ISetCallBackConfigApi api = RestService.For<ISetCallBackConfigApi>(Track(new HttpClient(RefitHandler) { BaseAddress = TcbGenOptions.DefaultBaseAddress }), RefitJsonSettings());
            Refit = new RefitSetCallBackConfigClient(api, static () => AccessToken);

            // (c) Hand-written HttpClient + source-generated JsonSerializerContext.
            HandWritten = new HandWrittenSetCallBackConfigClient(Track(new HttpClient(HandWrittenHandler)), static () => AccessToken);

            TcbRequest = ExampleTcbRequest();
            DtoRequest = ExampleDtoRequest();
        }

        public CannedResponseHandler TcbHandler { get; }

        public CannedResponseHandler RefitHandler { get; }

        public CannedResponseHandler HandWrittenHandler { get; }

        public TcbAuthorizerClient Tcb { get; }

        public RefitSetCallBackConfigClient Refit { get; }

        public HandWrittenSetCallBackConfigClient HandWritten { get; }

        public SetCallBackConfigRequest TcbRequest { get; }

        public SetCallBackConfigRequestDto DtoRequest { get; }

        /// <summary>The spec's example request, as the generated types.</summary>
        public static SetCallBackConfigRequest ExampleTcbRequest() => new SetCallBackConfigRequest
        {
            FunctionConfig = new CallbackFunctionConfig
            {
                Enable = false,
                Callbacks = new List<CallbackRule>
                {
                    new CallbackRule { MsgType = "event", Event = "user_enter_tempsession", Env = "test-env-6gni9ity244a6ea3", FunctionName = "callback", Enable = false },
                    new CallbackRule { MsgType = "image", Event = "", Env = "test-env-6gni9ity244a6ea3", FunctionName = "callback", Enable = true },
                },
            },
            ContainerConfig = new CallbackContainerConfig
            {
                Enable = true,
                QbaseEnv = "test-env-6gni9ity244a6ea3",
                QbaseContainerPath = "/container-echo",
                TextMode = CallbackTextMode.Json,
            },
        };

        /// <summary>The same request, as the hand-written DTOs of Refit and the hand-written client.</summary>
        public static SetCallBackConfigRequestDto ExampleDtoRequest() => new SetCallBackConfigRequestDto
        {
            FunctionConfig = new CallbackFunctionConfigDto
            {
                Enable = false,
                Callbacks = new List<CallbackRuleDto>
                {
                    new CallbackRuleDto { MsgType = "event", Event = "user_enter_tempsession", Env = "test-env-6gni9ity244a6ea3", FunctionName = "callback", Enable = false },
                    new CallbackRuleDto { MsgType = "image", Event = "", Env = "test-env-6gni9ity244a6ea3", FunctionName = "callback", Enable = true },
                },
            },
            ContainerConfig = new CallbackContainerConfigDto
            {
                Enable = true,
                QbaseEnv = "test-env-6gni9ity244a6ea3",
                QbaseContainerPath = "/container-echo",
                TextMode = CallbackTextModeDto.Json,
            },
        };

        /// <summary>Refit on System.Text.Json with reflection metadata, as RefitSettings users configure it.</summary>
        public static RefitSettings RefitJsonSettings() =>
            new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull }));

        public void Dispose()
        {
            foreach (HttpClient client in _httpClients)
            {
                client.Dispose();
            }
        }

        private HttpClient Track(HttpClient client)
        {
            _httpClients.Add(client);
            return client;
        }
    }
}
