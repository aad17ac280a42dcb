using System.Collections.Generic;
using System.Linq;

namespace TcbGen.Generator.Specs
{
    /// <summary>
    /// Names the generator emits itself, which no spec may take: the client class and interface of every token kind the
    /// specs use, and <c>TcbErrorCode</c>. Here, beside the parser, so the build and <c>tcbgen check</c> reserve the same names.
    /// </summary>
    internal static class ReservedTypeNames
    {
        /// <summary>The enum holding every errcode of every spec.</summary>
        public const string AllErrorsEnum = "TcbErrorCode";

        public static string[] Of(IEnumerable<ParsedSpec> all) =>
            all.Where(p => p.Spec != null)
                .SelectMany(p => p.Spec!.TokenKinds)
                .SelectMany(kind => new[] { ClientNames.Class(kind), ClientNames.Interface(kind) })
                .Concat(new[] { AllErrorsEnum })
                .ToArray();
    }
}
