using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// No usable access token could be had because the place tokens are shared through (e.g. Redis) is unreachable or no
    /// instance renewed the token in time. The message names the cause, never a connection string, password or token.
    /// </summary>
    public sealed class TcbTokenUnavailableException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="tokenKey">Which token was needed.</param>
        /// <param name="cause">Why it is unavailable, free of secrets.</param>
        /// <param name="innerException">The failure behind it, if any.</param>
        public TcbTokenUnavailableException(TcbTokenKey tokenKey, string cause, Exception? innerException = null)
            : base("No usable " + tokenKey + " token: " + cause, innerException)
        {
            TokenKey = tokenKey;
            Cause = cause;
        }

        /// <summary>Which token was needed.</summary>
        public TcbTokenKey TokenKey { get; }

        /// <summary>Why it is unavailable.</summary>
        public string Cause { get; }
    }
}
