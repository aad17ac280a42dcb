using System;
using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// Error sets the user declares (<c>"defineErrorSets"</c> in a spec, <c>"errorSets"</c> in a definitions file), merged
    /// into the error tables of the specs that include them by name. A name no file declares, or that two files declare
    /// with different rows (ambiguous), is TCB0019 at the include; the spec is then not generated.
    /// </summary>
    internal static class UserErrorSets
    {
        public static List<EndpointSpec> Merge(IReadOnlyList<ParsedSpec> parsed, List<EndpointSpec> specs, List<SpecDiagnostic> diagnostics)
        {
            if (!specs.Any(s => s.PendingErrors != null))
            {
                return specs;
            }

            Declared(parsed, out Dictionary<string, (ErrorSetDeclaration Set, string File)> declared, out Dictionary<string, List<string>> ambiguous);
            var merged = new List<EndpointSpec>();
            foreach (EndpointSpec spec in specs)
            {
                if (spec.PendingErrors == null)
                {
                    merged.Add(spec);
                    continue;
                }

                var found = new List<SpecDiagnostic>();
                var sets = new List<(ErrorSetInclude Include, IReadOnlyList<ErrorSpec> Rows)>();
                foreach (ErrorSetInclude include in spec.PendingErrors.Includes)
                {
                    string? problem = null;
                    if (ErrorSets.TryGet(include.Name, out IReadOnlyList<ErrorSpec> builtIn))
                    {
                        sets.Add((include, builtIn));
                    }
                    else if (ambiguous.TryGetValue(include.Name, out List<string>? files))
                    {
                        problem = $"Error set '{include.Name}' is ambiguous: {string.Join(" and ", files)} declare it with different rows; make them agree or rename one.";
                    }
                    else if (declared.TryGetValue(include.Name, out var declaration))
                    {
                        sets.Add((include, declaration.Set.Rows.ToList()));
                    }
                    else
                    {
                        string user = declared.Count == 0 ? "no file declares one" : "the declared sets are: " + string.Join(", ", declared.Keys.OrderBy(k => k, StringComparer.Ordinal));
                        problem = $"There is no error set named '{include.Name}'; the built-in sets are: {string.Join(", ", ErrorSets.Names)}; {user}.";
                    }

                    if (problem != null)
                    {
                        found.Add(new SpecDiagnostic(SpecDiagnosticIds.UnknownReference, problem, spec.FilePath, include.Span));
                    }
                }

                EquatableArray<ErrorSpec> errors = found.Count == 0 ? ErrorTable.Merge(spec.FilePath, spec.PendingErrors.Rows, sets, found) : EquatableArray<ErrorSpec>.Empty;
                if (found.Count > 0)
                {
                    diagnostics.AddRange(found);
                    continue;
                }

                merged.Add(spec with { Errors = errors, PendingErrors = null });
            }

            return merged;
        }

        /// <summary>Each declared set by name, first file by name; names two files declare with different rows, with those files.</summary>
        private static void Declared(IReadOnlyList<ParsedSpec> parsed, out Dictionary<string, (ErrorSetDeclaration Set, string File)> declared, out Dictionary<string, List<string>> ambiguous)
        {
            declared = new Dictionary<string, (ErrorSetDeclaration Set, string File)>(StringComparer.Ordinal);
            ambiguous = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            IEnumerable<(string File, EquatableArray<ErrorSetDeclaration> Sets)> holders = parsed
                .Select(p => (File: SpecFiles.NameOf(p.FilePath), Sets: p.Definitions?.ErrorSets ?? p.Spec?.ErrorSetDeclarations ?? EquatableArray<ErrorSetDeclaration>.Empty))
                .Where(h => h.Sets.Count > 0)
                .OrderBy(h => h.File, StringComparer.Ordinal);
            foreach ((string file, EquatableArray<ErrorSetDeclaration> sets) in holders)
            {
                foreach (ErrorSetDeclaration set in sets)
                {
                    if (!declared.TryGetValue(set.Name, out var earlier))
                    {
                        declared.Add(set.Name, (set, file));
                    }
                    else if (!earlier.Set.Rows.Equals(set.Rows))
                    {
                        if (!ambiguous.TryGetValue(set.Name, out List<string>? files))
                        {
                            ambiguous[set.Name] = files = new List<string> { earlier.File };
                        }

                        files.Add(file);
                    }
                }
            }
        }
    }
}
