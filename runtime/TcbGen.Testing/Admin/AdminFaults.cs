using System;
using System.Linq;
using System.Text.Json;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Faults;

namespace TcbGen.Testing.Admin
{
    /// <summary><c>POST /__admin/faults</c>: one fault, for the next <c>times</c> calls of one endpoint.</summary>
    internal static class AdminFaults
    {
        private static readonly string[] Kinds = { "errcode", "delayMs", "httpStatus", "dropConnection", "response" };

        public static AdminResponse Script(EmulatorState state, JsonElement body)
        {
            string endpoint = AdminApi.OptionalString(body, "endpoint") ?? throw new AdminRequestException("'endpoint' is required: the endpoint's name, e.g. changeTcbEnv.");
            if (!ScriptableEndpoints.Contains(state, endpoint))
            {
                throw new AdminRequestException($"The emulator serves no endpoint named '{endpoint}'. Known: {string.Join(", ", ScriptableEndpoints.All(state))}.");
            }

            int times = AdminApi.OptionalInt(body, "times") ?? 1;
            if (times < 1)
            {
                throw new AdminRequestException("'times' must be at least 1.");
            }

            string[] given = Kinds.Where(k => body.TryGetProperty(k, out JsonElement v) && v.ValueKind != JsonValueKind.Null).ToArray();
            if (given.Length != 1)
            {
                throw new AdminRequestException($"Give exactly one of {string.Join(", ", Kinds)}; got {(given.Length == 0 ? "none" : string.Join(", ", given))}.");
            }

            state.Faults.Enqueue(endpoint, Fault(given[0], body), times);
            return AdminResponse.Ok(
                writer =>
                {
                    writer.WriteString("endpoint", endpoint);
                    writer.WriteString("fault", given[0]);
                    writer.WriteNumber("pending", state.Faults.Pending(endpoint));
                },
                statusCode: 201);
        }

        private static ScriptedFault Fault(string kind, JsonElement body)
        {
            switch (kind)
            {
                case "errcode":
                    return new ErrcodeFault(AdminApi.OptionalInt(body, "errcode")!.Value, AdminApi.OptionalString(body, "errmsg"));
                case "delayMs":
                    int delay = AdminApi.OptionalInt(body, "delayMs")!.Value;
                    return delay >= 0 ? new LatencyFault(TimeSpan.FromMilliseconds(delay)) : throw new AdminRequestException("'delayMs' must not be negative.");
                case "httpStatus":
                    int status = AdminApi.OptionalInt(body, "httpStatus")!.Value;
                    return status is >= 100 and <= 599 ? new HttpStatusFault(status, AdminApi.OptionalString(body, "body")) : throw new AdminRequestException("'httpStatus' is from 100 to 599.");
                case "dropConnection":
                    return body.GetProperty("dropConnection").ValueKind == JsonValueKind.True ? new DroppedConnectionFault() : throw new AdminRequestException("'dropConnection' must be true.");
                default:
                    JsonElement response = body.GetProperty("response");
                    return response.ValueKind == JsonValueKind.Object ? new ResponseFault(response.GetRawText()) : throw new AdminRequestException("'response' must be a JSON object.");
            }
        }
    }
}
