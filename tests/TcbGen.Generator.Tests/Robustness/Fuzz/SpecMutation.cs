using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TcbGen.Generator.Tests.Robustness.Fuzz
{
    /// <summary>One edit of a spec's text. Indices wrap around, so every mutation applies to any text.</summary>
    internal abstract record SpecMutation
    {
        public abstract string Apply(string text);

        /// <summary>A JSON string literal of <paramref name="value"/>: raw (only quotes and backslashes escaped) or fully escaped.</summary>
        protected static string Quote(string value, bool raw)
        {
            if (!raw)
            {
                return SpecJson.Str(value);
            }

            return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }

        protected static string Replace(string text, int start, int length, string with) =>
            text.Substring(0, start) + with + text.Substring(start + length);

        protected static JsonToken? Pick(string text, int index, Func<JsonToken, bool> where)
        {
            List<JsonToken> tokens = JsonTokens.Scan(text).Where(where).ToList();
            return tokens.Count == 0 ? null : tokens[(int)((uint)index % (uint)tokens.Count)];
        }
    }

    /// <summary>Replaces a string value (of property <see cref="Key"/>, or of any property when null).</summary>
    internal sealed record ReplaceString(int Index, string? Key, string Value, bool Raw) : SpecMutation
    {
        public override string Apply(string text)
        {
            JsonToken? token = Pick(text, Index, t => t.IsString && (Key == null ? t.Key != null : t.Key == Key));
            return token is JsonToken t ? Replace(text, t.Start, t.Length, Quote(Value, Raw)) : text;
        }

        public override string ToString() => $"ReplaceString(#{Index}, key {Key ?? "any"}, {SpecJson.Str(Value.Length > 80 ? Value.Substring(0, 80) + "…(" + Value.Length + " chars)" : Value)}, raw {Raw})";
    }

    /// <summary>Flips the case of a string value's letters: a name colliding with another by case only.</summary>
    internal sealed record FlipCase(int Index, string? Key) : SpecMutation
    {
        public override string Apply(string text)
        {
            JsonToken? token = Pick(text, Index, t => t.IsString && (Key == null || t.Key == Key));
            if (token is not JsonToken t)
            {
                return text;
            }

            string literal = text.Substring(t.Start, t.Length);
            var flipped = new StringBuilder(literal.Length);
            foreach (char c in literal)
            {
                flipped.Append(char.IsUpper(c) ? char.ToLowerInvariant(c) : char.IsLower(c) ? char.ToUpperInvariant(c) : c);
            }

            // Escapes like \n and \u00e9 must keep their meaning.
            return Replace(text, t.Start, t.Length, flipped.ToString().Replace("\\N", "\\n").Replace("\\R", "\\r").Replace("\\T", "\\t").Replace("\\U", "\\u").Replace("\\B", "\\b").Replace("\\F", "\\f"));
        }
    }

    /// <summary>Inserts a field object at the start of a <c>fields</c> array.</summary>
    internal sealed record InsertField(int Index, string FieldJson) : SpecMutation
    {
        public override string Apply(string text)
        {
            JsonToken? key = Pick(text, Index, t => t.IsString && t.Key == null && text.Substring(t.Start, t.Length) == "\"fields\"");
            if (key is not JsonToken k)
            {
                return text;
            }

            int bracket = text.IndexOf('[', k.Start + k.Length);
            if (bracket < 0)
            {
                return text;
            }

            bool empty = text.Substring(bracket + 1).TrimStart().StartsWith("]", StringComparison.Ordinal);
            return text.Insert(bracket + 1, FieldJson + (empty ? string.Empty : ","));
        }

        public override string ToString() => $"InsertField(#{Index}, {(FieldJson.Length > 200 ? FieldJson.Substring(0, 200) + "…" : FieldJson)})";
    }

    /// <summary>Makes a scalar field's type an array nested <see cref="Depth"/> deep (valid JSON, a deep spec).</summary>
    internal sealed record NestArrays(int Index, int Depth) : SpecMutation
    {
        public override string Apply(string text)
        {
            JsonToken? token = Pick(text, Index, t => t.IsString && t.Key == "type" && text.Substring(t.Start, t.Length) is "\"string\"" or "\"integer\"" or "\"boolean\"" or "\"number\"");
            if (token is not JsonToken t)
            {
                return text;
            }

            string nested = string.Concat(Enumerable.Repeat("\"array\", \"items\": { \"type\": ", Depth)) + text.Substring(t.Start, t.Length) + new string('}', Depth);
            return Replace(text, t.Start, t.Length, nested);
        }
    }

    /// <summary>Replaces one token with deeply nested brackets: JSON nesting far beyond any spec.</summary>
    internal sealed record DeepBrackets(int Index, int Depth, bool Closed) : SpecMutation
    {
        public override string Apply(string text)
        {
            JsonToken? token = Pick(text, Index, t => t.IsString && t.Key != null);
            return token is JsonToken t ? Replace(text, t.Start, t.Length, new string('[', Depth) + (Closed ? new string(']', Depth) : string.Empty)) : text;
        }

        public override string ToString() => $"DeepBrackets(#{Index}, depth {Depth}, closed {Closed})";
    }

    /// <summary>Deletes one token (string, number, literal or punctuation).</summary>
    internal sealed record DeleteToken(int Index) : SpecMutation
    {
        public override string Apply(string text)
        {
            JsonToken? token = Pick(text, Index, _ => true);
            return token is JsonToken t ? Replace(text, t.Start, t.Length, string.Empty) : text;
        }
    }

    /// <summary>Overwrites, inserts or deletes one character anywhere.</summary>
    internal sealed record EditChar(int Position, char With, int Mode) : SpecMutation
    {
        public override string Apply(string text)
        {
            if (text.Length == 0)
            {
                return With.ToString();
            }

            int at = (int)((uint)Position % (uint)text.Length);
            return (Mode % 3) switch
            {
                0 => Replace(text, at, 1, With.ToString()),
                1 => text.Insert(at, With.ToString()),
                _ => text.Remove(at, 1),
            };
        }

        public override string ToString() => $"EditChar(@{Position}, U+{(int)With:X4}, {(Mode % 3 == 0 ? "overwrite" : Mode % 3 == 1 ? "insert" : "delete")})";
    }
}
