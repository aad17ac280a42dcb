using System.Linq;
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
    /// <summary>Answers a spec'd endpoint as its documented error table says, else with its example response.</summary>
    internal static class SpecEndpointHandler
    {
        private static readonly string CloudbaseParameter = TcbGen.Specs.TokenKinds.Of(TcbGen.Specs.TokenKinds.Cloudbase).UrlParameter;

        public static async Task<Answer> HandleAsync(EmulatorState state, EmulatedEndpoint endpoint, Exchange exchange, CancellationToken aborted)
        {
            exchange.EndpointName = endpoint.Name;
            if (endpoint.SecretFields.Count > 0)
            {
                // Masked before anything can reject the call: every recorded request leaves them out.
                exchange.RecordedBody = Redaction.Body(exchange.BodyText, endpoint.SecretFields);
                exchange.SecretFields = endpoint.SecretFields;
            }

            ErrorMessages messages = endpoint.Errors;
            JsonDocument? document = null;
            // WeChat's server APIs take cloudbase_access_token= as well as access_token=; the env's whitelist decides (CheckCloudCall).
            string? cloudCallToken = exchange.QueryValue(CloudbaseParameter);
            // An endpoint open to kinds with different URL parameters takes whichever is present.
            Answer? rejection = CommonChecks.RequireMethod(exchange, endpoint.Spec.Method, messages)
                ?? (endpoint.Spec.IsTokenless ? null
                    : cloudCallToken != null ? CommonChecks.CheckCloudCall(exchange, state.Tokens, state.CloudCalls, cloudCallToken, messages)
                    : CommonChecks.CheckSpecToken(exchange, state.Tokens, endpoint, messages))
                ?? await CommonChecks.ApplyFaultAsync(state.Faults, endpoint.Name, messages, aborted).ConfigureAwait(false)
                ?? ReadBody(endpoint, exchange, messages, out document);
            if (rejection != null)
            {
                return rejection;
            }

            using (document)
            {
                ValidationProblem? problem = RequestValidator.Validate(endpoint, document!.RootElement, exchange.Query);
                return problem != null
                    ? Answer.Error(problem.Errcode, messages.For(problem.Errcode), problem.Hint)
                    : Answer.Json(state.CloudCalls.Apply(endpoint.Name, document.RootElement) ?? Linked(state, endpoint, document.RootElement, exchange.Origin));
            }
        }

        /// <summary>The example response, with what earlier calls stored in place where a state link says so.</summary>
        private static string Linked(EmulatorState state, EmulatedEndpoint endpoint, JsonElement request, string origin)
        {
            string example = endpoint.SuccessResponse(request);
            string answer = state.Linked.Apply(endpoint.Name, request, example) ?? example;
            return state.Storage.Apply(endpoint, request, answer, origin) ?? answer;
        }

#pragma warning disable CS8524 // Exhaustive over the named kinds: a new RequestBodyKind must be handled here (CS8509).
        /// <summary>The body as the spec says requests carry it: an object of fields, any one JSON value, or nothing.</summary>
        private static Answer? ReadBody(EmulatedEndpoint endpoint, Exchange exchange, ErrorMessages messages, out JsonDocument? document) => endpoint.Spec.RequestBody switch
        {
            TcbGen.Specs.RequestBodyKind.Fields => CommonChecks.ParseBody(exchange, messages, out document),
            TcbGen.Specs.RequestBodyKind.CallerJson => CommonChecks.ParseBody(exchange, messages, out document, anyValue: true),
            TcbGen.Specs.RequestBodyKind.None => NoBody(out document),
        };
#pragma warning restore CS8524

        /// <summary>A request without a body reads as <c>{}</c>: what it sends is in the query; whatever body came is ignored.</summary>
        private static Answer? NoBody(out JsonDocument? document)
        {
            document = JsonDocument.Parse("{}");
            return null;
        }
    }
}
