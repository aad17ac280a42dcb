namespace TcbGen.Cli.Import
{
    /// <summary>The bracket depth of JSON text read line by line, not counting brackets inside strings.</summary>
    internal sealed class JsonDepth
    {
        private int _depth;
        private bool _inString;
        private bool _escaped;

        /// <summary>Reads one more line and returns the depth after it.</summary>
        public int Read(string line)
        {
            foreach (char c in line)
            {
                if (_inString)
                {
                    if (_escaped)
                    {
                        _escaped = false;
                    }
                    else if (c == '\\')
                    {
                        _escaped = true;
                    }
                    else if (c == '"')
                    {
                        _inString = false;
                    }

                    continue;
                }

                switch (c)
                {
                    case '"':
                        _inString = true;
                        break;
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
