using System;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TcbGen.Cli.Init
{
    /// <summary>
    /// Maps every <c>*.tcb.json</c> to the schema in the editors: VS Code's <c>json.schemas</c> (merged into an existing
    /// settings.json), and Rider's JSON schema mapping for each solution in the folder.
    /// </summary>
    internal static class EditorSettings
    {
        public const string FilePattern = "*.tcb.json";

        public static void WriteVsCode(ProjectFiles files, string schemaPath)
        {
            string relative = Path.Combine(".vscode", "settings.json");
            string path = Path.Combine(files.Root, relative);
            JsonObject settings;
            try
            {
                settings = File.Exists(path)
                    ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject ?? new JsonObject()
                    : new JsonObject();
            }
            catch (JsonException)
            {
                files.Note($"{relative} is not JSON; add {{\"fileMatch\": [\"{FilePattern}\"], \"url\": \"./{schemaPath}\"}} to its json.schemas by hand.");
                return;
            }

            if (settings["json.schemas"] is not JsonArray schemas)
            {
                schemas = new JsonArray();
                settings["json.schemas"] = schemas;
            }

            string url = "./" + schemaPath;
            bool mapped = schemas.OfType<JsonObject>().Any(s => (string?)s["url"] == url && s["fileMatch"] is JsonArray match && match.Any(m => (string?)m == FilePattern));
            if (!mapped)
            {
                schemas.Add(new JsonObject { ["fileMatch"] = new JsonArray(FilePattern), ["url"] = url });
            }

            if (!mapped && File.Exists(path) && HasComments(File.ReadAllText(path)))
            {
                files.Note($"{relative} has comments, which rewriting would lose; add {{\"fileMatch\": [\"{FilePattern}\"], \"url\": \"{url}\"}} to its json.schemas by hand.");
                return;
            }

            string text = settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
            if (mapped && File.Exists(path))
            {
                files.Report.Add("unchanged " + relative);
                return;
            }

            files.Write(relative, text);
        }

        private static bool HasComments(string json)
        {
            try
            {
                using JsonDocument _ = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
                return false;
            }
            catch (JsonException)
            {
                return true;
            }
        }

        /// <summary>Rider keeps JSON schema mappings per solution in <c>.idea/.idea.NAME/.idea/jsonSchemas.xml</c>.</summary>
        public static void WriteRider(ProjectFiles files, string schemaPath)
        {
            string[] solutions = Directory.EnumerateFiles(files.Root, "*.sln").Concat(Directory.EnumerateFiles(files.Root, "*.slnx")).ToArray();
            if (solutions.Length == 0)
            {
                files.Note("no .sln here: Rider's mapping is written next to a solution (run tcbgen init in the solution's folder), or use the $schema line.");
                return;
            }

            foreach (string solution in solutions)
            {
                string name = Path.GetFileNameWithoutExtension(solution);
                string relative = Path.Combine(".idea", ".idea." + name, ".idea", "jsonSchemas.xml");
                if (File.Exists(Path.Combine(files.Root, relative)) && !File.ReadAllText(Path.Combine(files.Root, relative)).Contains("tcbgen", StringComparison.Ordinal))
                {
                    files.Note($"{relative} exists with other mappings; in Rider add a JSON schema mapping of {FilePattern} to {schemaPath} (Settings | Languages & Frameworks | Schemas and DTDs | JSON Schema Mappings).");
                    continue;
                }

                files.Write(relative, RiderMapping(schemaPath));
            }
        }

        private static string RiderMapping(string schemaPath) => $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <project version="4">
              <component name="JsonSchemaMappingsProjectConfiguration">
                <state>
                  <map>
                    <entry key="tcbgen">
                      <value>
                        <SchemaInfo>
                          <option name="name" value="tcbgen" />
                          <option name="relativePathToSchema" value="{schemaPath}" />
                          <option name="applicationDefined" value="true" />
                          <option name="patterns">
                            <list>
                              <Item>
                                <option name="pattern" value="true" />
                                <option name="path" value="{FilePattern}" />
                                <option name="mappingKind" value="Pattern" />
                              </Item>
                            </list>
                          </option>
                        </SchemaInfo>
                      </value>
                    </entry>
                  </map>
                </state>
              </component>
            </project>

            """;
    }
}
