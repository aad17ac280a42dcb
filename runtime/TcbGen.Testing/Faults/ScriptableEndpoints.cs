using System.Collections.Generic;
using System.Linq;
using TcbGen.Testing.Emulator;

namespace TcbGen.Testing.Faults
{
    /// <summary>The endpoint names a fault can be scripted for: every spec'd endpoint and the two token endpoints.</summary>
    internal static class ScriptableEndpoints
    {
        public static bool Contains(EmulatorState state, string endpointName)
            => endpointName is WeChatEmulator.ComponentTokenEndpointName or WeChatEmulator.AuthorizerTokenEndpointName || state.Catalog.Contains(endpointName);

        public static IEnumerable<string> All(EmulatorState state)
            => state.Catalog.Endpoints.Select(e => e.Name).Concat(new[] { WeChatEmulator.ComponentTokenEndpointName, WeChatEmulator.AuthorizerTokenEndpointName });
    }
}
