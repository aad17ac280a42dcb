namespace TcbGen.Cli.Import
{
    /// <summary>
    /// Which characters of JSON text belong to a string, read one at a time (escapes followed), so a scanner counts
    /// brackets and commas only outside strings.
    /// </summary>
    internal struct JsonStrings
    {
        private bool _inString;
        private bool _escaped;

        /// <summary>Reads the next character; true when it is part of a string, its quotes included.</summary>
        public bool Holds(char c)
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

                return true;
            }

            _inString = c == '"';
            return _inString;
        }
    }
}
