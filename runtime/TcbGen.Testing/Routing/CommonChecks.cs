using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TcbGen.Specs;
using TcbGen.Testing.CloudCalls;
using TcbGen.Testing.Faults;
using TcbGen.Testing.Responses;
using TcbGen.Testing.Tokens;

namespace TcbGen.Testing.Routing
{
    /// <summary>
    /// The checks every endpoint makes, in WeChat's order: method, token, scripted fault, body. Each returns the
    /// error answer, or null to go on.
    /// </summary>
    internal static class CommonChecks
    {
        public static Answer? RequirePost(Exchange exchange, ErrorMessages messages)
            => Microsoft.AspNetCore.Http.HttpMethods.IsPost(exchange.Method) ? null : Answer.Error(StandardErrors.RequirePost, messages.For(StandardErrors.RequirePost));

#pragma warning disable CS8524 // Exhaustive over the named methods: a new EndpointMethod must be handled here (CS8509).
        /// <summary>43002 unless POST for a POST endpoint, 43001 unless GET for a GET endpoint.</summary>
        public static Answer? RequireMethod(Exchange exchange, EndpointMethod method, ErrorMessages messages) => method switch
        {
            EndpointMethod.Post => RequirePost(exchange, messages),
            EndpointMethod.Get => Microsoft.AspNetCore.Http.HttpMethods.IsGet(exchange.Method) ? null : Answer.Error(StandardErrors.RequireGet, messages.For(StandardErrors.RequireGet)),
        };
#pragma warning restore CS8524

        /// <summary>41001 without the token parameter, 40014 for an unknown token or a kind not allowed here, 42001 when expired.</summary>
        public static Answer? CheckToken(Exchange exchange, TokenRegistry tokens, string parameter, IReadOnlyCollection<string> allowedKinds, ErrorMessages messages)
        {
            string? value = exchange.QueryValue(parameter);
            if (value == null)
            {
                return Answer.Error(StandardErrors.AccessTokenMissing, messages.For(StandardErrors.AccessTokenMissing), parameter + " is missing from the query string");
            }

            IssuedToken? token = tokens.Find(value);
            if (token == null)
            {
                return Answer.Error(StandardErrors.InvalidAccessToken, messages.For(StandardErrors.InvalidAccessToken), "the emulator never issued this token");
            }

            exchange.TokenKind = token.Kind;
            exchange.AuthorizerAppId = token.Kind == TokenKinds.Component ? null : token.AppId;
            if (!allowedKinds.Contains(token.Kind, StringComparer.Ordinal))
            {
                string hint = $"a {token.Kind} is not accepted here; this endpoint takes {string.Join(" or ", allowedKinds)}";
                return Answer.Error(StandardErrors.InvalidAccessToken, messages.For(StandardErrors.InvalidAccessToken), hint);
            }

            return tokens.IsExpired(token) ? Answer.Error(StandardErrors.AccessTokenExpired, messages.For(StandardErrors.AccessTokenExpired)) : null;
        }

        /// <summary>
        /// The token a spec'd endpoint allows, under the parameter its spec names (an endpoint open to kinds with different
        /// URL parameters takes whichever is present); see <see cref="CheckToken"/>.
        /// </summary>
        public static Answer? CheckSpecToken(Exchange exchange, TokenRegistry tokens, Specs.EmulatedEndpoint endpoint, ErrorMessages messages)
        {
            string parameter = endpoint.TokenParameters.FirstOrDefault(p => exchange.QueryValue(p) != null) ?? endpoint.TokenParameters[0];
            return CheckToken(exchange, tokens, parameter, endpoint.TokenKinds, messages);
        }

        /// <summary>
        /// A call with <c>cloudbase_access_token=</c>: 40014 unless the emulator issued it as a cloud-call token, 42001 when
        /// expired, 48001 when its env's setCloudAccessToken setting is off or its whitelist does not cover the path.
        /// </summary>
        public static Answer? CheckCloudCall(Exchange exchange, TokenRegistry tokens, CloudCallSettings settings, string value, ErrorMessages messages)
        {
            IssuedToken? token = tokens.Find(value);
            if (token == null || token.Kind != TokenKinds.Cloudbase)
            {
                string hint = token == null ? "the emulator never issued this token" : $"a {token.Kind} is not a {TokenKinds.Cloudbase}";
                return Answer.Error(StandardErrors.InvalidAccessToken, messages.For(StandardErrors.InvalidAccessToken), hint);
            }

            exchange.TokenKind = token.Kind;
            exchange.AuthorizerAppId = token.AppId;
            if (tokens.IsExpired(token))
            {
                return Answer.Error(StandardErrors.AccessTokenExpired, messages.For(StandardErrors.AccessTokenExpired));
            }

            CloudCallSetting setting = settings.For(token.Env);
            if (!setting.Allows(exchange.Path))
            {
                string env = token.Env ?? "(no env)";
                string hint = setting.Open
                    ? $"{exchange.Path} is not in the api_whitelist of env {env}"
                    : $"cloud calls are turned off (open=false) for env {env}";
                return Answer.Error(StandardErrors.ApiUnauthorized, messages.For(StandardErrors.ApiUnauthorized), hint);
            }

            return null;
        }

        /// <summary>Takes the endpoint's next scripted fault: its answer, or null after a delay (or when none is scripted).</summary>
        public static async Task<Answer?> ApplyFaultAsync(FaultScript faults, string endpointName, ErrorMessages messages, CancellationToken aborted)
        {
            switch (faults.TryDequeue(endpointName))
            {
                case ErrcodeFault errcode:
                    return Answer.Error(errcode.Errcode, errcode.Errmsg ?? messages.For(errcode.Errcode));
                case ResponseFault response:
                    return Answer.Json(response.Json);
                case HttpStatusFault status:
                    return Answer.Raw(status.StatusCode, status.Body);
                case DroppedConnectionFault:
                    return Answer.Dropped;
                case LatencyFault latency:
                    await Task.Delay(latency.Delay, aborted).ConfigureAwait(false);
                    return null;
                default:
                    return null;
            }
        }

        /// <summary>44002 for an empty body, 47001 unless it is one strict JSON object (no comments, no trailing commas).</summary>
        public static Answer? ParseBody(Exchange exchange, ErrorMessages messages, out JsonDocument? document, bool anyValue = false)
        {
            document = null;
            if (string.IsNullOrWhiteSpace(exchange.BodyText))
            {
                return Answer.Error(StandardErrors.EmptyPostData, messages.For(StandardErrors.EmptyPostData));
            }

            try
            {
                document = JsonDocument.Parse(exchange.Body);
            }
            catch (JsonException exception)
            {
                return Answer.Error(StandardErrors.DataFormatError, messages.For(StandardErrors.DataFormatError), exception.Message);
            }

            if (!anyValue && document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                document = null;
                return Answer.Error(StandardErrors.DataFormatError, messages.For(StandardErrors.DataFormatError), "the body must be a JSON object");
            }

            return null;
        }
    }
}
