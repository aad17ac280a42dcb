using System.Collections.Generic;

namespace TcbGen.Generator.Tests.Robustness.Fuzz
{
    /// <summary>One lexical token of (possibly broken) JSON text; <see cref="Key"/> is the property a string value belongs to.</summary>
    internal readonly record struct JsonToken(int Start, int Length, bool IsString, string? Key);

    /// <summary>
    /// A forgiving JSON tokenizer for mutations: it never fails, so it finds the strings, numbers, literals and
    /// punctuation of text that earlier mutations have already broken.
    /// </summary>
    internal static class JsonTokens
    {
        public static List<JsonToken> Scan(string text)
        {
            var tokens = new List<JsonToken>();
            string? lastString = null;
            bool afterColon = false;
            // Each open container: whether it is an array, and the property it is the value of.
            var containers = new Stack<(bool IsArray, string? Key)>();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
                {
                    i++;
                    continue;
                }

                int start = i;
                if (c == '"')
                {
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    i = System.Math.Min(i + 1, text.Length);
                    string content = text.Substring(start + 1, System.Math.Max(0, i - start - 2));
                    bool inArray = containers.Count > 0 && containers.Peek().IsArray;
                    tokens.Add(new JsonToken(start, i - start, true, afterColon ? lastString : inArray ? containers.Peek().Key : null));
                    lastString = afterColon || inArray ? null : content;
                    afterColon = false;
                    continue;
                }

                if ("{}[]:,".IndexOf(c) >= 0)
                {
                    i++;
                    if (c == '[' || c == '{')
                    {
                        containers.Push((c == '[', afterColon ? lastString : containers.Count > 0 && containers.Peek().IsArray ? containers.Peek().Key : null));
                    }
                    else if ((c == ']' || c == '}') && containers.Count > 0)
                    {
                        containers.Pop();
                    }

                    afterColon = c == ':';
                }
                else
                {
                    while (i < text.Length && "{}[]:,\" \n\r\t".IndexOf(text[i]) < 0)
                    {
                        i++;
                    }

                    afterColon = false;
                }

                tokens.Add(new JsonToken(start, i - start, false, null));
            }

            return tokens;
        }
    }
}
