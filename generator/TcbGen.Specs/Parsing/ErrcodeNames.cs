using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>The errcodes of every accepted spec, one name per code and one code per name, for <c>TcbErrorCode</c>.</summary>
    internal static class ErrcodeNames
    {
        /// <summary>Every errcode once, ordered by code; a code named differently by two specs keeps its first name.</summary>
        public static List<SpecDiagnostic> Collect(List<EndpointSpec> specs, out List<ErrorSpec> allErrors)
        {
            var byCode = new Dictionary<int, (ErrorSpec Error, string File)>();
            var byName = new Dictionary<string, (ErrorSpec Error, string File)>(System.StringComparer.Ordinal);
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
                    string file = SpecFiles.NameOf(spec.FilePath);
                    byCode.Add(error.Code, (shared, file));
                    byName.Add(error.Name, (shared, file));
                }
            }

            allErrors = byCode.Values.Select(v => v.Error).OrderBy(e => e.Code).ToList();
            return diagnostics;
        }
    }
}
