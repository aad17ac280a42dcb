using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TcbGen.Specs.Json
{
    /// <summary>
    /// A strict RFC 8259 JSON parser that keeps the character range of every value. It never throws:
    /// a syntax error comes back as a message and an offset.
    /// </summary>
    internal sealed class JsonParser
    {
        private const int MaxDepth = 64;

        private readonly string _text;

        // One list per nesting level, reused for every object (array) at that level and every parse on this thread: a node's
        // own list is then made once, at its exact size, instead of growing from 4 as it is filled.
        [ThreadStatic]
        private static List<List<JsonProperty>>? t_propertiesByDepth;

        [ThreadStatic]
        private static List<List<JsonNode>>? t_itemsByDepth;

        private readonly List<List<JsonProperty>> _propertiesByDepth;
        private readonly List<List<JsonNode>> _itemsByDepth;
        private int _position;
        private int _depth;

        private JsonParser(string text)
        {
            _text = text;
            _propertiesByDepth = t_propertiesByDepth ??= new List<List<JsonProperty>>();
            _itemsByDepth = t_itemsByDepth ??= new List<List<JsonNode>>();
        }

        public static JsonParseResult Parse(string text)
        {
            var parser = new JsonParser(text);
            try
            {
                // RFC 8259 (section 8.1) lets a reader ignore one byte order mark at the very start; anywhere else it is an error.
                if (text.Length > 0 && text[0] == '\uFEFF')
                {
                    parser._position = 1;
                }

                parser.SkipWhitespace();
                if (parser._position == text.Length)
                {
                    return JsonParseResult.Failure("The file is empty; a spec is a JSON object.", 0);
                }

                JsonNode root = parser.ParseValue();
                parser.SkipWhitespace();
                if (parser._position < text.Length)
                {
                    return JsonParseResult.Failure("Unexpected text after the end of the JSON value.", parser._position);
                }

                return JsonParseResult.Success(root);
            }
            catch (JsonSyntaxError error)
            {
                return JsonParseResult.Failure(error.Message, error.Offset);
            }
        }

        private JsonNode ParseValue()
        {
            if (_position >= _text.Length)
            {
                throw Error("Unexpected end of file; a value was expected.");
            }

            char c = _text[_position];
            switch (c)
            {
                case '{':
                    return ParseObject();
                case '[':
                    return ParseArray();
                case '"':
                    int start = _position;
                    string value = ParseString();
                    return new JsonString(value, start, _position);
                case 't':
                    return ParseLiteral("true", JsonNodeKind.True);
                case 'f':
                    return ParseLiteral("false", JsonNodeKind.False);
                case 'n':
                    return ParseLiteral("null", JsonNodeKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }

                    throw Error($"Unexpected character '{Printable(c)}'; a value was expected.");
            }
        }

        private JsonObject ParseObject()
        {
            int start = _position;
            Enter();
            List<JsonProperty> properties = Scratch(_propertiesByDepth);
            _position++;
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return CloseObject(start, properties);
            }

            while (true)
            {
                SkipWhitespace();
                if (_position >= _text.Length || _text[_position] != '"')
                {
                    throw Error(_position < _text.Length && _text[_position] == '}'
                        ? "A trailing comma is not allowed in JSON."
                        : "A property name in double quotes was expected.");
                }

                int nameStart = _position;
                string name = ParseString();
                int nameEnd = _position;
                SkipWhitespace();
                Expect(':', "':' was expected after the property name.");
                SkipWhitespace();
                JsonNode value = ParseValue();
                properties.Add(new JsonProperty(name, nameStart, nameEnd, value));
                SkipWhitespace();
                if (TryConsume(','))
                {
                    continue;
                }

                Expect('}', "',' or '}' was expected.");
                return CloseObject(start, properties);
            }
        }

        private JsonArray ParseArray()
        {
            int start = _position;
            Enter();
            List<JsonNode> items = Scratch(_itemsByDepth);
            _position++;
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return CloseArray(start, items);
            }

            while (true)
            {
                SkipWhitespace();
                if (_position < _text.Length && _text[_position] == ']')
                {
                    throw Error("A trailing comma is not allowed in JSON.");
                }

                items.Add(ParseValue());
                SkipWhitespace();
                if (TryConsume(','))
                {
                    continue;
                }

                Expect(']', "',' or ']' was expected.");
                return CloseArray(start, items);
            }
        }

        private JsonObject CloseObject(int start, List<JsonProperty> properties)
        {
            var node = new JsonObject(start, _position, properties.ToArray());
            properties.Clear();
            _depth--;
            return node;
        }

        private JsonArray CloseArray(int start, List<JsonNode> items)
        {
            var node = new JsonArray(start, _position, items.ToArray());
            items.Clear();
            _depth--;
            return node;
        }

        /// <summary>The list of the current nesting level (<see cref="Enter"/> has counted it), emptied.</summary>
        private List<T> Scratch<T>(List<List<T>> byDepth)
        {
            while (byDepth.Count < _depth)
            {
                byDepth.Add(new List<T>());
            }

            // A parse stopped by a syntax error leaves its lists filled.
            List<T> scratch = byDepth[_depth - 1];
            scratch.Clear();
            return scratch;
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw Error($"The JSON is nested deeper than {MaxDepth} levels.");
            }
        }

        private string ParseString()
        {
            int start = _position;
            _position++;

            // Most strings hold no escape: take them straight from the text, with no builder.
            string text = _text;
            int end = _position;
            while (end < text.Length)
            {
                char c = text[end];
                if (c == '"' || c == '\\' || c < 0x20)
                {
                    break;
                }

                end++;
            }

            if (end < _text.Length && _text[end] == '"')
            {
                _position = end + 1;
                return JsonStringCache.Get(_text, start + 1, end - start - 1);
            }

            var builder = new StringBuilder(_text, start + 1, end - start - 1, (end - start) * 2);
            _position = end;
            while (true)
            {
                if (_position >= _text.Length)
                {
                    throw new JsonSyntaxError("The string is not terminated.", start);
                }

                char c = _text[_position];
                if (c == '"')
                {
                    _position++;
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    throw Error("A control character must be escaped inside a JSON string.");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    _position++;
                    continue;
                }

                if (_position + 1 >= _text.Length)
                {
                    throw new JsonSyntaxError("The string is not terminated.", start);
                }

                char escape = _text[_position + 1];
                _position += 2;
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw new JsonSyntaxError("'\\u' must be followed by four hexadecimal digits.", _position - 2);
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw new JsonSyntaxError($"'\\{Printable(escape)}' is not a JSON escape.", _position - 2);
                }
            }
        }

        private JsonNumber ParseNumber()
        {
            int start = _position;
            TryConsume('-');
            if (TryConsume('0'))
            {
                // A leading zero stands alone.
            }
            else if (!ConsumeDigits())
            {
                throw Error("A digit was expected.");
            }

            if (TryConsume('.') && !ConsumeDigits())
            {
                throw Error("A digit was expected after the decimal point.");
            }

            if (_position < _text.Length && (_text[_position] == 'e' || _text[_position] == 'E'))
            {
                _position++;
                if (!TryConsume('+'))
                {
                    TryConsume('-');
                }

                if (!ConsumeDigits())
                {
                    throw Error("A digit was expected in the exponent.");
                }
            }

            return new JsonNumber(_text.Substring(start, _position - start), start, _position);
        }

        private bool ConsumeDigits()
        {
            int start = _position;
            while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
            {
                _position++;
            }

            return _position > start;
        }

        private JsonLiteral ParseLiteral(string literal, JsonNodeKind kind)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw Error($"Unexpected character '{Printable(_text[_position])}'; a value was expected.");
            }

            int start = _position;
            _position += literal.Length;
            return new JsonLiteral(kind, start, _position);
        }

        private void SkipWhitespace()
        {
            // A local cursor and text: the loop then runs in registers rather than writing the field back for every space.
            string text = _text;
            int position = _position;
            while (position < text.Length)
            {
                char c = text[position];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    break;
                }

                position++;
            }

            _position = position;
        }

        private bool TryConsume(char c)
        {
            if (_position < _text.Length && _text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(char c, string message)
        {
            if (!TryConsume(c))
            {
                throw Error(message);
            }
        }

        private JsonSyntaxError Error(string message) => new JsonSyntaxError(message, Math.Min(_position, _text.Length));

        private static string Printable(char c) => c < 0x20 ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();

        private sealed class JsonSyntaxError : Exception
        {
            public JsonSyntaxError(string message, int offset)
                : base(message)
            {
                Offset = offset;
            }

            public int Offset { get; }
        }
    }

    internal sealed class JsonParseResult
    {
        private JsonParseResult(JsonNode? root, string? error, int errorOffset)
        {
            Root = root;
            Error = error;
            ErrorOffset = errorOffset;
        }

        public JsonNode? Root { get; }

        public string? Error { get; }

        public int ErrorOffset { get; }

        public static JsonParseResult Success(JsonNode root) => new JsonParseResult(root, null, 0);

        public static JsonParseResult Failure(string error, int offset) => new JsonParseResult(null, error, offset);
    }
}
