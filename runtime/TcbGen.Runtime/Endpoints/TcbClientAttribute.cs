using System;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Marks a generated client class or interface with the token kind its endpoints accept. The TcbGen analyzer reads it
    /// to name the right client where an endpoint is called through the wrong one (TCB1002).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
    public sealed class TcbClientAttribute : Attribute
    {
        /// <summary>Creates the attribute.</summary>
        /// <param name="tokenKind">The token kind, as specs name it (<c>authorizer_access_token</c>).</param>
        public TcbClientAttribute(string tokenKind) => TokenKind = tokenKind;

        /// <summary>The token kind, as specs name it.</summary>
        public string TokenKind { get; }
    }
}
