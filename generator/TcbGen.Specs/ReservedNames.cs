using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Specs
{
    /// <summary>
    /// The C# type names TcbGen emits itself, which no spec may take (TCB0014). Held here, not in the generator, so the
    /// emulator and the CLI reject exactly the specs the build rejects.
    /// </summary>
    internal static class ReservedNames
    {
        /// <summary>The enum with every errcode of every spec.</summary>
        public const string AllErrorsEnum = "TcbErrorCode";

        /// <summary>The static class with the generated <c>AddTcbClients()</c> registration.</summary>
        public const string ClientRegistration = "TcbClientRegistration";

        /// <summary>
        /// The shared types for specs that use <paramref name="tokenKinds"/>: each kind's client and interface (and client factory
        /// with its interface), <see cref="ClientRegistration"/> and <see cref="AllErrorsEnum"/>.
        /// </summary>
        public static IReadOnlyList<string> TypeNames(IEnumerable<string> tokenKinds) =>
            tokenKinds.Distinct()
                .Select(TokenKinds.Of)
                .SelectMany(kind => new[] { kind.ClientClassName, kind.ClientInterfaceName, kind.ClientFactoryClassName, kind.ClientFactoryInterfaceName })
                .Concat(new[] { ClientRegistration, AllErrorsEnum })
                .ToList();
    }
}
