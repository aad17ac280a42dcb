namespace TcbGen.Runtime
{
    /// <summary>
    /// Protects tokens where they rest outside the process (a shared store such as Redis): access tokens, authorizer
    /// refresh tokens. Opt-in: register one (e.g. <c>ProtectTokensWithDataProtection()</c> from TcbGen.AspNetCore, or your
    /// own over a KMS) and the stores that support it write protected values from then on. Never used on the in-process
    /// path: a token held in memory is served as is.
    /// </summary>
    /// <remarks>
    /// Implementations must be thread-safe, and every instance sharing a store must be able to unprotect what any of them
    /// protected (one key ring). <see cref="Unprotect"/> throws (e.g. a <c>CryptographicException</c>) when it cannot:
    /// a revoked or lost key, or a value that was tampered with.
    /// </remarks>
    public interface ITcbTokenProtector
    {
        /// <summary>Protects a token for storing.</summary>
        /// <param name="token">The token in clear.</param>
        /// <returns>Text that reveals nothing of the token.</returns>
        string Protect(string token);

        /// <summary>Recovers a token from what <see cref="Protect"/> returned (with any key of the ring, old ones included).</summary>
        /// <param name="protectedToken">What <see cref="Protect"/> returned.</param>
        /// <returns>The token in clear.</returns>
        string Unprotect(string protectedToken);
    }
}
