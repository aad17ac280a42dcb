using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TcbGen.Cli.Import
{
    /// <summary>Finds JSON blocks in page text and repairs what WeChat's examples get wrong (trailing commas, comments, curly quotes).</summary>
    internal static class JsonRepair
    {
        /// <summary>The text of the first JSON object starting at <paramref name="start"/>; <paramref name="complete"/> false when it never closes.</summary>
        public static string? Block(string text, int start, out int end, out bool complete)
        {
            end = start;
            complete = false;
            int open = text.IndexOf('{', start);
            if (open < 0)
            {
                return null;
            }

            int depth = 0;
            var strings = new JsonStrings();
            for (int i = open; i < text.Length; i++)
            {
                char c = text[i];
                if (strings.Holds(c))
                {
                    continue;
                }

                if (c == '{' || c == '[')
                {
                    depth++;
                }
                else if (c == '}' || c == ']')
                {
                    depth--;
                    if (depth == 0)
                    {
                        end = i + 1;
                        complete = true;
                        return text.Substring(open, end - open);
                    }
                }
            }

            end = text.Length;
            return text.Substring(open);
        }

        /// <summary>
        /// Parses a repaired block as an object; null when even the repaired text is not JSON. Escapes JSON lacks
        /// (<c>\'</c> in a command string) and raw line breaks inside strings are repaired only when the block does not
        /// parse without.
        /// </summary>
        public static JsonObject? ParseObject(string block)
        {
            string repaired = Repair(block);
            return Parse(repaired) ?? Parse(StringRepair.Escapes(repaired));
        }

        private static JsonObject? Parse(string text)
        {
            try
            {
                return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string Repair(string block)
        {
            var text = new StringBuilder(block);
            text.Replace('“', '"').Replace('”', '"').Replace('，', ',').Replace('：', ':');
            string repaired = text.ToString();
            repaired = Regex.Replace(repaired, "(?m)^\\s*\\.\\.\\.\\s*,?\\s*$", string.Empty);
            repaired = Regex.Replace(repaired, "}(\\s*){", "},$1{");
            return Regex.Replace(repaired, ",(\\s*[}\\]])", "$1");
        }
    }
}
