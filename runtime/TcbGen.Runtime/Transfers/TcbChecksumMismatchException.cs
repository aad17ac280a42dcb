namespace TcbGen.Runtime.Transfers
{
    /// <summary>A download's SHA-256 differs from the checksum its ticket gave: the bytes are not returned.</summary>
    public sealed class TcbChecksumMismatchException : TcbTransferException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="expected">The ticket's checksum.</param>
        /// <param name="actual">The SHA-256 of what was downloaded, lowercase hex.</param>
        /// <param name="length">How many bytes were downloaded.</param>
        public TcbChecksumMismatchException(string expected, string actual, long length)
            : base("verified download", 0, null, $"the SHA-256 of the {length} bytes downloaded is {actual}, not the checksum {expected}")
        {
            Expected = expected;
            Actual = actual;
        }

        /// <summary>The ticket's checksum.</summary>
        public string Expected { get; }

        /// <summary>The SHA-256 of what was downloaded, lowercase hex.</summary>
        public string Actual { get; }
    }
}
