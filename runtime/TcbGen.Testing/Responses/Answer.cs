using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TcbGen.Testing.Responses
{
    internal enum AnswerKind
    {
        /// <summary>Write <see cref="Answer.StatusCode"/> and <see cref="Answer.Body"/>.</summary>
        Respond,

        /// <summary>Abort the connection without a response.</summary>
        DropConnection,

        /// <summary>The client went away, or the emulator is stopping: nothing to answer.</summary>
        None,
    }

    /// <summary>What the emulator answers one request with, decided before anything is written.</summary>
    internal sealed class Answer
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private Answer(AnswerKind kind, int statusCode, string? body, int? errcode)
        {
            Kind = kind;
            StatusCode = statusCode;
            Body = body;
            Errcode = errcode;
        }

        public static Answer Dropped { get; } = new Answer(AnswerKind.DropConnection, 0, null, null);

        public static Answer Nothing { get; } = new Answer(AnswerKind.None, 0, null, null);

        public AnswerKind Kind { get; }

        public int StatusCode { get; }

        public string? Body { get; }

        /// <summary>The errcode in <see cref="Body"/>, or null when the answer has none.</summary>
        public int? Errcode { get; }

        /// <summary><c>{"errcode":code,"errmsg":"message[ hint: [detail]] rid: ..."}</c>, as WeChat words its errors.</summary>
        public static Answer Error(int errcode, string message, string? hint = null, int statusCode = 200)
        {
            string errmsg = Rid.Append(hint == null ? message : message + " hint: [" + hint + "]");
            return Json(Object(writer =>
            {
                writer.WriteNumber("errcode", errcode);
                writer.WriteString("errmsg", errmsg);
            }), statusCode);
        }

        /// <summary>A JSON body, its errcode read from it (a missing errcode stays null).</summary>
        public static Answer Json(string json, int statusCode = 200) => new Answer(AnswerKind.Respond, statusCode, json, ReadErrcode(json));

        /// <summary>A body sent as it is, such as a scripted HTTP status page.</summary>
        public static Answer Raw(int statusCode, string? body) => new Answer(AnswerKind.Respond, statusCode, body, body == null ? null : ReadErrcode(body));

        /// <summary>Writes one JSON object with the members <paramref name="write"/> adds.</summary>
        public static string Object(System.Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static int? ReadErrcode(string text)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("errcode", out JsonElement errcode)
                    && errcode.TryGetInt32(out int code)
                    ? code
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
