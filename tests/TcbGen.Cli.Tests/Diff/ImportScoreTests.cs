using System.Linq;
using System.Text.Json.Nodes;
using TcbGen.Cli.Diff;
using TcbGen.Cli.Import;
using TcbGen.Cli.Tests.Import;
using Xunit;

namespace TcbGen.Cli.Tests.Diff
{
    /// <summary>The import-accuracy score on a cut page: only what the page text shows counts.</summary>
    public sealed class ImportScoreTests
    {
        [Fact]
        public void SpecFieldsAndCodesThePageNeverNamesAreNotCountedWhenThePageTextIsGiven()
        {
            string imported = SpecWriter.Write(PageImporter.Import(PageShapeTests.MarkdownPage), null);
            JsonObject reviewed = JsonNode.Parse(imported)!.AsObject();
            reviewed["request"]!["fields"]!.AsArray().Add(new JsonObject { ["name"] = "is_hyaline", ["type"] = "boolean" });
            reviewed["errors"]!.AsArray().Add(new JsonObject { ["code"] = 45009, ["name"] = "DailyQuotaReached", ["message"] = "reach max api daily quota limit" });
            reviewed["request"]!["fields"]!.AsArray().Single(f => (string?)f!["name"] == "width")!["format"] = "int64";

            ImportScore all = ImportScore.Compare(reviewed.ToJsonString(), imported);
            ImportScore shown = ImportScore.Compare(reviewed.ToJsonString(), imported, PageShapeTests.MarkdownPage);

            Assert.Equal(8, all.Fields);
            Assert.Equal(6, all.FieldsRight);
            Assert.Equal(3, all.Codes);
            Assert.Equal(7, shown.Fields);
            Assert.Equal(6, shown.FieldsRight);
            Assert.Equal(2, shown.Codes);
            Assert.Equal(2, shown.CodesRight);
            Assert.Contains(shown.Wrong, w => w.StartsWith("request.width: expected integer(int64), optional, imported integer(int32), optional", System.StringComparison.Ordinal));
        }
    }
}
