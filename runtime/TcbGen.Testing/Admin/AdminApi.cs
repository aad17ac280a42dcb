using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TcbGen.Testing.Emulator;

namespace TcbGen.Testing.Admin
{
    /// <summary>
    /// The emulator's admin HTTP API, on the same port under <c>/__admin/</c>, so tests in any language can drive it the
    /// way WireMock is driven: script faults, read the recorded (redacted) requests, issue tokens, reset.
    /// WeChat has no path under <c>/__admin/</c>, so it never shadows an endpoint. Every route is behind
    /// <see cref="AdminGuard"/>: the run's admin key, a loopback Host, no other origin, JSON POSTs.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><c>GET /__admin/endpoints</c>: the endpoints served, with path and token kinds.</item>
    /// <item><c>POST /__admin/faults</c> <c>{"endpoint":"changeTcbEnv","times":1, one of "errcode":40001 (+"errmsg"),
    /// "delayMs":500, "httpStatus":502 (+"body"), "dropConnection":true, "response":{...}}</c>.</item>
    /// <item><c>DELETE /__admin/faults</c>: drop the faults not yet consumed.</item>
    /// <item><c>GET /__admin/requests[?endpoint=NAME]</c>: the recorded requests, tokens and secrets masked.</item>
    /// <item><c>DELETE /__admin/requests</c>: forget them.</item>
    /// <item><c>POST /__admin/tokens</c> <c>{"kind":"authorizer_access_token","appid":"wx..."}</c> (+ <c>"env"</c> for a <c>cloudbase_access_token</c>): issue a token.</item>
    /// <item><c>POST /__admin/pushes/component_verify_ticket</c>: push the verify ticket to the platform now.</item>
    /// <item><c>POST /__admin/authorizers/revoke</c> <c>{"authorizer_appid":"wx..."}</c>: revoke, pushing <c>unauthorized</c>.</item>
    /// <item><c>GET|POST /__admin/merchants</c> <c>{"appid":"wx...","name":"..."}</c>: the merchants the authorization page offers.</item>
    /// <item><c>POST /__admin/authorizers</c> <c>{"appid":"wx...","refresh_token":"..."}</c>: register or re-register an authorizer.</item>
    /// <item><c>GET /__admin/</c>: the routes.</item>
    /// <item><c>POST /__admin/reset</c>: drop faults, recorded requests and the state set/add calls stored.</item>
    /// </list>
    /// </remarks>
    internal static class AdminApi
    {
        public const string Prefix = "/__admin";

        /// <summary>The routes, for the index and for a 404.</summary>
        public const string RouteList = "GET endpoints, POST|DELETE faults, GET|DELETE requests, POST tokens, POST authorizers, POST pushes/component_verify_ticket, POST authorizers/revoke, GET|POST merchants, POST reset";

        public static bool Owns(string path) => path.Equals(Prefix, StringComparison.Ordinal) || path.StartsWith(Prefix + "/", StringComparison.Ordinal);

        public static async Task HandleAsync(HttpContext context, EmulatorState state, CancellationToken cancellationToken)
        {
            AdminResponse? refusal = AdminGuard.Refusal(context.Request, state);
            if (refusal != null)
            {
                await WriteAsync(context, refusal, cancellationToken).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, await RouteAsync(context, state, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        private static async Task<AdminResponse> RouteAsync(HttpContext context, EmulatorState state, CancellationToken cancellationToken)
        {
            string route = context.Request.Path.Value!.Substring(Prefix.Length).TrimEnd('/');
            string method = context.Request.Method;
            AdminResponse response;
            try
            {
                response = (method, route) switch
                {
                    ("GET", "") => AdminReadModel.Routes(),
                    ("GET", "/endpoints") => AdminReadModel.Endpoints(state),
                    ("POST", "/faults") => AdminFaults.Script(state, await ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false)),
                    ("DELETE", "/faults") => Cleared(state.Faults.Clear),
                    ("GET", "/requests") => AdminReadModel.Requests(state, context.Request.Query["endpoint"].ToString()),
                    ("DELETE", "/requests") => Cleared(state.Recorder.Clear),
                    ("POST", "/tokens") => AdminTokens.Issue(state, await ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false)),
                    ("POST", "/pushes/component_verify_ticket") => await AdminAuthorization.PushTicketAsync(state, cancellationToken).ConfigureAwait(false),
                    ("POST", "/authorizers/revoke") => await AdminAuthorization.RevokeAsync(state, await ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
                    ("GET", "/merchants") => AdminAuthorization.Merchants(state),
                    ("POST", "/merchants") => AdminAuthorization.AddMerchant(state, await ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false)),
                    ("POST", "/authorizers") => AdminAuthorizers.Register(state, await ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false)),
                    ("POST", "/reset") => Cleared(() =>
                    {
                        state.Faults.Clear();
                        state.Recorder.Clear();
                        state.Linked.Clear();
                        state.Storage.Clear();
                    }),
                    _ => AdminResponse.Problem(StatusCodes.Status404NotFound, $"No admin route {method} {Prefix}{route}. Routes: " + RouteList + "."),
                };
            }
            catch (AdminRequestException exception)
            {
                response = AdminResponse.Problem(StatusCodes.Status400BadRequest, exception.Message);
            }

            return response;
        }

        private static async Task WriteAsync(HttpContext context, AdminResponse response, CancellationToken cancellationToken)
        {
            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(response.Json), cancellationToken).ConfigureAwait(false);
        }

        private static AdminResponse Cleared(Action clear)
        {
            clear();
            return AdminResponse.Ok(writer => writer.WriteBoolean("ok", true));
        }

        private static async Task<JsonElement> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            try
            {
                using JsonDocument document = JsonDocument.Parse(buffer.ToArray());
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new AdminRequestException("The body must be a JSON object.");
                }

                return document.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new AdminRequestException("The body is not JSON: " + exception.Message);
            }
        }

        internal static string? OptionalString(JsonElement body, string name)
            => body.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new AdminRequestException($"'{name}' must be a string.")
                : null;

        internal static int? OptionalInt(JsonElement body, string name)
            => body.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
                ? value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : throw new AdminRequestException($"'{name}' must be a 32-bit integer.")
                : null;
    }

    /// <summary>A request to the admin API that cannot be carried out; answered 400 with its message.</summary>
    internal sealed class AdminRequestException : Exception
    {
        public AdminRequestException(string message)
            : base(message)
        {
        }
    }
}
