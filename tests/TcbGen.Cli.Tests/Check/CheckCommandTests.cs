using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TcbGen.Cli.Tests.Infrastructure;
using TcbGen.Generator;
using Xunit;

namespace TcbGen.Cli.Tests.Check
{
    /// <summary>
    /// <c>tcbgen check</c> against the build itself: the same specs go through the real generator in a real compilation
    /// and through the tool, and the two lists of diagnostics must be the same, ids, files, lines, columns and messages.
    /// </summary>
    public sealed class CheckCommandTests : IDisposable
    {
        private readonly TempDirectory _project = new TempDirectory();

        [Fact]
        public async Task BadSpecsGiveExactlyTheBuildsDiagnostics()
        {
            _project.File("broken.tcb.json", "{ \"name\": \"broken\", \"title\": \"t\", }");
            _project.File("unknownType.tcb.json", Spec("unknownType", "/tcb/a", "{ \"name\": \"x\", \"type\": \"decimal\" }"));
            _project.File("reserved.tcb.json", Spec("reservedName", "/tcb/b", "{ \"name\": \"o\", \"type\": \"object\", \"typeName\": \"TcbAuthorizerClient\", \"fields\": [] }"));
            _project.File("sub/duplicate.tcb.json", Spec("changeTcbEnv", "/tcb/c", "{ \"name\": \"env\", \"type\": \"string\" }"));
            _project.File("conflict.tcb.json", Spec("conflicting", "/tcb/d", "{ \"name\": \"env\", \"type\": \"string\" }", "{ \"code\": 40014, \"name\": \"BadToken\", \"message\": \"invalid access_token\" }"));

            string[] build = BuildDiagnostics(Directory.GetFiles(_project.Path, "*.tcb.json", SearchOption.AllDirectories));
            (int exitCode, _, string output) = await Tool.RunAsync("check", _project.Path);
            string[] tool = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error TCB", StringComparison.Ordinal)).ToArray();

            Assert.Equal(1, exitCode);
            Assert.Equal(new[] { "TCB0001", "TCB0006", "TCB0013", "TCB0014", "TCB0015" }, build.Select(Id).Distinct().OrderBy(i => i, StringComparer.Ordinal));
            Assert.Equal(build.OrderBy(l => l, StringComparer.Ordinal), tool.OrderBy(l => l, StringComparer.Ordinal));
        }

        [Fact]
        public async Task GoodSpecsPassAndJsonIsMachineReadable()
        {
            _project.File("own.tcb.json", Spec("ownEndpoint", "/tcb/own", "{ \"name\": \"env\", \"type\": \"string\", \"required\": true }"));
            (int ok, string okText, _) = await Tool.RunAsync("check", _project.Path);
            Assert.Equal(0, ok);
            Assert.Contains("1 spec file(s) checked, 0 error(s).", okText);

            string bad = _project.File("bad.tcb.json", Spec("badEndpoint", "/tcb/bad", "{ \"name\": \"x\", \"type\": \"decimal\" }"));
            (int exitCode, string json, _) = await Tool.RunAsync("check", bad, "--format", "json");
            Assert.Equal(1, exitCode);
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement diagnostic = document.RootElement.GetProperty("diagnostics").EnumerateArray().Single();
            Assert.Equal("TCB0006", diagnostic.GetProperty("id").GetString());
            Assert.Equal(bad, diagnostic.GetProperty("file").GetString());
            Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
            Assert.True(diagnostic.GetProperty("line").GetInt32() > 1);
            Assert.Equal(1, document.RootElement.GetProperty("errors").GetInt32());
        }

        [Fact]
        public async Task DefinitionsFilesAreCheckedAsTheBuildChecksThem()
        {
            const string Definitions = """{ "types": [{ "typeName": "Shared", "type": "object", "fields": [{ "name": "id", "type": "string" }] }], "errorSets": { "own": [{ "code": 40101, "name": "MissingParameter" }] } }""";
            _project.File("shared.tcb.defs.json", Definitions);
            _project.File("user.tcb.json", Spec("userEndpoint", "/tcb/user", "{ \"name\": \"shared\", \"ref\": \"Shared\" }").Replace("\"retrySafe\": true,", "\"retrySafe\": true,\n  \"errorSets\": [\"own\"],"));
            (int ok, string okText, _) = await Tool.RunAsync("check", _project.Path);
            Assert.True(ok == 0, okText);
            Assert.Contains("2 spec file(s) checked, 0 error(s).", okText);

            _project.File("sub/broken.tcb.defs.json", """{ "types": [{ "typeName": "Other", "type": "string" }], "path": "/x" }""");
            _project.File("missing.tcb.json", Spec("missingRef", "/tcb/missing", "{ \"name\": \"x\", \"ref\": \"Nowhere\" }"));
            string[] build = BuildDiagnostics(Directory.GetFiles(_project.Path, "*.json", SearchOption.AllDirectories));
            (int exitCode, _, string output) = await Tool.RunAsync("check", _project.Path);
            string[] tool = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error TCB", StringComparison.Ordinal)).ToArray();

            Assert.Equal(1, exitCode);
            Assert.Equal(new[] { "TCB0004", "TCB0018", "TCB0019" }, build.Select(Id).Distinct().OrderBy(i => i, StringComparer.Ordinal));
            Assert.Equal(build.OrderBy(l => l, StringComparer.Ordinal), tool.OrderBy(l => l, StringComparer.Ordinal));
        }

        [Fact]
        public async Task TheSeedSpecsThemselvesAreCheckedOnce()
        {
            (int exitCode, string output, _) = await Tool.RunAsync("check", Path.Combine(AppContext.BaseDirectory, "seed-specs"));
            Assert.True(exitCode == 0, output);
            Assert.Contains("4 spec file(s) checked, 0 error(s).", output);
        }

        [Fact]
        public async Task AMissingPathIsAUsageError()
        {
            (int exitCode, _, string error) = await Tool.RunAsync("check", Path.Combine(_project.Path, "nothing-here"));
            Assert.Equal(2, exitCode);
            Assert.Contains("nothing-here", error);
        }

        public void Dispose() => _project.Dispose();

        private static string Id(string line) => line.Substring(line.IndexOf(": error ", StringComparison.Ordinal) + 8, 7);

        private static string Spec(string name, string path, string field, string? error = null) => $$"""
            {
              "name": "{{name}}",
              "title": "A test spec",
              "method": "POST",
              "path": "{{path}}",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": { "fields": [ {{field}} ] }{{(error == null ? string.Empty : ",\n  \"errors\": [ " + error + " ]")}}
            }
            """;

        /// <summary>The build's view: the generator in a compilation, with the project's specs and the built-in ones, as TcbGen.targets adds them.</summary>
        private static string[] BuildDiagnostics(IEnumerable<string> projectSpecs)
        {
            // Every built-in spec and definitions file, as a project with the package compiles them (and tcbgen check reads them).
            IEnumerable<string> builtIns = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "built-in-specs"), "*.json", SearchOption.AllDirectories)
                .Where(TcbGen.Specs.SpecParser.IsInputFile);
            AdditionalText[] texts = projectSpecs.Concat(builtIns).Select(p => (AdditionalText)new FileText(p)).ToArray();
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new TcbGenerator().AsSourceGenerator() }, texts);
            driver = driver.RunGenerators(CSharpCompilation.Create("Consumer"));
            return driver.GetRunResult().Diagnostics
                .Select(d =>
                {
                    FileLinePositionSpan span = d.Location.GetLineSpan();
                    string file = span.Path.Contains("built-in-specs", StringComparison.Ordinal) ? "builtin/" + Path.GetFileName(span.Path) : span.Path;
                    return $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
                })
                .ToArray();
        }

        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }
    }
}
