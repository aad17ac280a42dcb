using System.Collections.Generic;
using System.Globalization;

namespace TcbGen.Specs.Json
{
    internal enum JsonNodeKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>A JSON value with the character range it came from, so problems can be reported at a line and column.</summary>
    internal abstract class JsonNode
    {
        protected JsonNode(JsonNodeKind kind, int start, int end)
        {
            Kind = kind;
            Start = start;
            End = end;
        }

        public JsonNodeKind Kind { get; }

        public int Start { get; }

        public int End { get; }

        public string KindName => Kind switch
        {
            JsonNodeKind.Object => "an object",
            JsonNodeKind.Array => "an array",
            JsonNodeKind.String => "a string",
            JsonNodeKind.Number => "a number",
            JsonNodeKind.Null => "null",
            _ => "a boolean",
        };
    }

    internal sealed class JsonObject : JsonNode
    {
        public JsonObject(int start, int end, JsonProperty[] properties)
            : base(JsonNodeKind.Object, start, end)
        {
            Properties = properties;
        }

        /// <summary>The properties in the order written; an array, not a list, so an object costs one allocation less.</summary>
        public JsonProperty[] Properties { get; }

        public JsonProperty? Find(string name)
        {
            foreach (JsonProperty property in Properties)
            {
                if (property.Name == name)
                {
                    return property;
                }
            }

            return null;
        }
    }

    /// <summary>One <c>"name": value</c> pair; <see cref="NameStart"/>/<see cref="NameEnd"/> span the quoted name.</summary>
    internal sealed class JsonProperty
    {
        public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
        {
            Name = name;
            NameStart = nameStart;
            NameEnd = nameEnd;
            Value = value;
        }

        public string Name { get; }

        public int NameStart { get; }

        public int NameEnd { get; }

        public JsonNode Value { get; }
    }

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(int start, int end, JsonNode[] items)
            : base(JsonNodeKind.Array, start, end)
        {
            Items = items;
        }

        /// <summary>The items in the order written.</summary>
        public JsonNode[] Items { get; }
    }

    internal sealed class JsonString : JsonNode
    {
        public JsonString(string value, int start, int end)
            : base(JsonNodeKind.String, start, end)
        {
            Value = value;
        }

        public string Value { get; }
    }

    internal sealed class JsonNumber : JsonNode
    {
        public JsonNumber(string raw, int start, int end)
            : base(JsonNodeKind.Number, start, end)
        {
            Raw = raw;
        }

        /// <summary>The number exactly as written, e.g. <c>-601026</c> or <c>1.5e3</c>.</summary>
        public string Raw { get; }

        public bool TryGetInt64(out long value) =>
            long.TryParse(Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        /// <summary>Written as an integer (sign and digits only, no fraction or exponent), whatever its size.</summary>
        public bool IsWrittenAsInteger
        {
            get
            {
                for (int i = Raw.Length > 0 && Raw[0] == '-' ? 1 : 0; i < Raw.Length; i++)
                {
                    if (Raw[i] < '0' || Raw[i] > '9')
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }

    internal sealed class JsonLiteral : JsonNode
    {
        public JsonLiteral(JsonNodeKind kind, int start, int end)
            : base(kind, start, end)
        {
        }
    }
}
