namespace TcbGen.Cli.Import
{
    /// <summary>The bracket depth of JSON text read line by line, not counting brackets inside strings.</summary>
    internal sealed class JsonDepth
    {
        private int _depth;
        private JsonStrings _strings;

        /// <summary>Reads one more line and returns the depth after it.</summary>
        public int Read(string line)
        {
            foreach (char c in line)
            {
                if (_strings.Holds(c))
                {
                    continue;
                }

                switch (c)
                {
                    case '[':
                    case '{':
                        _depth++;
                        break;
                    case ']':
                    case '}':
                        _depth--;
                        break;
                }
            }

            return _depth;
        }
    }
}
