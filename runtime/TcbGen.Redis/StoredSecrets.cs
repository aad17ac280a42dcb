using System;
using TcbGen.Runtime;

namespace TcbGen.Redis
{
    /// <summary>
    /// The one place a secret (access token, refresh token, ticket) is turned into what Redis holds and back. With an
    /// <see cref="ITcbTokenProtector"/> registered, values are written as <c>tcbp1:</c> followed by the protected text;
    /// a value without that prefix is a plain one written before protection was turned on (or with it off), read as is
    /// and replaced by a protected one at its next write. Without a protector, values are written and read in clear, and
    /// a protected value cannot be read (<see cref="UnreadableSecretException"/>).
    /// </summary>
    internal sealed class StoredSecrets
    {
        /// <summary>Marks a protected value; the version lets a later format sit beside this one.</summary>
        internal const string ProtectedPrefix = "tcbp1:";

        private readonly ITcbTokenProtector? _protector;

        public StoredSecrets(ITcbTokenProtector? protector)
        {
            _protector = protector;
        }

        /// <summary>Whether values are written protected (so two writes of one secret differ, and Redis cannot compare them).</summary>
        public bool IsProtecting => _protector != null;

        public string Protect(string secret) => _protector is null ? secret : ProtectedPrefix + _protector.Protect(secret);

        /// <summary>The secret a stored value holds.</summary>
        /// <exception cref="UnreadableSecretException">A protected value without a protector, or one the protector cannot unprotect.</exception>
        public string Unprotect(string stored)
        {
            if (!stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal))
            {
                return stored;
            }

            if (_protector is null)
            {
                throw new UnreadableSecretException("the value in Redis is protected (" + ProtectedPrefix + ") but no ITcbTokenProtector is registered", null);
            }

            try
            {
                return _protector.Unprotect(stored.Substring(ProtectedPrefix.Length));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Not the exception's message: some protectors echo their input.
                throw new UnreadableSecretException("the ITcbTokenProtector could not unprotect the value in Redis (" + exception.GetType().Name + "; a revoked or lost key?)", exception);
            }
        }
    }

    /// <summary>A stored secret that cannot be read; its message names why, never the value.</summary>
    internal sealed class UnreadableSecretException : Exception
    {
        public UnreadableSecretException(string reason, Exception? innerException)
            : base(reason, innerException)
        {
        }
    }
}
