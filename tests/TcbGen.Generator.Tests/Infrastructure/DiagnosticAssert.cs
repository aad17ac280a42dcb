using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace TcbGen.Generator.Tests.Infrastructure
{
    internal static class DiagnosticAssert
    {
        /// <summary>
        /// The zero-based line and column of <paramref name="target"/> (default: the whole context) within
        /// <paramref name="context"/>, which must occur exactly once in <paramref name="text"/>.
        /// </summary>
        public static (int Line, int Column) At(string text, string context, string? target = null)
        {
            int start = text.IndexOf(context, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{context}' is not in the text.");
            Assert.True(text.IndexOf(context, start + 1, StringComparison.Ordinal) < 0, $"'{context}' occurs more than once in the text.");
            int inner = target == null ? 0 : context.IndexOf(target, StringComparison.Ordinal);
            Assert.True(inner >= 0, $"'{target}' is not in '{context}'.");
            int offset = start + inner;
            int lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
            int line = text.Take(offset).Count(c => c == '\n');
            return (line, offset - lineStart);
        }

        public static string ReplaceOnce(string text, string find, string replace)
        {
            int index = text.IndexOf(find, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{find}' is not in the text.");
            Assert.True(text.IndexOf(find, index + 1, StringComparison.Ordinal) < 0, $"'{find}' occurs more than once in the text.");
            return text.Substring(0, index) + replace + text.Substring(index + find.Length);
        }

        public static void AssertDiagnostic(Diagnostic diagnostic, string id, string path, (int Line, int Column) at, params string[] messageParts)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            string actual = $"{diagnostic.Id} {span.Path}({span.StartLinePosition.Line},{span.StartLinePosition.Character}): {message}";
            Assert.True(diagnostic.Id == id, $"Expected {id}, got {actual}");
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(path, span.Path);
            Assert.True(
                span.StartLinePosition.Line == at.Line && span.StartLinePosition.Character == at.Column,
                $"Expected ({at.Line},{at.Column}), got {actual}");
            foreach (string part in messageParts)
            {
                Assert.Contains(part, message, StringComparison.Ordinal);
            }
        }

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
