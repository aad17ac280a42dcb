using System;
using TcbGen.Testing.CloudCalls;
using TcbGen.Testing.Faults;
using TcbGen.Testing.Recording;
using TcbGen.Testing.Specs;
using TcbGen.Testing.State;
using TcbGen.Testing.Storage;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Emulator
{
    /// <summary>Everything the request handlers share with the public <see cref="WeChatEmulator"/> API.</summary>
    internal sealed class EmulatorState
    {
        public EmulatorState(WeChatEmulatorOptions options, SpecCatalog catalog, SpecCatalog tokenFlow)
        {
            Options = options;
            Catalog = catalog;
            AdminKey = Admin.AdminKey.Resolve(options.AdminKey);
            TokenFlow = tokenFlow;
            Tokens = new TokenRegistry(options.TimeProvider);
            Tickets = new Pushes.VerifyTickets(options.ComponentVerifyTicket, options.TimeProvider);
            Pushes = new Pushes.ComponentPusher(options, Tickets);
            using (System.Text.Json.JsonDocument links = StatefulEndpointsResource.Open())
            {
                Linked = new LinkedState(StateLinks.Parse(links.RootElement, catalog.Contains));
                Storage = new EmulatedStorage(StorageLinks.Parse(links.RootElement, catalog.Contains));
            }
        }

        public WeChatEmulatorOptions Options { get; }

        public SpecCatalog Catalog { get; }

        /// <summary>The key the admin API asks for: the configured one, or one made for this run.</summary>
        public string AdminKey { get; }

        /// <summary>The token flow's specs (<c>specs/component/</c>), served even when <see cref="Catalog"/> leaves them out.</summary>
        public SpecCatalog TokenFlow { get; }

        /// <summary>A token-flow endpoint's spec: the served one (a user's copy at its path), else the built-in one.</summary>
        public EmulatedEndpoint TokenFlowEndpoint(string endpointName) =>
            Catalog.Find(endpointName) ?? TokenFlow.Find(endpointName) ?? throw new InvalidOperationException("No spec describes the token-flow endpoint " + endpointName + ".");

        public TokenRegistry Tokens { get; }

        public AuthorizerRegistry Authorizers { get; } = new AuthorizerRegistry();

        public AuthorizationCodes AuthorizationCodes { get; } = new AuthorizationCodes();

        public Authorization.PreAuthCodes PreAuthCodes { get; } = new Authorization.PreAuthCodes();

        /// <summary>The verify tickets pushed so far: the newest, and the older ones still valid.</summary>
        public Pushes.VerifyTickets Tickets { get; }

        /// <summary>Pushes to the platform's authorization-event URL, and the periodic ticket push.</summary>
        public Pushes.ComponentPusher Pushes { get; }

        public FaultScript Faults { get; } = new FaultScript();

        public CloudCallSettings CloudCalls { get; } = new CloudCallSettings();

        /// <summary>What set/add calls wrote that get/list calls read back (the links in <c>State/stateful-endpoints.json</c>).</summary>
        public LinkedState Linked { get; }

        /// <summary>Uploaded bytes, issued upload tickets, migration jobs: the storage side of the follow-up endpoints.</summary>
        public EmulatedStorage Storage { get; }

        public RequestRecorder Recorder { get; } = new RequestRecorder();

        public TimeSpan TokenLifetime => Options.TokenLifetime;
    }
}
