using System.Collections.Generic;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// A spec's errcode table: its own <c>errors</c> rows, then the rows of each included error set that the spec does not
    /// list itself. An own row for an included code keeps the set's name and may override message and solution. The parser
    /// merges when every included set is built in; the cross-spec check merges a table that names a user-declared set.
    /// </summary>
    internal static class ErrorTable
    {
        public static EquatableArray<ErrorSpec> Merge(
            string filePath,
            IReadOnlyList<ErrorRow> rows,
            IReadOnlyList<(ErrorSetInclude Include, IReadOnlyList<ErrorSpec> Rows)> sets,
            List<SpecDiagnostic> diagnostics)
        {
            // The first set that lists a code gives its row, located at the set's name in this spec.
            var included = new Dictionary<int, ErrorSpec>();
            var includedNames = new Dictionary<string, int>(System.StringComparer.Ordinal);
            foreach ((ErrorSetInclude include, IReadOnlyList<ErrorSpec> set) in sets)
            {
                foreach (ErrorSpec row in set)
                {
                    if (included.ContainsKey(row.Code))
                    {
                        continue;
                    }

                    if (includedNames.TryGetValue(row.Name, out int otherCode))
                    {
                        diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.ErrorCodeConflict, $"The error name '{row.Name}' is errcode {row.Code} in error set '{include.Name}' but {otherCode} in another included set; TcbErrorCode needs one code per name.", filePath, include.Span));
                        continue;
                    }

                    included.Add(row.Code, row with { Span = include.Span });
                    includedNames.Add(row.Name, row.Code);
                }
            }

            var errors = new List<ErrorSpec>();
            var codes = new HashSet<int>();
            // Each own name with its row, so that an included row's name clash finds the row without a scan (a table of
            // 120,000 rows must stay linear).
            var names = new Dictionary<string, ErrorSpec>(System.StringComparer.Ordinal);
            foreach (ErrorRow row in rows)
            {
                ErrorSpec? inherited = included.TryGetValue(row.Code, out ErrorSpec? found) ? found : null;
                if (row.Name == null && inherited == null)
                {
                    SourceSpan start = row.Span with { Length = 1, EndLine = row.Span.StartLine, EndColumn = row.Span.StartColumn + 1 };
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.MissingProperty, "An error must have 'name'.", filePath, start));
                    continue;
                }

                if (row.Name != null && inherited != null && row.Name != inherited.Name)
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.ErrorCodeConflict, $"errcode {row.Code} is named '{inherited.Name}' in an included error set; TcbErrorCode needs one name per code, so use '{inherited.Name}' or leave 'name' out.", filePath, row.NameSpan ?? row.Span));
                    continue;
                }

                string name = row.Name ?? inherited!.Name;
                if (!codes.Add(row.Code))
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateError, $"Error code {row.Code} is listed twice.", filePath, row.CodeSpan));
                }
                else if (names.ContainsKey(name))
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateError, $"Error name '{name}' is used twice; two codes need two names.", filePath, row.NameSpan ?? row.CodeSpan));
                }
                else
                {
                    var own = new ErrorSpec(row.Code, name, row.Message ?? inherited?.Message ?? string.Empty, row.Solution ?? inherited?.Solution, row.Span);
                    names.Add(name, own);
                    errors.Add(own);
                }
            }

            foreach (ErrorSpec row in included.Values)
            {
                if (codes.Contains(row.Code))
                {
                    continue;
                }

                if (names.TryGetValue(row.Name, out ErrorSpec? own))
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.ErrorCodeConflict, $"The error name '{row.Name}' is errcode {row.Code} in an included error set but {own.Code} here; give errcode {own.Code} another name.", filePath, own.Span));
                    continue;
                }

                errors.Add(row);
            }

            return errors.ToEquatableArray();
        }
    }
}
