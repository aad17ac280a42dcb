using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// A pushed message failed a check (signature, timestamp, size, XML, cipher, padding, appid). The message names the
    /// check only: it never carries the body, the ciphertext or any decrypted bytes.
    /// </summary>
    public sealed class TcbMessageRejectedException : Exception
    {
        /// <summary>Creates the exception for one failed check.</summary>
        /// <param name="reason">The check that failed.</param>
        /// <param name="message">What failed, without any of the message's content.</param>
        public TcbMessageRejectedException(TcbMessageRejection reason, string message)
            : base(message)
        {
            Reason = reason;
        }

        /// <summary>The check that failed.</summary>
        public TcbMessageRejection Reason { get; }
    }
}
