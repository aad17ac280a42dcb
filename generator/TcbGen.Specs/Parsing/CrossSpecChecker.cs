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
        EquatableArray<ErrorSpec> AllErrors,
        EquatableArray<DefinitionsSpec> Definitions = default);

    /// <summary>
    /// Checks what no single spec can: endpoint names and generated type names are unique across specs
    /// (the later file, by path, loses and is not generated), and each errcode has one name in <c>TcbErrorCode</c>.
    /// Definitions files come first: the types they declare are theirs, and a spec declaring the same shape borrows it.
    /// Then user-declared error sets are merged into the tables that include them, and references are resolved.
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
            var endpointFiles = new Dictionary<string, string>(Naming.CaseFoldComparer);
            var typeFiles = new Dictionary<string, string>(Naming.CaseFoldComparer);
            var kindFiles = new Dictionary<string, string>(StringComparer.Ordinal);
            var shapes = new Dictionary<string, object>(StringComparer.Ordinal);
            var conflicting = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (string reserved in reservedTypeNames)
            {
                typeFiles[reserved] = "TcbGen itself";
            }

            var definitions = new List<DefinitionsSpec>();
            var definitionFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DefinitionsSpec candidate in parsed.Where(p => p.Definitions != null).Select(p => p.Definitions!).OrderBy(d => FileName(d.FilePath), StringComparer.Ordinal).ThenBy(d => d.FilePath, StringComparer.Ordinal))
            {
                // One generated file per definitions file, named after it.
                if (definitionFiles.TryGetValue(SpecParser.DefinitionsName(candidate.FilePath), out string? twin))
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateEndpoint, $"The definitions file {twin} has the same name up to case (and characters a file name cannot hold); rename one, so this file can be generated.", candidate.FilePath, candidate.RootSpan));
                    continue;
                }

                if (!CheckNestedTypes(candidate.FilePath, candidate.RootSpan, candidate.NestedObjects, candidate.Enums, typeFiles, shapes, conflicting, diagnostics, out var objects, out var enums))
                {
                    continue;
                }

                DefinitionsSpec checkedDefinitions = candidate with { NestedObjects = objects, Enums = enums };
                Register(FileName(candidate.FilePath), objects, enums, typeFiles);
                definitionFiles[SpecParser.DefinitionsName(candidate.FilePath)] = candidate.FilePath;
                definitions.Add(checkedDefinitions);
            }

            // By file name first, so which of two clashing files is blamed does not depend on where the files live
            // (a project folder, the NuGet cache, a temp folder): the build and `tcbgen check` always agree.
            foreach (EndpointSpec candidate in parsed.Where(p => p.Spec != null).Select(p => p.Spec!).OrderBy(s => FileName(s.FilePath), StringComparer.Ordinal).ThenBy(s => s.FilePath, StringComparer.Ordinal))
            {
                bool sameName = endpointFiles.TryGetValue(candidate.Name, out string? other);
                if (sameName || endpointFiles.TryGetValue(candidate.TypePrefix, out other))
                {
                    // At the node that clashes: the name, or the 'csharpName' the prefix comes from.
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateEndpoint, $"Endpoint '{candidate.Name}' is already declared in {other}; each endpoint has exactly one spec, so this file is not generated.", candidate.FilePath, sameName ? candidate.NameSpan : candidate.PrefixSpan ?? candidate.NameSpan));
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

            accepted = UserErrorSets.Merge(parsed, accepted, diagnostics);
            accepted = ResolveReferences(accepted, definitions, conflicting, diagnostics);
            return new CrossSpecResult(
                accepted.ToEquatableArray(),
                diagnostics.Concat(CollectErrors(accepted, out List<ErrorSpec> allErrors)).ToEquatableArray(),
                accepted.SelectMany(s => s.TokenKinds).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray(),
                allErrors.ToEquatableArray(),
                definitions.ToEquatableArray());
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
                diagnostics.Add(Clash(spec.FilePath, generated, typeFiles[generated], spec.NameSpan));
            }

            bool nestedOk = CheckNestedTypes(spec.FilePath, spec.NameSpan, spec.NestedObjects, spec.Enums, typeFiles, shapes, conflicting, diagnostics, out var objects, out var enums);
            if (!nestedOk || diagnostics.Count > before)
            {
                return null;
            }

            return objects.Equals(spec.NestedObjects) && enums.Equals(spec.Enums) ? spec : spec with { NestedObjects = objects, Enums = enums };
        }

        /// <summary>
        /// A file's nested types against the names already taken: each clash reported at its <c>typeName</c> (else at
        /// <paramref name="fallback"/>); on success the types with those declared earlier in the same shape marked borrowed,
        /// and the others' shapes recorded.
        /// </summary>
        private static bool CheckNestedTypes(string filePath, SourceSpan fallback, EquatableArray<ObjectSpec> nestedObjects, EquatableArray<EnumSpec> nestedEnums, Dictionary<string, string> typeFiles, Dictionary<string, object> shapes, Dictionary<string, List<string>> conflicting, List<SpecDiagnostic> diagnostics, out EquatableArray<ObjectSpec> objects, out EquatableArray<EnumSpec> enums)
        {
            objects = nestedObjects;
            enums = nestedEnums;
            int before = diagnostics.Count;
            // Shapes are compared only when a name is already taken, and the sets made only when a type is borrowed: the
            // common case (no type shared) allocates nothing here, as this runs for every spec on every edit of any spec.
            HashSet<string>? borrowedObjects = null;
            foreach (ObjectSpec nested in nestedObjects)
            {
                if (CheckNested(filePath, fallback, nested.TypeName, nested, nested.NameSpan, typeFiles, shapes, conflicting, diagnostics))
                {
                    (borrowedObjects ??= new HashSet<string>(StringComparer.Ordinal)).Add(nested.TypeName);
                }
            }

            HashSet<string>? borrowedEnums = null;
            foreach (EnumSpec nested in nestedEnums)
            {
                if (CheckNested(filePath, fallback, nested.TypeName, nested, nested.NameSpan, typeFiles, shapes, conflicting, diagnostics))
                {
                    (borrowedEnums ??= new HashSet<string>(StringComparer.Ordinal)).Add(nested.TypeName);
                }
            }

            if (diagnostics.Count > before)
            {
                return false;
            }

            foreach (ObjectSpec nested in nestedObjects)
            {
                if (borrowedObjects == null || !borrowedObjects.Contains(nested.TypeName))
                {
                    shapes[nested.TypeName] = nested;
                }
            }

            foreach (EnumSpec nested in nestedEnums)
            {
                if (borrowedEnums == null || !borrowedEnums.Contains(nested.TypeName))
                {
                    shapes[nested.TypeName] = nested;
                }
            }

            if (borrowedObjects != null || borrowedEnums != null)
            {
                objects = nestedObjects.Select(o => borrowedObjects?.Contains(o.TypeName) == true ? o with { IsBorrowed = true } : o).ToEquatableArray();
                enums = nestedEnums.Select(e => borrowedEnums?.Contains(e.TypeName) == true ? e with { IsBorrowed = true } : e).ToEquatableArray();
            }

            return true;
        }

        /// <summary>Takes the names of a file's own (not borrowed) nested types for it.</summary>
        private static void Register(string file, EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums, Dictionary<string, string> typeFiles)
        {
            foreach (string typeName in objects.Where(o => !o.IsBorrowed).Select(o => o.TypeName).Concat(enums.Where(e => !e.IsBorrowed).Select(e => e.TypeName)))
            {
                typeFiles[typeName] = file;
            }
        }

        /// <summary>Whether the nested type is an earlier spec's type of the same shape; reports a clash with anything else.</summary>
        private static bool CheckNested(string filePath, SourceSpan fallback, string typeName, object declaration, SourceSpan? at, Dictionary<string, string> typeFiles, Dictionary<string, object> shapes, Dictionary<string, List<string>> conflicting, List<SpecDiagnostic> diagnostics)
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

                files.Add(FileName(filePath));
            }

            diagnostics.Add(Clash(filePath, typeName, owner, at ?? fallback));
            return false;
        }

        private static object ShapeOf(object declaration) => declaration is ObjectSpec type ? SharedTypes.Shape(type) : SharedTypes.Shape((EnumSpec)declaration);

        private static SpecDiagnostic Clash(string filePath, string typeName, string owner, SourceSpan at) =>
            new SpecDiagnostic(SpecDiagnosticIds.DuplicateTypeName, $"The type name '{typeName}' of this {(SpecParser.IsDefinitionsFile(filePath) ? "file" : "spec")} is already used by {owner}{(owner == "TcbGen itself" ? string.Empty : " with another shape")}; set 'typeName' or 'csharpName' so this file can be generated.", filePath, at);

        /// <summary>
        /// Resolves every spec's and definitions file's references against the types they declare. A file whose references
        /// fail is not generated; as that may take away a type another file borrows, this repeats until nothing more fails.
        /// </summary>
        private static List<EndpointSpec> ResolveReferences(List<EndpointSpec> specs, List<DefinitionsSpec> definitions, Dictionary<string, List<string>> conflicting, List<SpecDiagnostic> diagnostics)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            specs = Reown(specs, definitions);
            while (specs.Any(s => s.References.Count > 0) || definitions.Any(d => d.References.Count > 0))
            {
                var declared = new Dictionary<string, (ObjectSpec? Object, EnumSpec? Enum, string File)>(StringComparer.Ordinal);
                foreach ((string file, EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums) in definitions.Select(d => (d.FilePath, d.NestedObjects, d.Enums)).Concat(specs.Select(s => (s.FilePath, s.NestedObjects, s.Enums))))
                {
                    foreach (ObjectSpec nested in objects.Where(o => !o.IsBorrowed))
                    {
                        declared[nested.TypeName] = (nested, null, FileName(file));
                    }

                    foreach (EnumSpec nested in enums.Where(e => !e.IsBorrowed))
                    {
                        declared[nested.TypeName] = (null, nested, FileName(file));
                    }
                }

                var resolver = new ReferenceResolver(declared, conflicting);
                List<EndpointSpec> resolvedSpecs = Survivors(specs, s => s.FilePath, (s, found) => resolver.Resolve(s, found), reported, diagnostics, out List<EndpointSpec> specSurvivors);
                List<DefinitionsSpec> resolvedDefinitions = Survivors(definitions, d => d.FilePath, (d, found) => resolver.Resolve(d, found), reported, diagnostics, out List<DefinitionsSpec> definitionSurvivors);
                if (specSurvivors.Count == specs.Count && definitionSurvivors.Count == definitions.Count)
                {
                    definitions.Clear();
                    definitions.AddRange(resolvedDefinitions);
                    return resolvedSpecs;
                }

                // A file that failed takes its types away; those that borrowed them are tried again without it.
                definitions.Clear();
                definitions.AddRange(definitionSurvivors);
                specs = Reown(specSurvivors, definitions);
            }

            return specs;
        }

        /// <summary>
        /// A type several files declare in one shape is emitted by the first of them (definitions files first, then specs
        /// by file name) and borrowed by the others. When the declaring file is not generated after all (its error sets or
        /// references failed), the next file declaring the shape emits the type instead: without this, the borrowers would
        /// be generated using a type nobody emits (CS0246), one file's error breaking another's code.
        /// </summary>
        private static List<EndpointSpec> Reown(List<EndpointSpec> specs, List<DefinitionsSpec> definitions)
        {
            if (!definitions.Any(d => d.NestedObjects.Any(o => o.IsBorrowed) || d.Enums.Any(e => e.IsBorrowed)) && !specs.Any(s => s.NestedObjects.Any(o => o.IsBorrowed) || s.Enums.Any(e => e.IsBorrowed)))
            {
                return specs;
            }

            var emitted = new HashSet<string>(StringComparer.Ordinal);
            foreach ((EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums) in definitions.Select(d => (d.NestedObjects, d.Enums)).Concat(specs.Select(s => (s.NestedObjects, s.Enums))))
            {
                emitted.UnionWith(objects.Where(o => !o.IsBorrowed).Select(o => o.TypeName));
                emitted.UnionWith(enums.Where(e => !e.IsBorrowed).Select(e => e.TypeName));
            }

            for (int i = 0; i < definitions.Count; i++)
            {
                if (Unborrow(definitions[i].NestedObjects, definitions[i].Enums, emitted, out var objects, out var enums))
                {
                    definitions[i] = definitions[i] with { NestedObjects = objects, Enums = enums };
                }
            }

            var result = new List<EndpointSpec>(specs.Count);
            foreach (EndpointSpec spec in specs)
            {
                result.Add(Unborrow(spec.NestedObjects, spec.Enums, emitted, out var objects, out var enums) ? spec with { NestedObjects = objects, Enums = enums } : spec);
            }

            return result;
        }

        /// <summary>The file's borrowed types that no file emits any more, made its own (and so emitted); false when there are none.</summary>
        private static bool Unborrow(EquatableArray<ObjectSpec> objects, EquatableArray<EnumSpec> enums, HashSet<string> emitted, out EquatableArray<ObjectSpec> newObjects, out EquatableArray<EnumSpec> newEnums)
        {
            newObjects = objects;
            newEnums = enums;
            if (!objects.Any(o => o.IsBorrowed && !emitted.Contains(o.TypeName)) && !enums.Any(e => e.IsBorrowed && !emitted.Contains(e.TypeName)))
            {
                return false;
            }

            newObjects = objects.Select(o => o.IsBorrowed && emitted.Add(o.TypeName) ? o with { IsBorrowed = false } : o).ToEquatableArray();
            newEnums = enums.Select(e => e.IsBorrowed && emitted.Add(e.TypeName) ? e with { IsBorrowed = false } : e).ToEquatableArray();
            return true;
        }

        /// <summary>Each item resolved, the items that resolved as they were, and the problems of the others, once per file.</summary>
        private static List<T> Survivors<T>(List<T> items, Func<T, string> file, Func<T, List<SpecDiagnostic>, T?> resolve, HashSet<string> reported, List<SpecDiagnostic> diagnostics, out List<T> survivors)
            where T : class
        {
            var resolved = new List<T>();
            survivors = new List<T>();
            foreach (T item in items)
            {
                var found = new List<SpecDiagnostic>();
                T? result = resolve(item, found);
                if (result != null)
                {
                    resolved.Add(result);
                    survivors.Add(item);
                }
                else if (reported.Add(file(item)))
                {
                    diagnostics.AddRange(found);
                }
            }

            return resolved;
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

        /// <summary>A file's name without its folder: what diagnostics name other files by, and what orders them.</summary>
        internal static string FileName(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
