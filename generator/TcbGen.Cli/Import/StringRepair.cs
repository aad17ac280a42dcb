using System.Text;

namespace TcbGen.Cli.Import
{
    /// <summary>
    /// What WeChat's examples get wrong inside JSON strings: <c>\'</c> (a JavaScript escape JSON does not have) becomes
    /// <c>'</c>, and a raw line break or tab inside a string becomes its escape.
    /// </summary>
    internal static class StringRepair
    {
        public static string Escapes(string json)
        {
            var text = new StringBuilder(json.Length);
            bool inString = false;
            for (int i = 0; i < json.Length; i++)
            {
                char c = json[i];
                if (!inString)
                {
                    inString = c == '"';
                    text.Append(c);
                    continue;
                }

                if (c == '\\' && i + 1 < json.Length)
                {
                    char next = json[++i];
                    text.Append(next == '\'' ? "'" : "\\" + next);
                }
                else if (c == '"')
                {
                    inString = false;
                    text.Append(c);
                }
                else if (c == '\n' || c == '\r' || c == '\t')
                {
                    text.Append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
                }
                else
                {
                    text.Append(c);
                }
            }

            return text.ToString();
        }
    }
}
