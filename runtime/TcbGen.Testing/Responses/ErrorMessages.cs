using System.Collections.Generic;
using TcbGen.Specs.Model;

namespace TcbGen.Testing.Responses
{
    /// <summary>The errmsg for an errcode: the spec's error table first, then the standard messages.</summary>
    internal sealed class ErrorMessages
    {
        private readonly Dictionary<int, string> _specTable;

        private ErrorMessages(Dictionary<int, string> specTable)
        {
            _specTable = specTable;
        }

        public static ErrorMessages Standard { get; } = new ErrorMessages(new Dictionary<int, string>());

        public static ErrorMessages WithSpecTable(IEnumerable<ErrorSpec> errors)
        {
            var table = new Dictionary<int, string>();
            foreach (ErrorSpec error in errors)
            {
                // A row without a documented errmsg falls back to the standard one.
                if (error.Message.Length > 0)
                {
                    table[error.Code] = error.Message;
                }
            }

            return new ErrorMessages(table);
        }

        public string For(int errcode)
        {
            if (_specTable.TryGetValue(errcode, out string? message) || StandardErrors.Messages.TryGetValue(errcode, out message))
            {
                return message;
            }

            return "emulated error " + errcode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
