using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TcbGen.Cli.Import;
using TcbGen.Cli.Tests.Import;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Cli.Tests.Diff
{
    /// <summary><c>tcbgen diff SPEC PAGE</c> on a small spec and page: the same (0), different (1), usage errors (2).</summary>
    public sealed class DiffCommandTests
    {
        private static JsonObject ImportedSpec() => JsonNode.Parse(SpecWriter.Write(PageImporter.Import(PageShapeTests.MarkdownPage), null))!.AsObject();

        private static JsonArray RequestFields(JsonObject spec) => spec["request"]!["fields"]!.AsArray();

        [Fact]
        public async Task APageThatMatchesItsSpecExitsZero()
        {
            using var directory = new TempDirectory();
            string page = directory.File("page.md", PageShapeTests.MarkdownPage);
            string spec = directory.File("specs/getQrcodeDemo.tcb.json", ImportedSpec().ToJsonString());

            (int exitCode, string output, _) = await Tool.RunAsync("diff", spec, page);

            Assert.True(exitCode == 0, output);
            Assert.Contains("agrees with", output);
        }

        [Fact]
        public async Task WhatThePageAddsRemovesAndChangesIsReportedAndExitsOne()
        {
            using var directory = new TempDirectory();
            JsonObject reviewed = ImportedSpec();
            JsonArray fields = RequestFields(reviewed);
            fields.Remove(fields.Single(f => (string?)f!["name"] == "width"));                       // the page adds width
            fields.Add(new JsonObject { ["name"] = "scene", ["type"] = "string" });                   // the page removes scene
            fields.Single(f => (string?)f!["name"] == "path")!["required"] = false;                   // required-ness changed
            JsonObject lineColor = fields.Single(f => (string?)f!["name"] == "line_color")!.AsObject();
            lineColor["fields"]!.AsArray()[0]!["format"] = "int64";                                    // decided below
            reviewed["decisions"] = new JsonArray("'line_color.r' is an int64: the reviewer's call.");
            reviewed["errors"]!.AsArray().Add(new JsonObject { ["code"] = 40002, ["name"] = "InvalidGrantType", ["message"] = "invalid grant_type" });
            string spec = directory.File("specs/getQrcodeDemo.tcb.json", reviewed.ToJsonString());
            string page = directory.File("page.md", PageShapeTests.MarkdownPage);

            (int exitCode, string output, _) = await Tool.RunAsync("diff", spec, page);

            Assert.Equal(1, exitCode);
            Assert.Contains("added  request.width  field: added on the page: integer(int32)", output);
            Assert.Contains("removed  request.scene  field: not on the page (the spec has string, optional)", output);
            Assert.Contains("changed  request.path  required: spec optional -> page required", output);
            Assert.Contains("decided  request.line_color.r  type: spec integer(int64) -> page integer(int32)", output);
            Assert.Contains("removed  errcode 40002  errcode", output);
            Assert.Contains("4 difference(s)", output);

            (int jsonExit, string json, _) = await Tool.RunAsync("diff", spec, page, "--format", "json");
            Assert.Equal(1, jsonExit);
            using JsonDocument document = JsonDocument.Parse(json);
            Assert.Equal(4, document.RootElement.GetProperty("differences").GetInt32());
            Assert.Equal(1, document.RootElement.GetProperty("decided").GetInt32());
            Assert.Contains(document.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("subject").GetString() == "request.width" && i.GetProperty("change").GetString() == "added" && i.GetProperty("spec").ValueKind == JsonValueKind.Null);
        }

        [Fact]
        public async Task OnlyDecidedDifferencesExitZero()
        {
            using var directory = new TempDirectory();
            JsonObject reviewed = ImportedSpec();
            RequestFields(reviewed).Single(f => (string?)f!["name"] == "width")!["format"] = "int64";
            reviewed["decisions"] = new JsonArray("width is an int64: decided against the page.");
            string spec = directory.File("specs/getQrcodeDemo.tcb.json", reviewed.ToJsonString());
            string page = directory.File("page.md", PageShapeTests.MarkdownPage);

            (int exitCode, string output, _) = await Tool.RunAsync("diff", spec, page);

            Assert.True(exitCode == 0, output);
            Assert.Contains("decided  request.width  type", output);
            Assert.Contains("1 difference(s) the spec's decisions settle", output);
        }

        [Fact]
        public async Task RefTypesAndErrorSetsResolveFromTheFolderAbove()
        {
            using var directory = new TempDirectory();
            JsonObject reviewed = ImportedSpec();
            JsonObject lineColor = RequestFields(reviewed).Single(f => (string?)f!["name"] == "line_color")!.AsObject();
            JsonNode declared = lineColor.DeepClone();
            lineColor.Remove("type");
            lineColor.Remove("fields");
            lineColor["ref"] = "QrColor";
            reviewed["errorSets"] = new JsonArray("demo");
            reviewed["errors"]!.AsArray().RemoveAt(0);
            var defs = new JsonObject
            {
                ["types"] = new JsonArray(new JsonObject { ["typeName"] = "QrColor", ["type"] = "object", ["fields"] = declared["fields"]!.DeepClone() }),
                ["errorSets"] = new JsonObject { ["demo"] = new JsonArray(new JsonObject { ["code"] = 40159, ["name"] = "InvalidPathLength" }) },
            };
            directory.File("specs/demo.tcb.defs.json", defs.ToJsonString());
            string spec = directory.File("specs/family/getQrcodeDemo.tcb.json", reviewed.ToJsonString());
            string page = directory.File("page.md", PageShapeTests.MarkdownPage);

            (int exitCode, string output, string error) = await Tool.RunAsync("diff", spec, page);

            Assert.True(exitCode == 0, output + error);
        }

        [Fact]
        public async Task UsageErrorsExitTwo()
        {
            using var directory = new TempDirectory();
            string page = directory.File("page.md", PageShapeTests.MarkdownPage);
            string notJson = directory.File("bad.tcb.json", "{ nope");
            string blog = directory.File("blog.md", "# A blog post\n");
            string spec = directory.File("ok.tcb.json", ImportedSpec().ToJsonString());

            foreach (string[] args in new[]
            {
                new[] { "diff", Path.Combine(directory.Path, "missing.tcb.json"), page },
                new[] { "diff", notJson, page },
                new[] { "diff", spec, blog },
                new[] { "diff", spec },
                new[] { "diff", spec, page, "--format", "xml" },
            })
            {
                (int exitCode, string output, string error) = await Tool.RunAsync(args);
                Assert.True(exitCode == 2, string.Join(" ", args) + ": " + exitCode + " " + error);
                Assert.Equal(string.Empty, output);
                Assert.DoesNotContain(" at ", error);
            }
        }
    }
}
