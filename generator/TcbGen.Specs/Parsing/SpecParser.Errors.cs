using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    internal static partial class SpecParser
    {
        private static readonly string[] ErrorProperties = { "code", "name", "message", "solution" };

        private static readonly string[] ExampleProperties = { "description", "request", "response" };

        /// <summary>
        /// The spec's errcode table (see <see cref="ErrorTable"/>). When it includes a set no built-in provides, the table is
        /// left to the cross-spec check, which knows the user-declared sets: then the rows come back as pending.
        /// </summary>
        private static EquatableArray<ErrorSpec> ParseErrors(SpecParseContext context, SpecObjectReader reader, out PendingErrorTable? pending)
        {
            List<ErrorSetInclude> includes = ParseErrorSetIncludes(context, reader);
            List<ErrorRow> rows = ReadErrorRows(context, reader.Array("errors"), context.TypePrefix + TypeNameSuffixes.Error, namesRequired: false);
            var sets = new List<(ErrorSetInclude Include, IReadOnlyList<ErrorSpec> Rows)>();
            foreach (ErrorSetInclude include in includes)
            {
                if (!ErrorSets.TryGet(include.Name, out IReadOnlyList<ErrorSpec> set))
                {
                    pending = new PendingErrorTable(rows.ToEquatableArray(), includes.ToEquatableArray());
                    return EquatableArray<ErrorSpec>.Empty;
                }

                sets.Add((include, set));
            }

            pending = null;
            return ErrorTable.Merge(context.FilePath, rows, sets, context.Diagnostics);
        }

        /// <summary>
        /// Rows of an errcode table, each checked on its own: a 32-bit code, a usable C# name. In a spec's own table a row
        /// may leave its name to an included set; in a declared set every row has one, and codes and names are unique.
        /// </summary>
        private static List<ErrorRow> ReadErrorRows(SpecParseContext context, JsonArray? array, string? errorEnum, bool namesRequired)
        {
            var rows = new List<ErrorRow>();
            var codes = new HashSet<long>();
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (JsonNode item in array?.Items ?? System.Array.Empty<JsonNode>())
            {
                if (item is not JsonObject json)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each error must be an object {{ \"code\", \"name\", \"message\" }}, not {item.KindName}.", item);
                    continue;
                }

                var errorReader = new SpecObjectReader(context, json, "an error", ErrorProperties);
                JsonNumber? code = errorReader.Integer("code", required: true);
                JsonString? name = errorReader.String("name", required: namesRequired && code != null);
                string? message = errorReader.String("message")?.Value;
                string? solution = errorReader.String("solution")?.Value;
                if (code == null)
                {
                    continue;
                }

                code.TryGetInt64(out long value);
                if (value < int.MinValue || value > int.MaxValue)
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, "An errcode must be a 32-bit integer.", code);
                    continue;
                }

                if (name != null && !context.CheckIdentifier(name.Value, NameRole.Member, "error {0}", value, name, "Choose another 'name'."))
                {
                    continue;
                }

                if (name != null && (name.Value == errorEnum || name.Value == ReservedNames.AllErrorsEnum))
                {
                    context.Report(SpecDiagnosticIds.ReservedName, $"Error name '{name.Value}' is the name of the enum that holds it; choose another 'name'.", name);
                    continue;
                }

                if (namesRequired && name == null)
                {
                    continue;
                }

                if (namesRequired && !codes.Add(value))
                {
                    context.Report(SpecDiagnosticIds.DuplicateError, $"Error code {value} is listed twice.", code);
                    continue;
                }

                if (namesRequired && !names.Add(name!.Value))
                {
                    context.Report(SpecDiagnosticIds.DuplicateError, $"Error name '{name.Value}' is used twice; two codes need two names.", name);
                    continue;
                }

                rows.Add(new ErrorRow((int)value, name?.Value, message, solution, context.Span(json), context.Span(code), name == null ? null : context.Span(name)));
            }

            return rows;
        }

        /// <summary><c>"errorSets"</c>: the names of the error sets the spec includes, built in or declared by the user.</summary>
        private static List<ErrorSetInclude> ParseErrorSetIncludes(SpecParseContext context, SpecObjectReader reader)
        {
            var includes = new List<ErrorSetInclude>();
            foreach (JsonNode item in reader.Array("errorSets")?.Items ?? System.Array.Empty<JsonNode>())
            {
                if (item is not JsonString setName)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each error set must be named by a string, e.g. \"{ErrorSets.WeChat}\", not {item.KindName}.", item);
                }
                else if (includes.Exists(i => i.Name == setName.Value))
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, $"Error set '{setName.Value}' is included twice.", setName);
                }
                else
                {
                    includes.Add(new ErrorSetInclude(setName.Value, context.Span(setName)));
                }
            }

            return includes;
        }

        /// <summary>
        /// Error sets declared by the user, an object from set name to rows (<c>"defineErrorSets"</c> in a spec,
        /// <c>"errorSets"</c> in a definitions file). A built-in set's name is taken (TCB0017).
        /// </summary>
        private static EquatableArray<ErrorSetDeclaration> ParseErrorSetDeclarations(SpecParseContext context, JsonObject? sets)
        {
            var declarations = new List<ErrorSetDeclaration>();
            foreach (JsonProperty set in sets?.Properties ?? System.Array.Empty<JsonProperty>())
            {
                SourceSpan nameSpan = context.Span(set.NameStart, set.NameEnd);
                if (declarations.Exists(d => d.Name == set.Name))
                {
                    context.Report(SpecDiagnosticIds.DuplicateKey, $"Error set '{set.Name}' is declared twice in this file.", set.NameStart, set.NameEnd);
                    continue;
                }

                if (set.Name.Length == 0 || ErrorSets.TryGet(set.Name, out _))
                {
                    context.Report(SpecDiagnosticIds.ReservedName, set.Name.Length == 0 ? "An error set needs a name." : $"'{set.Name}' is the name of a built-in error set; choose another name for this one.", set.NameStart, set.NameEnd);
                    continue;
                }

                if (set.Value is not JsonArray rows)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Error set '{set.Name}' must be an array of errors, not {set.Value.KindName}.", set.Value);
                    continue;
                }

                List<ErrorRow> read = ReadErrorRows(context, rows, null, namesRequired: true);
                // Without locations, so that two declarations of the same rows are one set, and moving one re-emits nothing.
                declarations.Add(new ErrorSetDeclaration(
                    set.Name,
                    read.Select(r => new ErrorSpec(r.Code, r.Name!, r.Message ?? string.Empty, r.Solution, SourceSpan.Empty)).ToEquatableArray(),
                    nameSpan));
            }

            return declarations.ToEquatableArray();
        }

        private static EquatableArray<ExampleSpec> ParseExamples(SpecParseContext context, SpecObjectReader reader, ObjectSpec? requestSpec, ObjectSpec responseSpec)
        {
            var examples = new List<ExampleSpec>();
            foreach (JsonNode item in reader.Array("examples")?.Items ?? System.Array.Empty<JsonNode>())
            {
                if (item is not JsonObject json)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each example must be an object, not {item.KindName}.", item);
                    continue;
                }

                var exampleReader = new SpecObjectReader(context, json, "an example", ExampleProperties);
                string? description = exampleReader.String("description")?.Value;
                // A caller-supplied body may be any JSON value, and holds no field of the spec to check.
                JsonNode? request = context.RequestBody == RequestBodyKind.CallerJson ? exampleReader.Property("request")?.Value : exampleReader.Object("request");
                JsonObject? response = exampleReader.Object("response");
                if (!context.HasErrors)
                {
                    if (request is JsonObject fields && context.RequestBody != RequestBodyKind.CallerJson)
                    {
                        ExampleChecker.CheckRequest(context, examples.Count, fields, requestSpec);
                    }

                    if (response != null)
                    {
                        ExampleChecker.CheckResponse(context, examples.Count, response, responseSpec);
                    }
                }

                examples.Add(new ExampleSpec(
                    description,
                    request == null ? null : JsonText.Compact(request),
                    response == null ? null : JsonText.Compact(response)));
            }

            return examples.ToEquatableArray();
        }
    }
}
