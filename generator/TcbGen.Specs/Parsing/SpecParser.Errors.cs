using System.Collections.Generic;
using TcbGen.Specs.Model;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    internal static partial class SpecParser
    {
        /// <summary>
        /// The spec's errcode table: its own <c>errors</c> rows, then the rows of each included error set that the spec does
        /// not list itself. An own row for an included code keeps the set's name and may override message and solution.
        /// </summary>
        private static EquatableArray<ErrorSpec> ParseErrors(SpecParseContext context, SpecObjectReader reader)
        {
            Dictionary<int, ErrorSpec> included = ParseErrorSets(context, reader);
            var errors = new List<ErrorSpec>();
            var codes = new HashSet<int>();
            var names = new HashSet<string>();
            string errorEnum = context.TypePrefix + "Error";
            foreach (JsonNode item in reader.Array("errors")?.Items ?? new List<JsonNode>())
            {
                if (item is not JsonObject json)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each error must be an object {{ \"code\", \"name\", \"message\" }}, not {item.KindName}.", item);
                    continue;
                }

                var errorReader = new SpecObjectReader(context, json, "an error", "code", "name", "message", "solution");
                JsonNumber? code = errorReader.Integer("code", required: true);
                if (code == null)
                {
                    errorReader.String("name");
                    errorReader.String("message");
                    errorReader.String("solution");
                    continue;
                }

                code.TryGetInt64(out long value);
                ErrorSpec? inherited = value >= int.MinValue && value <= int.MaxValue && included.TryGetValue((int)value, out ErrorSpec? row) ? row : null;
                JsonString? name = errorReader.String("name", required: inherited == null);
                string? message = errorReader.String("message")?.Value ?? inherited?.Message;
                string? solution = errorReader.String("solution")?.Value ?? inherited?.Solution;
                if (name == null && inherited == null)
                {
                    continue;
                }

                if (value < int.MinValue || value > int.MaxValue)
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, "An errcode must be a 32-bit integer.", code);
                    continue;
                }

                if (name != null && !context.CheckIdentifier(name.Value, NameRole.Member, $"error {value}", name, "Choose another 'name'."))
                {
                    continue;
                }

                if (name != null && inherited != null && name.Value != inherited.Name)
                {
                    context.Report(SpecDiagnosticIds.ErrorCodeConflict, $"errcode {value} is named '{inherited.Name}' in an included error set; TcbErrorCode needs one name per code, so use '{inherited.Name}' or leave 'name' out.", name);
                    continue;
                }

                string errorName = name?.Value ?? inherited!.Name;
                if (name != null && (name.Value == errorEnum || name.Value == ReservedNames.AllErrorsEnum))
                {
                    context.Report(SpecDiagnosticIds.ReservedName, $"Error name '{name.Value}' is the name of the enum that holds it; choose another 'name'.", name);
                }
                else if (!codes.Add((int)value))
                {
                    context.Report(SpecDiagnosticIds.DuplicateError, $"Error code {value} is listed twice.", code);
                }
                else if (!names.Add(errorName))
                {
                    context.Report(SpecDiagnosticIds.DuplicateError, $"Error name '{errorName}' is used twice; two codes need two names.", (JsonNode?)name ?? code);
                }
                else
                {
                    errors.Add(new ErrorSpec((int)value, errorName, message ?? string.Empty, solution, context.Span(json)));
                }
            }

            foreach (ErrorSpec row in included.Values)
            {
                if (codes.Contains(row.Code))
                {
                    continue;
                }

                if (names.Contains(row.Name))
                {
                    ErrorSpec own = errors.Find(e => e.Name == row.Name)!;
                    context.Diagnostics.Add(new SpecDiagnostic(SpecDiagnosticIds.ErrorCodeConflict, $"The error name '{row.Name}' is errcode {row.Code} in an included error set but {own.Code} here; give errcode {own.Code} another name.", context.FilePath, own.Span));
                    continue;
                }

                errors.Add(row);
            }

            return errors.ToEquatableArray();
        }

        /// <summary><c>"errorSets"</c>: the names of built-in error sets; their rows by code, each located at the set's name.</summary>
        private static Dictionary<int, ErrorSpec> ParseErrorSets(SpecParseContext context, SpecObjectReader reader)
        {
            var rows = new Dictionary<int, ErrorSpec>();
            var seen = new HashSet<string>();
            foreach (JsonNode item in reader.Array("errorSets")?.Items ?? new List<JsonNode>())
            {
                if (item is not JsonString setName)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each error set must be named by a string, e.g. \"{ErrorSets.WeChat}\", not {item.KindName}.", item);
                }
                else if (!ErrorSets.TryGet(setName.Value, out IReadOnlyList<ErrorSpec> set))
                {
                    context.Report(SpecDiagnosticIds.UnknownReference, $"There is no error set named '{setName.Value}'; the built-in sets are: {string.Join(", ", ErrorSets.Names)}.", setName);
                }
                else if (!seen.Add(setName.Value))
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, $"Error set '{setName.Value}' is included twice.", setName);
                }
                else
                {
                    SourceSpan at = context.Span(setName);
                    foreach (ErrorSpec row in set)
                    {
                        if (!rows.ContainsKey(row.Code))
                        {
                            rows.Add(row.Code, row with { Span = at });
                        }
                    }
                }
            }

            return rows;
        }

        private static EquatableArray<ExampleSpec> ParseExamples(SpecParseContext context, SpecObjectReader reader, ObjectSpec? requestSpec, ObjectSpec responseSpec)
        {
            var examples = new List<ExampleSpec>();
            foreach (JsonNode item in reader.Array("examples")?.Items ?? new List<JsonNode>())
            {
                if (item is not JsonObject json)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each example must be an object, not {item.KindName}.", item);
                    continue;
                }

                var exampleReader = new SpecObjectReader(context, json, "an example", "description", "request", "response");
                string? description = exampleReader.String("description")?.Value;
                JsonObject? request = exampleReader.Object("request");
                JsonObject? response = exampleReader.Object("response");
                if (!context.HasErrors)
                {
                    if (request != null)
                    {
                        ExampleChecker.CheckRequest(context, examples.Count, request, requestSpec);
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
