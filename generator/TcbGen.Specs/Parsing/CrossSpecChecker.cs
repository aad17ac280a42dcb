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
    /// One instance checks one set of files: it holds the names taken so far and the problems found.
    /// </summary>
    internal sealed partial class CrossSpecChecker
    {
        private const string TcbGenItself = "TcbGen itself";

        private readonly IReadOnlyList<ParsedSpec> _parsed;
        private readonly List<SpecDiagnostic> _diagnostics = new List<SpecDiagnostic>();

        // Case-insensitive, as Roslyn's hint names (and so the generated file names) are. A nested type is shared only
        // with one of exactly its name (shapes are by ordinal name), so a name differing only in case is a clash.
        private readonly Dictionary<string, string> _endpointFiles = new Dictionary<string, string>(Naming.CaseFoldComparer);
        private readonly Dictionary<string, string> _typeFiles = new Dictionary<string, string>(Naming.CaseFoldComparer);
        private readonly Dictionary<string, string> _kindFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _definitionFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        private CrossSpecChecker(IReadOnlyList<ParsedSpec> parsed)
        {
            _parsed = parsed;
            foreach (string reserved in ReservedNames.TypeNames(parsed.Where(p => p.Spec != null).SelectMany(p => p.Spec!.TokenKinds)))
            {
                _typeFiles[reserved] = TcbGenItself;
            }
        }

        public static CrossSpecResult Check(IReadOnlyList<ParsedSpec> parsed) => new CrossSpecChecker(parsed).Run();

        private CrossSpecResult Run()
        {
            var definitions = new List<DefinitionsSpec>();
            foreach (DefinitionsSpec candidate in _parsed.Where(p => p.Definitions != null).Select(p => p.Definitions!).OrderBy(d => SpecFiles.NameOf(d.FilePath), StringComparer.Ordinal).ThenBy(d => d.FilePath, StringComparer.Ordinal))
            {
                DefinitionsSpec? accepted = Accept(candidate);
                if (accepted != null)
                {
                    definitions.Add(accepted);
                }
            }

            // By file name first, so which of two clashing files is blamed does not depend on where the files live
            // (a project folder, the NuGet cache, a temp folder): the build and `tcbgen check` always agree.
            var specs = new List<EndpointSpec>();
            foreach (EndpointSpec candidate in _parsed.Where(p => p.Spec != null).Select(p => p.Spec!).OrderBy(s => SpecFiles.NameOf(s.FilePath), StringComparer.Ordinal).ThenBy(s => s.FilePath, StringComparer.Ordinal))
            {
                EndpointSpec? accepted = Accept(candidate);
                if (accepted != null)
                {
                    specs.Add(accepted);
                }
            }

            specs = UserErrorSets.Merge(_parsed, specs, _diagnostics);
            specs = ResolveReferences(specs, definitions);
            return new CrossSpecResult(
                specs.ToEquatableArray(),
                _diagnostics.Concat(ErrcodeNames.Collect(specs, out List<ErrorSpec> allErrors)).ToEquatableArray(),
                specs.SelectMany(s => s.TokenKinds).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray(),
                allErrors.ToEquatableArray(),
                definitions.ToEquatableArray());
        }

        /// <summary>A definitions file with its types checked (some borrowed), its names taken; null when it is not generated.</summary>
        private DefinitionsSpec? Accept(DefinitionsSpec candidate)
        {
            // One generated file per definitions file, named after it.
            if (_definitionFiles.TryGetValue(SpecParser.DefinitionsName(candidate.FilePath), out string? twin))
            {
                _diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateEndpoint, $"The definitions file {twin} has the same name up to case (and characters a file name cannot hold); rename one, so this file can be generated.", candidate.FilePath, candidate.RootSpan));
                return null;
            }

            if (!CheckNestedTypes(candidate, candidate.RootSpan, out DefinitionsSpec checkedDefinitions))
            {
                return null;
            }

            TakeNestedTypeNames(SpecFiles.NameOf(candidate.FilePath), checkedDefinitions);
            _definitionFiles[SpecParser.DefinitionsName(candidate.FilePath)] = candidate.FilePath;
            return checkedDefinitions;
        }

        /// <summary>A spec with its types checked (some borrowed), its names taken; null when it is not generated.</summary>
        private EndpointSpec? Accept(EndpointSpec candidate)
        {
            bool sameName = _endpointFiles.TryGetValue(candidate.Name, out string? other);
            if (sameName || _endpointFiles.TryGetValue(candidate.TypePrefix, out other))
            {
                // At the node that clashes: the name, or the 'csharpName' the prefix comes from.
                _diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateEndpoint, $"Endpoint '{candidate.Name}' is already declared in {other}; each endpoint has exactly one spec, so this file is not generated.", candidate.FilePath, sameName ? candidate.NameSpan : candidate.PrefixSpan ?? candidate.NameSpan));
                return null;
            }

            string? twinKind = candidate.TokenKinds.SelectMany(k => _kindFiles.Keys.Where(known => TokenKinds.ClientNamesClash(known, k))).FirstOrDefault();
            if (twinKind != null)
            {
                _diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateTypeName, $"A token kind of this spec would get the same client as '{twinKind}' of {_kindFiles[twinKind]}; use the same token kind, so this file can be generated.", candidate.FilePath, candidate.NameSpan));
                return null;
            }

            EndpointSpec? spec = CheckTypeNames(candidate);
            if (spec == null)
            {
                return null;
            }

            string file = SpecFiles.NameOf(spec.FilePath);
            _endpointFiles[spec.Name] = file;
            _endpointFiles[spec.TypePrefix] = file;
            foreach (string typeName in TypeNames(spec))
            {
                _typeFiles[typeName] = file;
            }

            foreach (string kind in spec.TokenKinds)
            {
                _kindFiles[kind] = file;
            }

            return spec;
        }

        /// <summary>
        /// Every name this spec would generate, against the names already taken: each clash is reported, at the type's
        /// <c>typeName</c> (or the spec's name, for the names derived from it), and then the spec is not generated. A nested
        /// type declared earlier with the same shape is the same type: this spec borrows it.
        /// </summary>
        private EndpointSpec? CheckTypeNames(EndpointSpec spec)
        {
            int before = _diagnostics.Count;
            foreach (string generated in OwnTypeNames(spec).Where(_typeFiles.ContainsKey))
            {
                _diagnostics.Add(Clash(spec.FilePath, generated, _typeFiles[generated], spec.NameSpan));
            }

            bool nestedOk = CheckNestedTypes(spec, spec.NameSpan, out EndpointSpec checkedSpec);
            return !nestedOk || _diagnostics.Count > before ? null : checkedSpec;
        }

        private static SpecDiagnostic Clash(string filePath, string typeName, string owner, SourceSpan at) =>
            new SpecDiagnostic(SpecDiagnosticIds.DuplicateTypeName, $"The type name '{typeName}' of this {(SpecParser.IsDefinitionsFile(filePath) ? "file" : "spec")} is already used by {owner}{(owner == TcbGenItself ? string.Empty : " with another shape")}; set 'typeName' or 'csharpName' so this file can be generated.", filePath, at);

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
        public static IEnumerable<string> TypeNames(EndpointSpec spec) => OwnTypeNames(spec).Concat(OwnNestedTypeNames(spec));

        /// <summary>The names of a file's own (not borrowed) nested types: objects, then enums.</summary>
        private static IEnumerable<string> OwnNestedTypeNames<T>(IDeclaresNestedTypes<T> file)
            where T : class, IDeclaresNestedTypes<T> =>
            file.NestedObjects.Where(o => !o.IsBorrowed).Select(o => o.TypeName).Concat(file.Enums.Where(e => !e.IsBorrowed).Select(e => e.TypeName));
    }
}
