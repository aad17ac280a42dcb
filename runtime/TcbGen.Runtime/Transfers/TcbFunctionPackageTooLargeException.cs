using System;

namespace TcbGen.Runtime.Transfers
{
    /// <summary>A cloud function's zip is larger than WeChat accepts (<see cref="TcbFunctionPackage.MaxZipBytes"/>, 20 MB).</summary>
    public sealed class TcbFunctionPackageTooLargeException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="zipBytes">The zip's size in bytes.</param>
        public TcbFunctionPackageTooLargeException(long zipBytes)
            : base($"The function's zip is {zipBytes} bytes; WeChat accepts at most {TcbFunctionPackage.MaxZipBytes} (20 MB). Leave out node_modules (the cloud installs dependencies) and large assets.")
        {
            ZipBytes = zipBytes;
        }

        /// <summary>The zip's size in bytes.</summary>
        public long ZipBytes { get; }
    }
}
