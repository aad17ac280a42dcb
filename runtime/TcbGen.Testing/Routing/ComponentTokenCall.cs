using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Recording;
using TcbGen.Testing.Responses;
using TcbGen.Testing.Specs;
using TcbGen.Testing.Validation;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// What every <c>/cgi-bin/component/...</c> token-flow endpoint checks before its own work, as its spec
    /// (<c>specs/component/</c>) says: the method (43002), the token under the spec's parameter (41001/40014/42001; none
    /// for a token-less spec), a scripted fault, a strict JSON body (44002/47001) validated against the spec's request
    /// (40101/40097); and, once the handler has what it records, the component appid (40013).
    /// </summary>
    internal static class ComponentTokenCall
    {
        /// <summary>Records the call (the spec's secret fields masked) and reads <paramref name="fields"/>; a rejection, or null and the values.</summary>
        public static async Task<(Answer? Rejection, string[] Values)> ReadAsync(EmulatorState state, Exchange exchange, string endpointName, string[] fields, CancellationToken aborted)
        {
            EmulatedEndpoint endpoint = state.TokenFlowEndpoint(endpointName);
            exchange.EndpointName = endpoint.Name;
            exchange.RecordedBody = Redaction.Body(exchange.BodyText, endpoint.SecretFields);
            exchange.SecretFields = endpoint.SecretFields;
            ErrorMessages messages = endpoint.Errors;
            JsonDocument? document = null;
            Answer? rejection = CommonChecks.RequireMethod(exchange, endpoint.Spec.Method, messages)
                ?? (endpoint.Spec.IsTokenless ? null : CommonChecks.CheckSpecToken(exchange, state.Tokens, endpoint, messages))
                ?? await CommonChecks.ApplyFaultAsync(state.Faults, endpoint.Name, messages, aborted).ConfigureAwait(false)
                ?? CommonChecks.ParseBody(exchange, messages, out document);
            if (rejection != null)
            {
                return (rejection, Array.Empty<string>());
            }

            using (document)
            {
                ValidationProblem? problem = RequestValidator.Validate(endpoint, document!.RootElement, exchange.Query);
                if (problem != null)
                {
                    return (Answer.Error(problem.Errcode, messages.For(problem.Errcode), problem.Hint), Array.Empty<string>());
                }

                rejection = TokenRequestBody.ReadStrings(document.RootElement, fields, out string[] values);
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
