using System;
using System.Collections.Generic;
using System.Linq;
using TcbGen.Specs.Model;
using TcbGen.Specs.Json;

namespace TcbGen.Specs
{
    /// <summary>
    /// Turns the text of one <c>*.tcb.json</c> file into an <see cref="EndpointSpec"/> and located
    /// diagnostics. Plain .NET, no Roslyn: the generator, the CLI and the emulator share it, so they
    /// cannot disagree about what a spec means. Never throws.
    /// </summary>
    internal static partial class SpecParser
    {
        public const string FileSuffix = ".tcb.json";

        private static readonly string[] SpecProperties =
        {
            "$schema", "name", "csharpName", "title", "description", "docs", "decisions", "notes", "permissionSets", "method", "requestBody", "path",
            "tokenKinds", "tokenParameter", "tokenless", "retrySafe", "request", "response", "errorSets", "defineErrorSets", "errors", "examples",
        };

        private static readonly string[] BodyProperties = { "description", "fields", "followUp" };

        private static readonly char[] NumberNonIntegerChars = { '.', 'e', 'E' };

        public static bool IsSpecFile(string path) => path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether TcbGen reads the file: a spec, or a definitions file.</summary>
        public static bool IsInputFile(string path) => IsSpecFile(path) || IsDefinitionsFile(path);

        /// <summary>Parses a spec, or a definitions file when the path names one.</summary>
        public static ParsedSpec Parse(string filePath, string? text)
        {
            if (IsDefinitionsFile(filePath))
            {
                return ParseDefinitions(filePath, text);
            }

            var context = new SpecParseContext(filePath, text ?? string.Empty);
            try
            {
                EndpointSpec? spec = ParseText(context);
                return new ParsedSpec(filePath, context.HasErrors ? null : spec, context.Diagnostics.ToEquatableArray());
            }
            catch (Exception exception)
            {
                context.Report(SpecDiagnosticIds.InternalError, $"TcbGen failed while reading this spec ({exception.GetType().Name}: {exception.Message}). Please report this.", 0, 0);
                return new ParsedSpec(filePath, null, context.Diagnostics.ToEquatableArray());
            }
        }

        /// <summary>The file's JSON, which must be an object; otherwise null, with TCB0001 or TCB0003 reported.</summary>
        /// <param name="context">The file being read.</param>
        /// <param name="what">What the file is, to start the message: "A spec", "A definitions file".</param>
        private static JsonObject? ParseRootObject(SpecParseContext context, string what)
        {
            JsonParseResult json = JsonParser.Parse(context.Text);
            if (json.Root == null)
            {
                context.Report(SpecDiagnosticIds.InvalidJson, json.Error ?? "The file is not valid JSON.", json.ErrorOffset, json.ErrorOffset + 1);
                return null;
            }

            if (json.Root is not JsonObject root)
            {
                context.Report(SpecDiagnosticIds.WrongJsonType, $"{what} must be a JSON object, not {json.Root.KindName}.", json.Root);
                return null;
            }

            return root;
        }

        private static EndpointSpec? ParseText(SpecParseContext context)
        {
            if (ParseRootObject(context, "A spec") is not JsonObject root)
            {
                return null;
            }

            var reader = new SpecObjectReader(context, root, "the spec", SpecProperties);
            reader.String("$schema");

            JsonString? name = reader.String("name", required: true);
            string typePrefix = ParseTypePrefix(context, reader, name);
            context.TypePrefix = typePrefix;

            string title = reader.String("title", required: true)?.Value ?? string.Empty;
            string? description = reader.String("description")?.Value;

            EquatableArray<string> docs = ParseDocs(context, reader);

            // The author's decisions are for the spec's readers only: checked, never carried into generated code.
            ParseDecisions(context, reader);
            EquatableArray<string> notes = ParseNotes(context, reader);
            EquatableArray<int> permissionSets = ParsePermissionSets(context, reader);
            EndpointMethod method = ParseMethod(context, reader);
            RequestBodyKind requestBody = ParseRequestBody(context, reader, method);
            context.Method = method;
            context.RequestBody = requestBody;
            string path = ParsePath(context, reader);
            EquatableArray<string> tokenKinds = ParseTokenKinds(context, reader);
            string? tokenParameter = ParseTokenParameter(context, reader, tokenKinds);
            bool retrySafe = reader.Boolean("retrySafe", required: true) ?? false;

            foreach (string suffix in TypeNameSuffixes.Types)
            {
                context.ClaimTypeName(typePrefix + suffix, (JsonNode?)name ?? root);
            }

            ObjectSpec? request = ParseBody(context, reader, "request", typePrefix + TypeNameSuffixes.Request, requestSide: true, out _);
            ObjectSpec response = ParseBody(context, reader, "response", typePrefix + TypeNameSuffixes.Response, requestSide: false, out FollowUpKind? followUp)
                ?? new ObjectSpec(typePrefix + TypeNameSuffixes.Response, null, EquatableArray<FieldSpec>.Empty, false, context.Span(root.Start, root.Start + 1));
            EquatableArray<ErrorSpec> errors = ParseErrors(context, reader, out PendingErrorTable? pendingErrors);
            EquatableArray<ErrorSetDeclaration> errorSets = ParseErrorSetDeclarations(context, reader.Object("defineErrorSets"));
            EquatableArray<ExampleSpec> examples = ParseExamples(context, reader, request, response);

            if (name == null)
            {
                return null;
            }

            return new EndpointSpec(
                context.FilePath,
                name.Value,
                typePrefix,
                title,
                description,
                notes,
                permissionSets,
                method,
                requestBody,
                path,
                tokenKinds,
                retrySafe,
                request != null && request.Fields.Count > 0 ? request : null,
                response,
                context.NestedObjects.ToEquatableArray(),
                context.Enums.ToEquatableArray(),
                errors,
                examples,
                context.Span(name),
                context.References.ToEquatableArray(),
                pendingErrors,
                errorSets,
                reader.Property("csharpName")?.Value is JsonString csharpName ? context.Span(csharpName) : null,
                docs,
                followUp,
                tokenParameter);
        }

        private static string ParseTypePrefix(SpecParseContext context, SpecObjectReader reader, JsonString? name)
        {
            JsonString? csharpName = reader.String("csharpName");
            if (name != null && name.Value.Length == 0)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, "'name' must not be empty; use the interface name from the WeChat documentation, e.g. setCloudAccessToken.", name);
            }

            // After a bad name, go on with a placeholder prefix so that one mistake is reported once,
            // not again for every type name derived from it.
            const string placeholder = "Endpoint";
            if (csharpName != null)
            {
                return context.CheckIdentifier(csharpName.Value, NameRole.Member, "the endpoint", csharpName, "Choose another 'csharpName'.") ? csharpName.Value : placeholder;
            }

            if (name == null || name.Value.Length == 0)
            {
                return placeholder;
            }

            string derived = Naming.ToPascalCase(name.Value);
            return context.CheckIdentifier(derived, NameRole.Member, "endpoint '{0}'", name.Value, name, "Set 'csharpName' to a valid C# identifier.") ? derived : placeholder;
        }

        /// <summary><c>"docs"</c>: the WeChat pages the spec was written from, each an absolute http(s) URL.</summary>
        private static EquatableArray<string> ParseDocs(SpecParseContext context, SpecObjectReader reader)
        {
            var docs = new List<string>();
            foreach (JsonNode item in reader.Array("docs")?.Items ?? Array.Empty<JsonNode>())
            {
                if (item is not JsonString url)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each 'docs' entry must be a string (a page's URL), not {item.KindName}.", item);
                }
                else if (!IsPageUrl(url.Value))
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, $"'docs' entry '{url.Value}' is not an absolute http or https URL.", item);
                }
                else
                {
                    docs.Add(url.Value);
                }
            }

            return docs.ToEquatableArray();
        }

        private static bool IsPageUrl(string value) =>
            Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && value.IndexOfAny(UrlBreakingChars) < 0;

        // Characters that would end an XML attribute or a line of documentation.
        private static readonly char[] UrlBreakingChars = { '"', '<', '>', ' ', '\t', '\r', '\n' };

        /// <summary><c>"decisions"</c>: a string, or an array of strings, one decision each.</summary>
        private static void ParseDecisions(SpecParseContext context, SpecObjectReader reader)
        {
            JsonProperty? decisions = reader.Property("decisions");
            if (decisions == null || decisions.Value is JsonString)
            {
                return;
            }

            if (decisions.Value is not JsonArray array)
            {
                context.Report(SpecDiagnosticIds.WrongJsonType, $"'decisions' must be a string or an array of strings, not {decisions.Value.KindName}.", decisions.Value);
                return;
            }

            foreach (JsonNode item in array.Items.Where(i => i is not JsonString))
            {
                context.Report(SpecDiagnosticIds.WrongJsonType, $"Each decision must be a string, not {item.KindName}.", item);
            }
        }

        private static EquatableArray<string> ParseNotes(SpecParseContext context, SpecObjectReader reader)
        {
            var notes = new List<string>();
            foreach (JsonNode item in reader.Array("notes")?.Items ?? Array.Empty<JsonNode>())
            {
                if (item is JsonString text)
                {
                    notes.Add(text.Value);
                }
                else
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each note must be a string, not {item.KindName}.", item);
                }
            }

            return notes.ToEquatableArray();
        }

        private static EquatableArray<int> ParsePermissionSets(SpecParseContext context, SpecObjectReader reader)
        {
            var ids = new List<int>();
            foreach (JsonNode item in reader.Array("permissionSets")?.Items ?? Array.Empty<JsonNode>())
            {
                // An integer (no fraction or exponent) out of range is a bad value, even beyond 64 bits; anything else is the wrong type.
                if (item is JsonNumber number && number.Raw.IndexOfAny(NumberNonIntegerChars) < 0)
                {
                    if (number.TryGetInt64(out long id) && id > 0 && id <= int.MaxValue)
                    {
                        ids.Add((int)id);
                    }
                    else
                    {
                        context.Report(SpecDiagnosticIds.InvalidValue, $"Permission set id {number.Raw} is out of range; ids are from 1 to 2147483647.", item);
                    }
                }
                else
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, "Each permission set id must be a positive integer.", item);
                }
            }

            return ids.ToEquatableArray();
        }

        private static EndpointMethod ParseMethod(SpecParseContext context, SpecObjectReader reader)
        {
            JsonString? method = reader.String("method", required: true);
            if (method == null)
            {
                return EndpointMethod.Post;
            }

            if (!HttpMethods.TryParse(method.Value, out EndpointMethod parsed))
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"'method' is '{method.Value}'; use \"{HttpMethods.Post}\" or \"{HttpMethods.Get}\".", method);
            }

            return parsed;
        }

        /// <summary>
        /// <c>"requestBody"</c>: <c>"json"</c> (POST's default), <c>"none"</c> (GET's, and its only choice) or
        /// <c>"caller-json"</c> (POST only: one JSON value the caller supplies).
        /// </summary>
        private static RequestBodyKind ParseRequestBody(SpecParseContext context, SpecObjectReader reader, EndpointMethod method)
        {
            bool carries = HttpMethods.CarriesBody(method);
            RequestBodyKind methodDefault = carries ? RequestBodyKind.Fields : RequestBodyKind.None;
            JsonString? body = reader.String("requestBody");
            if (body == null)
            {
                return methodDefault;
            }

            if (!RequestBodies.TryParse(body.Value, out RequestBodyKind kind))
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"'requestBody' is '{body.Value}'; use {RequestBodies.ValueList}.", body);
                return methodDefault;
            }

            if (RequestBodies.IsSent(kind) && !carries)
            {
                context.Report(SpecDiagnosticIds.NotApplicable, $"A {HttpMethods.WireName(method)} request has no body; remove 'requestBody' and put the fields in the query.", body);
                return RequestBodyKind.None;
            }

            return kind;
        }

        private static string ParsePath(SpecParseContext context, SpecObjectReader reader)
        {
            JsonString? path = reader.String("path", required: true);
            if (path == null)
            {
                return string.Empty;
            }

            if (!path.Value.StartsWith("/", StringComparison.Ordinal) || path.Value.IndexOfAny(new[] { '?', '#', ' ', '\t' }) >= 0)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"'path' must start with '/' and hold no query, fragment or space (e.g. \"/tcb/modifyenv\"); the token and query fields are added by the runtime.", path);
            }

            return path.Value;
        }

        /// <summary>
        /// <c>"tokenKinds"</c>, required unless <c>"tokenless": true</c> says the endpoint takes no token (then it must be
        /// absent): an empty list in the model means token-less.
        /// </summary>
        private static EquatableArray<string> ParseTokenKinds(SpecParseContext context, SpecObjectReader reader)
        {
            bool tokenless = reader.Boolean("tokenless") ?? false;
            JsonArray? array = reader.Array("tokenKinds", required: !tokenless);
            var kinds = new List<string>();
            if (tokenless && array != null)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, "'tokenKinds' must be left out when 'tokenless' is true: a token-less endpoint (such as api_component_token) takes no token.", array);
                return kinds.ToEquatableArray();
            }

            if (array == null)
            {
                return kinds.ToEquatableArray();
            }

            if (array.Items.Length == 0)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, "'tokenKinds' must name at least one token kind, e.g. \"authorizer_access_token\".", array);
            }

            foreach (JsonNode item in array.Items)
            {
                if (item is not JsonString kind)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, $"Each token kind must be a string, not {item.KindName}.", item);
                }
                else if (!TokenKinds.IsValidName(kind.Value))
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, $"'{kind.Value}' is not a token kind; token kinds are snake_case names ending in '_access_token', such as \"component_access_token\" or \"authorizer_access_token\".", kind);
                }
                else if (kinds.Contains(kind.Value))
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, $"Token kind '{kind.Value}' is listed twice.", kind);
                }
                else if (kinds.Find(k => TokenKinds.ClientNamesClash(k, kind.Value)) is string twin)
                {
                    context.Report(SpecDiagnosticIds.DuplicateTypeName, $"Token kinds '{twin}' and '{kind.Value}' would both get the client {TokenKinds.Of(kind.Value).ClientClassName}; list one of them.", kind);
                }
                else
                {
                    kinds.Add(kind.Value);
                }
            }

            return kinds.ToEquatableArray();
        }

        /// <summary>
        /// <c>"tokenParameter"</c>: the URL parameter this endpoint takes its token as, when not the kind's own
        /// (<c>api_query_auth?component_access_token=</c>); null for the kind's. Not on a token-less endpoint.
        /// </summary>
        private static string? ParseTokenParameter(SpecParseContext context, SpecObjectReader reader, EquatableArray<string> tokenKinds)
        {
            JsonString? parameter = reader.String("tokenParameter");
            if (parameter == null)
            {
                return null;
            }

            if (!TokenKinds.IsValidUrlParameter(parameter.Value))
            {
                context.Report(SpecDiagnosticIds.InvalidValue, $"'tokenParameter' '{parameter.Value}' is not a URL parameter name; use snake_case such as \"component_access_token\".", parameter);
                return null;
            }

            if (tokenKinds.Count == 0 && reader.Property("tokenless")?.Value.Kind == JsonNodeKind.True)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, "'tokenParameter' names where the token goes, but 'tokenless' says this endpoint takes none; remove one of them.", parameter);
                return null;
            }

            return parameter.Value;
        }

        private static ObjectSpec? ParseBody(SpecParseContext context, SpecObjectReader reader, string property, string typeName, bool requestSide, out FollowUpKind? followUp)
        {
            followUp = null;
            JsonObject? body = reader.Object(property);
            if (body == null)
            {
                return null;
            }

            var bodyReader = new SpecObjectReader(context, body, $"'{property}'", BodyProperties);
            string? description = bodyReader.String("description")?.Value;
            JsonArray? fields = bodyReader.Array("fields");
            ObjectSpec? parsed = ParseObject(context, fields, typeName, description, requestSide, body);
            followUp = ParseFollowUp(context, bodyReader, parsed, fields, requestSide);
            return parsed;
        }
    }
}
