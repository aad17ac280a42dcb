namespace TcbGen.Runtime
{
    /// <summary>
    /// Implemented by a token source that serves only some token kinds, so that a kind the registered clients need but no
    /// source serves fails at start-up (<c>ValidateOnStart</c>) instead of at the first call. A source that does not
    /// implement it is taken to serve every kind.
    /// </summary>
    public interface ITcbServedTokenKinds
    {
        /// <summary>Whether the source supplies tokens of <paramref name="kind"/>.</summary>
        /// <param name="kind">The kind.</param>
        /// <returns><see langword="true"/> if a call needing this kind can get a token from the source.</returns>
        bool Serves(TcbTokenKind kind);
    }
}
