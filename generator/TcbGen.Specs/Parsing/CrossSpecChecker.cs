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
            // Case-insensitive, as Roslyn's hint names (and so the generated file names) are.
            var endpointFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var typeFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var kindFiles = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string reserved in reservedTypeNames)
            {
                typeFiles[reserved] = "TcbGen itself";
            }

            // By file name first, so which of two clashing files is blamed does not depend on where the files live
            // (a project folder, the NuGet cache, a temp folder): the build and `tcbgen check` always agree.
            foreach (EndpointSpec spec in parsed.Where(p => p.Spec != null).Select(p => p.Spec!).OrderBy(s => FileName(s.FilePath), StringComparer.Ordinal).ThenBy(s => s.FilePath, StringComparer.Ordinal))
            {
                if (endpointFiles.TryGetValue(spec.Name, out string? other) || endpointFiles.TryGetValue(spec.TypePrefix, out other))
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateEndpoint, $"Endpoint '{spec.Name}' is already declared in {other}; each endpoint has exactly one spec, so this file is not generated.", spec.FilePath, spec.NameSpan));
                    continue;
                }

                string? twinKind = spec.TokenKinds.SelectMany(k => kindFiles.Keys.Where(known => TokenKinds.ClientNamesClash(known, k))).FirstOrDefault();
                if (twinKind != null)
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateTypeName, $"A token kind of this spec would get the same client as '{twinKind}' of {kindFiles[twinKind]}; use the same token kind, so this file can be generated.", spec.FilePath, spec.NameSpan));
                    continue;
                }

                string? clash = TypeNames(spec).FirstOrDefault(typeFiles.ContainsKey);
                if (clash != null)
                {
                    diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.DuplicateTypeName, $"The type name '{clash}' of this spec is already used by {typeFiles[clash]}; set 'typeName' or 'csharpName' so this file can be generated.", spec.FilePath, spec.NameSpan));
                    continue;
                }

                endpointFiles[spec.Name] = FileName(spec.FilePath);
                endpointFiles[spec.TypePrefix] = FileName(spec.FilePath);
                foreach (string typeName in TypeNames(spec))
                {
                    typeFiles[typeName] = FileName(spec.FilePath);
                }

                foreach (string kind in spec.TokenKinds)
                {
                    kindFiles[kind] = FileName(spec.FilePath);
                }

                accepted.Add(spec);
            }

            return new CrossSpecResult(
                accepted.ToEquatableArray(),
                diagnostics.Concat(CollectErrors(accepted, out List<ErrorSpec> allErrors)).ToEquatableArray(),
                accepted.SelectMany(s => s.TokenKinds).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToEquatableArray(),
                allErrors.ToEquatableArray());
        }

        public static IEnumerable<string> TypeNames(EndpointSpec spec)
        {
            yield return spec.RequestTypeName;
            yield return spec.ResponseTypeName;
            yield return spec.ErrorEnumName;
            yield return spec.EndpointClassName;
            yield return spec.ValidatorClassName;
            yield return spec.SerializerClassName;
            foreach (ObjectSpec nested in spec.NestedObjects)
            {
                yield return nested.TypeName;
            }

            foreach (EnumSpec enumSpec in spec.Enums)
            {
                yield return enumSpec.TypeName;
            }
        }

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
