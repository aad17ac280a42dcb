using System;

namespace TcbGen.Runtime
{
    /// <summary>One <c>UseAccessTokenSourceFor</c> registration: the kind and how to build its source.</summary>
    internal sealed class TokenSourceForKind
    {
        public TokenSourceForKind(TcbTokenKind kind, Func<IServiceProvider, ITcbAccessTokenSource> factory)
        {
            Kind = kind;
            Factory = factory;
        }

        public TcbTokenKind Kind { get; }

        public Func<IServiceProvider, ITcbAccessTokenSource> Factory { get; }
    }
}
