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

        /// <summary>Whether the body is a JSON object; if so, its errcode (0 when absent; the first non-zero one when the key repeats) and errmsg (bad UTF-8 replaced).</summary>
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
                    if (isCode && (reader.TokenType == JsonTokenType.Number || reader.TokenType == JsonTokenType.String))
                    {
                        // A duplicate key never turns an error into success: the first non-zero code wins.
                        errorCode = TryReadCode(ref reader, out int code) && errorCode == 0 ? code : errorCode;
                    }
                    else if (isMessage && reader.TokenType != JsonTokenType.Null)
                    {
                        errorMessage = TcbWireReader.ErrorMessage(ref reader);
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

        private static bool TryReadCode(ref Utf8JsonReader reader, out int code)
        {
            try
            {
                code = TcbWireReader.Int32(ref reader);
                return true;
            }
            catch (JsonException)
            {
                code = 0;
                return false;
            }
        }
    }
}
