using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Specs;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Recording;
using TcbGen.Testing.Responses;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// What every <c>/cgi-bin/component/...?component_access_token=X</c> endpoint checks before its own work: POST (43002),
    /// the component token (41001/40014/42001), a scripted fault, a strict JSON body (44002/47001), its string fields
    /// (40101/40097); and, once the handler has what it records, the component appid (40013).
    /// </summary>
    internal static class ComponentTokenCall
    {
        private const string TokenParameter = "component_access_token";
        private static readonly string[] ComponentKind = { TokenKinds.Component };

        /// <summary>Records the call (tokens masked) and reads <paramref name="fields"/>; a rejection, or null and the values.</summary>
        public static async Task<(Answer? Rejection, string[] Values)> ReadAsync(EmulatorState state, Exchange exchange, string endpointName, string[] fields, CancellationToken aborted)
        {
            exchange.EndpointName = endpointName;
            exchange.RecordedBody = Redaction.TokenBody(exchange.BodyText);
            ErrorMessages messages = ErrorMessages.Standard;
            JsonDocument? document = null;
            Answer? rejection = CommonChecks.RequirePost(exchange, messages)
                ?? CommonChecks.CheckToken(exchange, state.Tokens, TokenParameter, ComponentKind, messages)
                ?? await CommonChecks.ApplyFaultAsync(state.Faults, endpointName, messages, aborted).ConfigureAwait(false)
                ?? CommonChecks.ParseBody(exchange, messages, out document);
            if (rejection != null)
            {
                return (rejection, Array.Empty<string>());
            }

            using (document)
            {
                rejection = TokenRequestBody.ReadStrings(document!.RootElement, fields, out string[] values);
                return (rejection, values);
            }
        }

        /// <summary>40013 unless <paramref name="componentAppId"/> is the platform's appid.</summary>
        public static Answer? RequireComponentAppId(EmulatorState state, string componentAppId) =>
            string.Equals(componentAppId, state.Options.ComponentAppId, StringComparison.Ordinal)
                ? null
                : Answer.Error(StandardErrors.InvalidAppId, ErrorMessages.Standard.For(StandardErrors.InvalidAppId));
    }
}
