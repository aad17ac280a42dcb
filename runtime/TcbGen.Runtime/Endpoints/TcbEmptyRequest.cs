using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>The request of an endpoint whose body is the empty JSON object <c>{}</c>.</summary>
    public sealed class TcbEmptyRequest
    {
        private TcbEmptyRequest()
        {
        }

        /// <summary>The only instance.</summary>
        public static TcbEmptyRequest Instance { get; } = new TcbEmptyRequest();

        /// <summary>Writes <c>{}</c>.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="request">Ignored.</param>
        public static void Write(Utf8JsonWriter writer, TcbEmptyRequest request)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }
}
