using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Specs;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Hosting;
using TcbGen.Testing.Routing;
using TcbGen.Testing.Specs;

namespace TcbGen.Testing
{
    /// <summary>
    /// A local WeChat server for tests and demos: real HTTP on 127.0.0.1 that serves every endpoint of its specs, plus
    /// the third-party platform's two token endpoints.
    /// </summary>
    /// <remarks>
    /// <para>A spec'd endpoint answers at its <c>path</c>, checking in this order:
    /// 43002 for a method other than POST (43001 other than GET, for a GET spec); 41001 without the token's query
    /// parameter (<c>access_token</c>, or the kind's own, e.g. <c>cloudbase_access_token</c>); 40014 for a token the
    /// emulator never issued, or whose kind the spec's <c>tokenKinds</c> does not list (the errmsg names both kinds);
    /// 42001 for an expired token; then the next scripted fault for the endpoint, if any; for a spec whose requests have a
    /// body, 44002 for an empty body and 47001 unless the body is one strict JSON object (a body-less spec ignores any body);
    /// 40101 for a missing required field, conditional ones
    /// (<c>requiredWhen</c>) included, at any depth, or a missing required query field; 40097 for a wrong JSON type, a query value that does not read as
    /// its type, or an enum value the spec does not list.
    /// Otherwise it answers the response of the spec example whose request equals the body, else the first example's
    /// response, else <c>{"errcode":0,"errmsg":"ok"}</c>.</para>
    /// <para>Every errmsg is the spec's error table message for the code (else WeChat's usual one), then
    /// <c> hint: [detail]</c> where there is a detail, then <c> rid: &lt;random hex&gt;</c> as WeChat appends.
    /// Unknown fields are ignored and a JSON <c>null</c> counts as absent.</para>
    /// <para>A path that no spec and no token endpoint has answers HTTP 404 with <c>{"errcode":-1,"errmsg":"system error ..."}</c>;
    /// an emulator failure answers HTTP 500 with errcode -1.</para>
    /// </remarks>
    public sealed partial class WeChatEmulator : IAsyncDisposable
    {
        /// <summary>The endpoint name of <see cref="ComponentTokenPath"/>, for fault scripts and <see cref="RequestsTo"/>.</summary>
        public const string ComponentTokenEndpointName = "api_component_token";

        /// <summary>The endpoint name of <see cref="AuthorizerTokenPath"/>, for fault scripts and <see cref="RequestsTo"/>.</summary>
        public const string AuthorizerTokenEndpointName = "api_authorizer_token";

        /// <summary>The name of the endpoint that exchanges an authorization code for an account's tokens.</summary>
        public const string QueryAuthEndpointName = "api_query_auth";

        /// <summary>The path of <see cref="QueryAuthEndpointName"/>.</summary>
        public const string QueryAuthPath = "/cgi-bin/component/api_query_auth";

        /// <summary>The name of the endpoint that issues a pre-auth code for the authorization page.</summary>
        public const string PreAuthCodeEndpointName = "api_create_preauthcode";

        /// <summary>The path of <see cref="PreAuthCodeEndpointName"/>.</summary>
        public const string PreAuthCodePath = "/cgi-bin/component/api_create_preauthcode";

        /// <summary>Where a <c>component_access_token</c> is issued.</summary>
        public const string ComponentTokenPath = "/cgi-bin/component/api_component_token";

        /// <summary>Where an <c>authorizer_access_token</c> is issued (and the refresh token rotated).</summary>
        public const string AuthorizerTokenPath = "/cgi-bin/component/api_authorizer_token";

        /// <summary>The token kind <see cref="ComponentTokenPath"/> issues.</summary>
        public const string ComponentAccessTokenKind = TokenKinds.Component;

        /// <summary>The token kind <see cref="AuthorizerTokenPath"/> issues.</summary>
        public const string AuthorizerAccessTokenKind = TokenKinds.Authorizer;

        private readonly EmulatorState _state;
        private readonly EmulatorServer _server;
        private readonly CancellationTokenSource _stopping;
        private int _disposed;

        private WeChatEmulator(EmulatorState state, EmulatorServer server, CancellationTokenSource stopping)
        {
            _state = state;
            _server = server;
            _stopping = stopping;
        }

        /// <summary>The emulator's address, e.g. <c>http://127.0.0.1:54321/</c>: use it as the clients' WeChat base address.</summary>
        public Uri BaseAddress => _server.BaseAddress;

        /// <summary>The names of the spec'd endpoints served (not the token endpoints), in spec file order.</summary>
        public IReadOnlyList<string> EndpointNames => _state.Catalog.Endpoints.Select(e => e.Name).ToList();

        /// <summary>
        /// The served endpoints that keep state between calls, each with what it does ("stores the message push
        /// configuration", "lists the database collections"): what a set or add call writes, the matching get or list call
        /// reads back. Every other endpoint answers its spec's example. Cleared by <c>POST /__admin/reset</c>.
        /// </summary>
        public IReadOnlyDictionary<string, string> StatefulEndpoints
        {
            get
            {
                SortedDictionary<string, string> roles = _state.Linked.Links.Roles();
                if (_state.Catalog.Contains(CloudCalls.CloudCallSettings.EndpointName))
                {
                    roles[CloudCalls.CloudCallSettings.EndpointName] = "stores the cloud-call setting per env (set), reads it back (get)";
                }

                _state.Storage.AddRoles(roles, _state.Catalog);
                foreach (KeyValuePair<string, string> role in Routing.TokenFlowHandlers.Roles().Where(r => _state.Catalog.Contains(r.Key)))
                {
                    roles[role.Key] = role.Value;
                }

                return roles;
            }
        }

        /// <summary>
        /// The emulated Tencent Cloud function API (<c>&lt;BaseAddress&gt;__scf/</c>): set it as
        /// <c>TcbTransferOptions.FunctionApiAddress</c> so code uploads signed by the emulator's getuploadsignature land here.
        /// </summary>
        public Uri FunctionApiAddress => new Uri(BaseAddress, Storage.EmulatedStorage.FunctionApiPrefix.TrimStart('/') + "/");

        /// <summary>The appid <see cref="ComponentTokenPath"/> accepts.</summary>
        public string ComponentAppId => _state.Options.ComponentAppId;

        /// <summary>The appsecret <see cref="ComponentTokenPath"/> accepts.</summary>
        public string ComponentAppSecret => _state.Options.ComponentAppSecret;

        /// <summary>
        /// The current verify ticket: the one pushed last, or <see cref="WeChatEmulatorOptions.ComponentVerifyTicket"/> before
        /// the first push. Each push after the first carries a new ticket, as WeChat's do; <see cref="ComponentTokenPath"/>
        /// accepts the current one and, for 12 hours after their push, the earlier ones.
        /// </summary>
        public string ComponentVerifyTicket => _state.Tickets.Current;

        /// <summary>Loads the specs and starts listening on 127.0.0.1.</summary>
        /// <param name="options">Specs, credentials and clock; null for the defaults (every built-in spec).</param>
        /// <param name="cancellationToken">Cancels the start.</param>
        /// <returns>The running emulator; dispose it to stop.</returns>
        /// <exception cref="WeChatEmulatorSpecException">A spec has problems; each is listed as <c>path(line,col): id message</c>.</exception>
        /// <exception cref="ArgumentException"><see cref="WeChatEmulatorOptions.ComponentEncodingAesKey"/> is not 43 Base64 characters, or the message token is empty.</exception>
        public static async Task<WeChatEmulator> StartAsync(WeChatEmulatorOptions? options = null, CancellationToken cancellationToken = default)
        {
            options = options?.Snapshot() ?? new WeChatEmulatorOptions();
            if (options.TokenLifetime <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "TokenLifetime must be positive.");
            }

            SpecCatalog tokenFlow = SpecCatalog.Load(SpecSource.TokenFlow(), new Dictionary<string, string>());
            SpecCatalog catalog = SpecCatalog.Load(SpecSource.From(options), tokenFlow.Endpoints.ToDictionary(e => e.Path, e => e.Name, StringComparer.Ordinal));
            var state = new EmulatorState(options, catalog, tokenFlow);
            var stopping = new CancellationTokenSource();
            try
            {
                EmulatorServer server = await EmulatorServer.StartAsync(options.Port, new EmulatorRouter(state, stopping.Token), cancellationToken).ConfigureAwait(false);
                return new WeChatEmulator(state, server, stopping);
            }
            catch
            {
                state.Pushes.Dispose();
                stopping.Dispose();
                throw;
            }
        }

        /// <summary>Stops the server; calls still waiting on scripted latency are cut off.</summary>
        /// <returns>A task that completes when the server has stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            _stopping.Cancel();
            _state.Pushes.Dispose();
            await _server.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }
}
