using System.Globalization;
using System.Text;

namespace TcbGen.Specs.Json
{
    /// <summary>Writes a parsed JSON value back as compact JSON text (numbers as written, strings re-escaped).</summary>
    internal static class JsonText
    {
        public static string Compact(JsonNode node)
        {
            // The written text is about as long as the value's own (less its white space): one buffer, not a growing chain.
            var builder = new StringBuilder(node.End - node.Start);
            Write(builder, node);
            return builder.ToString();
        }

        private static void Write(StringBuilder builder, JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    builder.Append('{');
                    for (int i = 0; i < obj.Properties.Length; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        WriteString(builder, obj.Properties[i].Name);
                        builder.Append(':');
                        Write(builder, obj.Properties[i].Value);
                    }

                    builder.Append('}');
                    break;
                case JsonArray array:
                    builder.Append('[');
                    for (int i = 0; i < array.Items.Length; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        Write(builder, array.Items[i]);
                    }

                    builder.Append(']');
                    break;
                case JsonString text:
                    WriteString(builder, text.Value);
                    break;
                case JsonNumber number:
                    builder.Append(number.Raw);
                    break;
                default:
                    builder.Append(node.Kind == JsonNodeKind.True ? "true" : node.Kind == JsonNodeKind.False ? "false" : "null");
                    break;
            }
        }

        private static void WriteString(StringBuilder builder, string value)
        {
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }
    }
}
