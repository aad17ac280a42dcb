using System;
using System.Collections.Generic;
using TcbGen.Specs.Json;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    internal static partial class SpecParser
    {
        public const string DefinitionsSuffix = ".tcb.defs.json";

        /// <summary>
        /// The prefix a definitions file's types are read under: not a C# identifier, so no type of the file is taken for
        /// a request or response body.
        /// </summary>
        private const string DefinitionsPrefix = "<definitions>";

        private static readonly string[] TypeDeclarationProperties = { "typeName", "type", "format", "description", "enum", "fields" };

        public static bool IsDefinitionsFile(string path) => path.EndsWith(DefinitionsSuffix, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The name a definitions file's generated file is named by: its file name without the suffix, each character a
        /// file name may not safely hold replaced by '_'. Unique among the files generated (the cross-spec check sees to it).
        /// </summary>
        public static string DefinitionsName(string path)
        {
            string name = SpecFiles.NameOf(path);
            var safe = new System.Text.StringBuilder(name.Length);
            foreach (char c in name.Substring(0, name.Length - DefinitionsSuffix.Length))
            {
                safe.Append(char.IsLetterOrDigit(c) || c == '_' || c == '-' ? c : '_');
            }

            return safe.ToString();
        }

        /// <summary>
        /// A definitions file: <c>"types"</c>, objects and enums each with a <c>typeName</c>, read as request-side types
        /// (so their fields may be required), and <c>"errorSets"</c>, error sets by name. Nothing else.
        /// </summary>
        private static ParsedSpec ParseDefinitions(string filePath, string? text)
        {
            var context = new SpecParseContext(filePath, text ?? string.Empty) { TypePrefix = DefinitionsPrefix };
            try
            {
                DefinitionsSpec? definitions = ParseDefinitionsText(context);
                return new ParsedSpec(filePath, null, context.Diagnostics.ToEquatableArray(), context.HasErrors ? null : definitions);
            }
            catch (Exception exception)
            {
                context.Report(SpecDiagnosticIds.InternalError, $"TcbGen failed while reading this definitions file ({exception.GetType().Name}: {exception.Message}). Please report this.", 0, 0);
                return new ParsedSpec(filePath, null, context.Diagnostics.ToEquatableArray());
            }
        }

        private static DefinitionsSpec? ParseDefinitionsText(SpecParseContext context)
        {
            if (ParseRootObject(context, "A definitions file") is not JsonObject root)
            {
                return null;
            }

            var reader = new SpecObjectReader(context, root, "a definitions file", "$schema", "description", "types", "errorSets");
            reader.String("$schema");
            reader.String("description");
            foreach (JsonNode item in reader.Array("types")?.Items ?? Array.Empty<JsonNode>())
            {
                ParseTypeDeclaration(context, item);
            }

            EquatableArray<ErrorSetDeclaration> errorSets = ParseErrorSetDeclarations(context, reader.Object("errorSets"));
            return new DefinitionsSpec(context.FilePath, context.NestedObjects.ToEquatableArray(), context.Enums.ToEquatableArray(), errorSets, context.References.ToEquatableArray(), context.Span(root.Start, root.Start + 1));
        }

        /// <summary>One entry of <c>"types"</c>: an object (<c>"fields"</c>) or an enum (<c>"enum"</c>), named by its <c>typeName</c>.</summary>
        private static void ParseTypeDeclaration(SpecParseContext context, JsonNode item)
        {
            if (item is not JsonObject json)
            {
                context.Report(SpecDiagnosticIds.WrongJsonType, $"Each type must be an object with 'typeName' and 'type', not {item.KindName}.", item);
                return;
            }

            var reader = new SpecObjectReader(context, json, "a type", TypeDeclarationProperties);
            JsonString? typeName = reader.String("typeName", required: true);
            JsonString? type = reader.Property("type")?.Value as JsonString;
            if (type != null && type.Value != "object" && !reader.Has("enum"))
            {
                context.Report(SpecDiagnosticIds.NotApplicable, $"A definitions file declares objects and enums only, not a plain {type.Value}; give 'fields' with \"type\": \"object\", or an 'enum'.", type);
                return;
            }

            if (typeName != null)
            {
                context.CurrentOwner = typeName.Value;
                ParseType(context, reader, new DerivedTypeName(typeName.Value, string.Empty), requestSide: true);
            }
        }
    }
}
