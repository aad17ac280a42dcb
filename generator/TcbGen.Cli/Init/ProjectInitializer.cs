using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using TcbGen.Specs;

namespace TcbGen.Cli.Init
{
    /// <summary>
    /// Sets a project up for writing specs: the schemas inside the project (specs', and definitions files' beside it, which
    /// it refers to), the editors' mappings of <c>*.tcb.json</c> to it, <c>$schema</c> lines that no longer resolve
    /// repointed at the project's copy, and a first spec when there is none.
    /// </summary>
    internal static class ProjectInitializer
    {
        public const string SchemaPath = ".tcbgen/tcb-endpoint.schema.json";
        public const string DefinitionsSchemaPath = ".tcbgen/tcb-definitions.schema.json";
        public const string StarterSpecPath = "specs/exampleEndpoint.tcb.json";

        private static readonly Regex SchemaLine = new Regex("(\"\\$schema\"\\s*:\\s*\")([^\"]*)(\")", RegexOptions.Compiled);

        public static ProjectFiles Run(string root)
        {
            var files = new ProjectFiles(Path.GetFullPath(root));
            files.Write(SchemaPath, Resource("tcb-endpoint.schema.json"));
            files.Write(DefinitionsSchemaPath, Resource("tcb-definitions.schema.json"));
            EditorSettings.WriteVsCode(files, SchemaPath);
            EditorSettings.WriteRider(files, SchemaPath);
            string[] specs = Check.SpecCheck.Expand(new[] { files.Root }).ToArray();
            foreach (string spec in specs)
            {
                RepointSchema(files, spec, Specs.SpecParser.IsDefinitionsFile(spec) ? DefinitionsSchemaPath : SchemaPath);
            }

            if (!specs.Any(Specs.SpecParser.IsSpecFile))
            {
                files.Write(StarterSpecPath, StarterSpec.Replace("SCHEMA", Relative(files.Root, Path.Combine(files.Root, StarterSpecPath), SchemaPath), StringComparison.Ordinal));
            }

            return files;
        }

        /// <summary>A <c>$schema</c> that points at no file (a spec copied from elsewhere) is pointed at the project's copy.</summary>
        private static void RepointSchema(ProjectFiles files, string spec, string schemaPath)
        {
            string text = File.ReadAllText(spec);
            Match match = SchemaLine.Match(text);
            if (!match.Success || match.Groups[2].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                || File.Exists(Path.Combine(Path.GetDirectoryName(spec)!, match.Groups[2].Value)))
            {
                return;
            }

            string fixedText = text.Substring(0, match.Groups[2].Index) + Relative(files.Root, spec, schemaPath) + text.Substring(match.Groups[2].Index + match.Groups[2].Length);
            files.Write(Path.GetRelativePath(files.Root, spec), fixedText);
        }

        private static string Relative(string root, string specPath, string schemaPath)
        {
            string relative = Path.GetRelativePath(Path.GetDirectoryName(specPath)!, Path.Combine(root, schemaPath)).Replace('\\', '/');
            return relative.StartsWith('.') ? relative : "./" + relative;
        }

        private static string Resource(string name)
        {
            using var reader = new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!);
            return reader.ReadToEnd();
        }

        private const string StarterSpec = $$"""
            {
              "$schema": "SCHEMA",
              "name": "exampleEndpoint",
              "title": "An example spec written by tcbgen init: replace it with one imported from a WeChat page (tcbgen import PAGE -o specs/)",
              "description": "Illustration only; not a WeChat endpoint. Hover a property in the editor for its meaning; specs/README.md of TcbGen is the reference.",
              "method": "POST",
              "path": "/tcb/exampleendpoint",
              "tokenKinds": ["{{TokenKinds.Authorizer}}"],
              "retrySafe": false,
              "request": {
                "fields": [
                  { "name": "env", "type": "string", "description": "The cloud environment id.", "required": true }
                ]
              },
              "errors": [
                { "code": 40101, "name": "MissingParameter", "message": "missing parameter", "solution": "A required parameter is missing." }
              ],
              "examples": [
                { "request": { "env": "test-env-0001" }, "response": { "errcode": 0, "errmsg": "ok" } }
              ]
            }

            """;
    }
}
