using System.Collections.Generic;
using System.Globalization;
using TcbGen.Testing.Emulator;
using TcbGen.Testing.Specs;

namespace TcbGen.Testing.Admin
{
    /// <summary>What the admin API lets a test read: the endpoints served and the requests recorded (already redacted).</summary>
    internal static class AdminReadModel
    {
        public static AdminResponse Routes() => AdminResponse.Ok(writer =>
        {
            writer.WriteString("routes", AdminApi.RouteList);
            writer.WriteString("docs", "runtime/TcbGen.Testing/README.md, section Admin API");
        });

        public static AdminResponse Endpoints(EmulatorState state) => AdminResponse.Array(writer =>
        {
            foreach (EmulatedEndpoint endpoint in state.Catalog.Endpoints)
            {
                writer.WriteStartObject();
                writer.WriteString("name", endpoint.Name);
                writer.WriteString("path", endpoint.Path);
                writer.WriteStartArray("tokenKinds");
                foreach (string kind in endpoint.TokenKinds)
                {
                    writer.WriteStringValue(kind);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        });

        public static AdminResponse Requests(EmulatorState state, string endpoint)
        {
            IReadOnlyList<RecordedRequest> requests = endpoint.Length == 0 ? state.Recorder.Snapshot() : state.Recorder.To(endpoint);
            return AdminResponse.Array(writer =>
            {
                foreach (RecordedRequest request in requests)
                {
                    writer.WriteStartObject();
                    writer.WriteString("endpoint", request.EndpointName);
                    writer.WriteString("method", request.Method);
                    writer.WriteString("path", request.Path);
                    writer.WriteString("query", request.Query);
                    writer.WriteString("tokenKind", request.TokenKind);
                    writer.WriteString("authorizerAppId", request.AuthorizerAppId);
                    writer.WriteString("body", request.Body);
                    WriteNumber(writer, "errcode", request.Errcode);
                    WriteNumber(writer, "statusCode", request.StatusCode);
                    writer.WriteString("timestamp", request.Timestamp.ToString("O", CultureInfo.InvariantCulture));
                    writer.WriteEndObject();
                }
            });
        }

        private static void WriteNumber(System.Text.Json.Utf8JsonWriter writer, string name, int? value)
        {
            if (value == null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteNumber(name, value.Value);
            }
        }
    }
}
