using System;
using System.Buffers;
using System.Text.Json;

namespace TcbGen.Runtime
{
    /// <summary>Reads the <c>errcode</c>/<c>errmsg</c> envelope of a body without the endpoint's typed reader.</summary>
    internal static class TcbResponseEnvelope
    {
        /// <summary>WeChat bodies are not always strict JSON (trailing commas, comments); read them leniently.</summary>
        public static readonly JsonReaderOptions ReaderOptions = new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        };

        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

        public static ReadOnlySequence<byte> WithoutBom(in ReadOnlySequence<byte> body) => body.First.Span.StartsWith(Utf8Bom) ? body.Slice(Utf8Bom.Length) : body;

        /// <summary>Whether the body is a JSON object; if so, its errcode (0 when absent) and errmsg.</summary>
        public static bool TryRead(in ReadOnlySequence<byte> body, out int errorCode, out string? errorMessage)
        {
            errorCode = 0;
            errorMessage = null;
            try
            {
                var reader = new Utf8JsonReader(WithoutBom(body), ReaderOptions);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isCode = reader.ValueTextEquals("errcode");
                    bool isMessage = !isCode && reader.ValueTextEquals("errmsg");
                    reader.Read();
                    if (isCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int code))
                    {
                        errorCode = code;
                    }
                    else if (isCode && reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int textCode))
                    {
                        errorCode = textCode;
                    }
                    else if (isMessage && reader.TokenType == JsonTokenType.String)
                    {
                        errorMessage = reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return reader.TokenType == JsonTokenType.EndObject;
            }
            catch (JsonException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
