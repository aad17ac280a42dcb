using System;
using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>What holds across all specs: which endpoints may be generated, and the shared outputs' inputs.</summary>
    internal sealed record CrossSpecResult(
        EquatableArray<EndpointSpec> Accepted,
        EquatableArray<SpecDiagnostic> Diagnostics,
        EquatableArray<string> TokenKinds,
        EquatableArray<ErrorSpec> AllErrors);

    /// <summary>
    /// Checks what no single spec can: endpoint names and generated type names are unique across specs
    /// (the later file, by path, loses and is not generated), and each errcode has one name in <c>TcbErrorCode</c>.
    /// </summary>
    internal static class CrossSpecChecker
    {
        public static CrossSpecResult Check(IReadOnlyList<ParsedSpec> parsed)
        {
            IReadOnlyList<string> reservedTypeNames = ReservedNames.TypeNames(parsed.Where(p => p.Spec != null).SelectMany(p => p.Spec!.TokenKinds));
            var accepted = new List<EndpointSpec>();
            var diagnostics = new List<SpecDiagnostic>();
            // Case-insensitive, as Roslyn's hint names (and so the generated file names) are. A nested type is shared only
            // with one of exactly its name (shapes are by ordinal name), so a name differing only in case is a clash.
            var endpointFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var typeFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var kindFiles = new Dictionary<string, string>(StringComparer.Ordinal);
            var shapes = new Dictionary<string, object>(StringComparer.Ordinal);
            var conflicting = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (string reserved in reservedTypeNames)
            {
                typeFiles[reserved] = "TcbGen itself";
            }

            // By file name first, so which of two clashing files is blamed does not depend on where the files live
            // (a project folder, the NuGet cache, a temp folder): the build and `tcbgen check` always agree.
            foreach (EndpointSpec candidate in parsed.Where(p => p.Spec != null).Select(p => p.Spec!).OrderBy(s => FileName(s.FilePath), StringComparer.Ordinal).ThenBy(s => s.FilePath, StringComparer.Ordinal))
            {
                if (endpointFiles.TryGetValue(candidate.Name, out string? other) || endpointFiles.TryGetValue(candidate.TypePrefix, out other))
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateEndpoint, $"Endpoint '{candidate.Name}' is already declared in {other}; each endpoint has exactly one spec, so this file is not generated.", candidate.FilePath, candidate.NameSpan));
                    continue;
                }

                string? twinKind = candidate.TokenKinds.SelectMany(k => kindFiles.Keys.Where(known => TokenKinds.ClientNamesClash(known, k))).FirstOrDefault();
                if (twinKind != null)
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateTypeName, $"A token kind of this spec would get the same client as '{twinKind}' of {kindFiles[twinKind]}; use the same token kind, so this file can be generated.", candidate.FilePath, candidate.NameSpan));
                    continue;
                }

                EndpointSpec? spec = CheckTypeNames(candidate, typeFiles, shapes, conflicting, diagnostics);
                if (spec == null)
                {
                    continue;
                }

                string file = FileName(spec.FilePath);
                endpointFiles[spec.Name] = file;
                endpointFiles[spec.TypePrefix] = file;
                foreach (string typeName in TypeNames(spec))
                {
                    typeFiles[typeName] = file;
                }

                foreach (string kind in spec.TokenKinds)
                {
                    kindFiles[kind] = file;
                }

                accepted.Add(spec);
            }

            accepted = ResolveReferences(accepted, conflicting, diagnostics);
            return new CrossSpecResult(
                accepted.ToEquatableArray(),
                diagnostics.Concat(CollectErrors(accepted, out List<ErrorSpec> allErrors)).ToEquatableArray(),
                accepted.SelectMany(s => s.TokenKinds).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray(),
                allErrors.ToEquatableArray());
        }

        /// <summary>
        /// Every name this spec would generate, against the names already taken: each clash is reported, at the type's
        /// <c>typeName</c> (or the spec's name, for the names derived from it), and then the spec is not generated. A nested
        /// type declared earlier with the same shape is the same type: this spec borrows it.
        /// </summary>
        private static EndpointSpec? CheckTypeNames(EndpointSpec spec, Dictionary<string, string> typeFiles, Dictionary<string, object> shapes, Dictionary<string, List<string>> conflicting, List<SpecDiagnostic> diagnostics)
        {
            int before = diagnostics.Count;
            foreach (string generated in OwnTypeNames(spec).Where(typeFiles.ContainsKey))
            {
                diagnostics.Add(Clash(spec, generated, typeFiles[generated], spec.NameSpan));
            }

            // Shapes are compared only when a name is already taken, and the sets made only when a type is borrowed: the
            // common case (no type shared) allocates nothing here, as this runs for every spec on every edit of any spec.
            HashSet<string>? borrowedObjects = null;
            foreach (ObjectSpec nested in spec.NestedObjects)
            {
                if (CheckNested(spec, nested.TypeName, nested, nested.NameSpan, typeFiles, shapes, conflicting, diagnostics))
                {
                    (borrowedObjects ??= new HashSet<string>(StringComparer.Ordinal)).Add(nested.TypeName);
                }
            }

            HashSet<string>? borrowedEnums = null;
            foreach (EnumSpec nested in spec.Enums)
            {
                if (CheckNested(spec, nested.TypeName, nested, nested.NameSpan, typeFiles, shapes, conflicting, diagnostics))
                {
                    (borrowedEnums ??= new HashSet<string>(StringComparer.Ordinal)).Add(nested.TypeName);
                }
            }

            if (diagnostics.Count > before)
            {
                return null;
            }

            foreach (ObjectSpec nested in spec.NestedObjects)
            {
                if (borrowedObjects == null || !borrowedObjects.Contains(nested.TypeName))
                {
                    shapes[nested.TypeName] = nested;
                }
            }

            foreach (EnumSpec nested in spec.Enums)
            {
                if (borrowedEnums == null || !borrowedEnums.Contains(nested.TypeName))
                {
                    shapes[nested.TypeName] = nested;
                }
            }

            if (borrowedObjects == null && borrowedEnums == null)
            {
                return spec;
            }

            return spec with
            {
                NestedObjects = spec.NestedObjects.Select(o => borrowedObjects?.Contains(o.TypeName) == true ? o with { IsBorrowed = true } : o).ToEquatableArray(),
                Enums = spec.Enums.Select(e => borrowedEnums?.Contains(e.TypeName) == true ? e with { IsBorrowed = true } : e).ToEquatableArray(),
            };
        }

        /// <summary>Whether the nested type is an earlier spec's type of the same shape; reports a clash with anything else.</summary>
        private static bool CheckNested(EndpointSpec spec, string typeName, object declaration, SourceSpan? at, Dictionary<string, string> typeFiles, Dictionary<string, object> shapes, Dictionary<string, List<string>> conflicting, List<SpecDiagnostic> diagnostics)
        {
            if (!typeFiles.TryGetValue(typeName, out string? owner))
            {
                return false;
            }

            if (shapes.TryGetValue(typeName, out object? earlier) && ShapeOf(earlier).Equals(ShapeOf(declaration)))
            {
                return true;
            }

            if (shapes.ContainsKey(typeName))
            {
                if (!conflicting.TryGetValue(typeName, out List<string>? files))
                {
                    conflicting[typeName] = files = new List<string> { owner };
                }

                files.Add(FileName(spec.FilePath));
            }

            diagnostics.Add(Clash(spec, typeName, owner, at ?? spec.NameSpan));
            return false;
        }

        private static object ShapeOf(object declaration) => declaration is ObjectSpec type ? SharedTypes.Shape(type) : SharedTypes.Shape((EnumSpec)declaration);

        private static SpecDiagnostic Clash(EndpointSpec spec, string typeName, string owner, SourceSpan at) =>
            new SpecDiagnostic(SpecDiagnosticIds.DuplicateTypeName, $"The type name '{typeName}' of this spec is already used by {owner}{(owner == "TcbGen itself" ? string.Empty : " with another shape")}; set 'typeName' or 'csharpName' so this file can be generated.", spec.FilePath, at);

        /// <summary>
        /// Resolves every spec's references against the types the accepted specs declare. A spec whose references fail is
        /// not generated; as that may take away a type another spec borrows, this repeats until nothing more fails.
        /// </summary>
        private static List<EndpointSpec> ResolveReferences(List<EndpointSpec> specs, Dictionary<string, List<string>> conflicting, List<SpecDiagnostic> diagnostics)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            while (specs.Any(s => s.References.Count > 0))
            {
                var declared = new Dictionary<string, (ObjectSpec? Object, EnumSpec? Enum, string File)>(StringComparer.Ordinal);
                foreach (EndpointSpec spec in specs)
                {
                    foreach (ObjectSpec nested in spec.NestedObjects.Where(o => !o.IsBorrowed))
                    {
                        declared[nested.TypeName] = (nested, null, FileName(spec.FilePath));
                    }

                    foreach (EnumSpec nested in spec.Enums.Where(e => !e.IsBorrowed))
                    {
                        declared[nested.TypeName] = (null, nested, FileName(spec.FilePath));
                    }
                }

                var resolver = new ReferenceResolver(declared, conflicting);
                var resolved = new List<EndpointSpec>();
                var survivors = new List<EndpointSpec>();
                foreach (EndpointSpec spec in specs)
                {
                    var found = new List<SpecDiagnostic>();
                    EndpointSpec? result = resolver.Resolve(spec, found);
                    if (result != null)
                    {
                        resolved.Add(result);
                        survivors.Add(spec);
                    }
                    else if (reported.Add(spec.FilePath))
                    {
                        diagnostics.AddRange(found);
                    }
                }

                if (survivors.Count == specs.Count)
                {
                    return resolved;
                }

                // A spec that failed takes its types away; those that borrowed them are tried again without it.
                specs = survivors;
            }

            return specs;
        }

        /// <summary>The names a spec generates from its own name.</summary>
        private static IEnumerable<string> OwnTypeNames(EndpointSpec spec)
        {
            yield return spec.RequestTypeName;
            yield return spec.ResponseTypeName;
            yield return spec.ErrorEnumName;
            yield return spec.EndpointClassName;
            yield return spec.ValidatorClassName;
            yield return spec.SerializerClassName;
        }

        /// <summary>The C# names a spec emits: those derived from its name and its own (not borrowed) nested types.</summary>
        public static IEnumerable<string> TypeNames(EndpointSpec spec) =>
            OwnTypeNames(spec)
                .Concat(spec.NestedObjects.Where(o => !o.IsBorrowed).Select(o => o.TypeName))
                .Concat(spec.Enums.Where(e => !e.IsBorrowed).Select(e => e.TypeName));

        /// <summary>Every errcode once, ordered by code; a code named differently by two specs keeps its first name.</summary>
        private static IEnumerable<SpecDiagnostic> CollectErrors(List<EndpointSpec> specs, out List<ErrorSpec> allErrors)
        {
            var byCode = new Dictionary<int, (ErrorSpec Error, string File)>();
            var byName = new Dictionary<string, (ErrorSpec Error, string File)>(StringComparer.Ordinal);
            var diagnostics = new List<SpecDiagnostic>();
            foreach (EndpointSpec spec in specs)
            {
                foreach (ErrorSpec error in spec.Errors)
                {
                    if (byCode.TryGetValue(error.Code, out var known))
                    {
                        if (known.Error.Name != error.Name)
                        {
                            diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.ErrorCodeConflict, $"errcode {error.Code} is named '{error.Name}' here but '{known.Error.Name}' in {known.File}; TcbErrorCode needs one name per code.", spec.FilePath, error.Span));
                        }

                        continue;
                    }

                    if (byName.TryGetValue(error.Name, out known))
                    {
                        diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.ErrorCodeConflict, $"The error name '{error.Name}' is errcode {error.Code} here but {known.Error.Code} in {known.File}; TcbErrorCode needs one code per name.", spec.FilePath, error.Span));
                        continue;
                    }

                    // Without its location, so that moving an error within its file re-emits nothing shared.
                    ErrorSpec shared = error with { Span = SourceSpan.Empty };
                    byCode.Add(error.Code, (shared, FileName(spec.FilePath)));
                    byName.Add(error.Name, (shared, FileName(spec.FilePath)));
                }
            }

            allErrors = byCode.Values.Select(v => v.Error).OrderBy(e => e.Code).ToList();
            return diagnostics;
        }

        private static string FileName(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
