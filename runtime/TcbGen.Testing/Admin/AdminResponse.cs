using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TcbGen.Testing.Admin
{
    /// <summary>An admin API answer: a status and a JSON body.</summary>
    internal sealed record AdminResponse(int StatusCode, string Json)
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static AdminResponse Ok(Action<Utf8JsonWriter> writeProperties, int statusCode = 200)
            => new AdminResponse(statusCode, Write(writer =>
            {
                writer.WriteStartObject();
                writeProperties(writer);
                writer.WriteEndObject();
            }));

        public static AdminResponse Array(Action<Utf8JsonWriter> writeItems)
            => new AdminResponse(200, Write(writer =>
            {
                writer.WriteStartArray();
                writeItems(writer);
                writer.WriteEndArray();
            }));

        public static AdminResponse Problem(int statusCode, string message) => Ok(writer => writer.WriteString("error", message), statusCode);

        private static string Write(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
