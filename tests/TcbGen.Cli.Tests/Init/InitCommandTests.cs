using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Cli.Tests.Init
{
    /// <summary><c>tcbgen init</c>: the schema in the project, editors mapped to it, broken $schema lines fixed, idempotent.</summary>
    public sealed class InitCommandTests : IDisposable
    {
        private readonly TempDirectory _project = new TempDirectory();

        [Fact]
        public async Task InitMapsEverySpecToTheSchemaAndWritesAFirstSpec()
        {
            _project.File("App.sln", string.Empty);
            (int exitCode, string output, _) = await Tool.RunAsync("init", _project.Path);

            Assert.Equal(0, exitCode);
            string schema = Path.Combine(_project.Path, ".tcbgen", "tcb-endpoint.schema.json");
            Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "specs", "schema", "tcb-endpoint.schema.json")), File.ReadAllText(schema));
            using JsonDocument settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(_project.Path, ".vscode", "settings.json")));
            JsonElement mapping = settings.RootElement.GetProperty("json.schemas").EnumerateArray().Single();
            Assert.Equal("*.tcb.json", mapping.GetProperty("fileMatch")[0].GetString());
            Assert.Equal("./.tcbgen/tcb-endpoint.schema.json", mapping.GetProperty("url").GetString());
            string rider = File.ReadAllText(Path.Combine(_project.Path, ".idea", ".idea.App", ".idea", "jsonSchemas.xml"));
            Assert.Contains("<option name=\"relativePathToSchema\" value=\".tcbgen/tcb-endpoint.schema.json\" />", rider);
            Assert.Contains("wrote     specs/exampleEndpoint.tcb.json", output);

            (int checkExit, string checkOutput, _) = await Tool.RunAsync("check", _project.Path);
            Assert.True(checkExit == 0, checkOutput);
            string starter = File.ReadAllText(Path.Combine(_project.Path, "specs", "exampleEndpoint.tcb.json"));
            Assert.Contains("\"$schema\": \"../.tcbgen/tcb-endpoint.schema.json\"", starter);
        }

        [Fact]
        public async Task RunningInitTwiceChangesNothing()
        {
            _project.File("App.sln", string.Empty);
            _project.File(".vscode/settings.json", "{\n  // the user's own settings stay\n  \"editor.tabSize\": 2\n}");
            await Tool.RunAsync("init", _project.Path);
            string[] files = Directory.GetFiles(_project.Path, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            string[] contents = files.Select(File.ReadAllText).ToArray();
            DateTime[] times = files.Select(File.GetLastWriteTimeUtc).ToArray();

            (int exitCode, string output, _) = await Tool.RunAsync("init", _project.Path);

            Assert.Equal(0, exitCode);
            Assert.Equal(files, Directory.GetFiles(_project.Path, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal));
            Assert.Equal(contents, files.Select(File.ReadAllText));
            Assert.Equal(times, files.Select(File.GetLastWriteTimeUtc));
            Assert.DoesNotContain("wrote", output);
            Assert.DoesNotContain("updated", output);
            Assert.Contains("// the user's own settings stay", File.ReadAllText(Path.Combine(_project.Path, ".vscode", "settings.json")));
            Assert.Contains("has comments", output);
        }

        [Fact]
        public async Task ACopiedSpecWithABrokenSchemaPathIsRepointed()
        {
            string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed-specs", "changeTcbEnv.tcb.json"));
            string copied = _project.File("Endpoints/Cloud/myChangeTcbEnv.tcb.json", seed);
            Assert.Contains("\"$schema\": \"./schema/tcb-endpoint.schema.json\"", seed);

            await Tool.RunAsync("init", _project.Path);

            string text = File.ReadAllText(copied);
            Assert.Contains("\"$schema\": \"../../.tcbgen/tcb-endpoint.schema.json\"", text);
            Assert.Equal(seed.Replace("./schema/tcb-endpoint.schema.json", "../../.tcbgen/tcb-endpoint.schema.json", StringComparison.Ordinal), text);
            Assert.False(File.Exists(Path.Combine(_project.Path, "specs", "exampleEndpoint.tcb.json")), "a project with specs gets no example spec");
        }

        [Fact]
        public async Task ACopiedDefinitionsFileIsRepointedAtTheDefinitionsSchema()
        {
            string copied = _project.File("Endpoints/shared.tcb.defs.json", "{\n  \"$schema\": \"./schema/tcb-definitions.schema.json\",\n  \"types\": []\n}");

            await Tool.RunAsync("init", _project.Path);

            Assert.Contains("\"$schema\": \"../.tcbgen/tcb-definitions.schema.json\"", File.ReadAllText(copied));
            Assert.Equal(
                File.ReadAllText(Path.Combine(Repository.Root, "specs", "schema", "tcb-definitions.schema.json")),
                File.ReadAllText(Path.Combine(_project.Path, ".tcbgen", "tcb-definitions.schema.json")));
        }

        [Fact]
        public async Task ExistingVsCodeSettingsAreKept()
        {
            _project.File(".vscode/settings.json", "{ \"editor.tabSize\": 2, \"json.schemas\": [ { \"fileMatch\": [\"*.foo.json\"], \"url\": \"./foo.json\" } ] }");
            await Tool.RunAsync("init", _project.Path);
            using JsonDocument settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(_project.Path, ".vscode", "settings.json")));
            Assert.Equal(2, settings.RootElement.GetProperty("editor.tabSize").GetInt32());
            Assert.Equal(new[] { "./foo.json", "./.tcbgen/tcb-endpoint.schema.json" }, settings.RootElement.GetProperty("json.schemas").EnumerateArray().Select(s => s.GetProperty("url").GetString()));
        }

        public void Dispose() => _project.Dispose();
    }
}
