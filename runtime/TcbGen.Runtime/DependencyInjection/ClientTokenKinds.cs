using System.Collections.Generic;

namespace TcbGen.Runtime
{
    /// <summary>
    /// The token kinds the registered clients call with (collected by <c>AddClient(kind, …)</c>), checked on start by
    /// <see cref="ClientTokenKindsValidator"/>. An options type of its own, so the check can build the token sources, which
    /// read <see cref="TcbGenOptions"/>, without validating those options from inside their own validation.
    /// </summary>
    internal sealed class ClientTokenKinds
    {
        public HashSet<TcbTokenKind> Kinds { get; } = new HashSet<TcbTokenKind>();
    }
}
