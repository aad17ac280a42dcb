using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// An example a cut page ends inside, closed after its last whole value: the text is cut back to the last comma (or
    /// opening bracket) outside a string, and the brackets still open are closed. The values before the cut are what
    /// the page shows; nothing is made up.
    /// </summary>
    internal static class CutJson
    {
        private const int MaxTries = 40;

        /// <summary>The block's part before the cut as an object, or null when no cut point gives JSON.</summary>
        public static JsonObject? Close(string block)
        {
            var points = new List<(int Position, string Open)>();
            var open = new StringBuilder();
            var strings = new JsonStrings();
            for (int i = 0; i < block.Length; i++)
            {
                char c = block[i];
                if (strings.Holds(c))
                {
                    continue;
                }

                switch (c)
                {
                    case '{':
                    case '[':
                        open.Append(c);
                        points.Add((i + 1, open.ToString()));
                        break;
                    case '}':
                    case ']':
                        if (open.Length > 0)
                        {
                            open.Length--;
                        }

                        break;
                    case ',':
                        points.Add((i, open.ToString()));
                        break;
                }
            }

            foreach ((int position, string stack) in Enumerable.Reverse(points).Take(MaxTries))
            {
                if (stack.Length == 0)
                {
                    continue;
                }

                string closers = new string(stack.Reverse().Select(b => b == '{' ? '}' : ']').ToArray());
                if (JsonRepair.ParseObject(block.Substring(0, position) + closers) is { } closed)
                {
                    return closed;
                }
            }

            return null;
        }
    }
}
