using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TcbGen.Generator.Tests.Infrastructure
{
    internal static class DiagnosticAssert
    {
        /// <summary>Fails with every diagnostic spelled out, not a truncated collection dump.</summary>
        public static void None(IEnumerable<Diagnostic> diagnostics)
        {
            List<Diagnostic> list = diagnostics.ToList();
            if (list.Count > 0)
            {
                Assert.Fail($"{list.Count} unexpected diagnostic(s):\n" + string.Join("\n", list.Take(30).Select(d => d.ToString())));
            }
        }
    }
}
