using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// <c>tcbgen import</c> over folders and lists of pages: one report, a non-zero exit when a page fails, and no
    /// spec ever written over an existing file (without --force) or over another page's import of the same endpoint.
    /// </summary>
    public sealed class ImportCommandTests
    {
        [Fact]
        public async Task AFolderGivesOneReportAndFailsWhenAPageFails()
        {
            using var directory = new TempDirectory();
            directory.File("pages/a.md", PageShapeTests.MarkdownPage);
            directory.File("pages/b.md", PageShapeTests.JsonArrayPage);
            directory.File("pages/c.txt", "not a page");
            string output = Path.Combine(directory.Path, "specs");
            (int exitCode, string report, string error) = await Tool.RunAsync("import", Path.Combine(directory.Path, "pages"), "-o", output);

            Assert.Equal(1, exitCode);
            Assert.Contains("[1/3] ", error);
            Assert.Contains("c.txt: not an endpoint page", error);
            string[] lines = report.Split('\n');
            Assert.StartsWith("page", lines[0]);
            Assert.Contains(lines, l => l.Contains("getQrcodeDemo", System.StringComparison.Ordinal) && l.Contains("POST /wxa/getqrcodedemo", System.StringComparison.Ordinal) && l.Contains("wrote ", System.StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("c.txt", System.StringComparison.Ordinal) && l.Contains("FAILED: not an endpoint page", System.StringComparison.Ordinal));
            Assert.Contains("Total: 3 page(s): 2 imported", report);
            Assert.Contains("1 failed.", report);
            Assert.True(File.Exists(Path.Combine(output, "describeDemoEnvs.tcb.json")));
            Assert.True(File.Exists(Path.Combine(output, "getQrcodeDemo.tcb.json")));
        }

        [Fact]
        public async Task TwoPagesOfOneEndpointNeverOverwriteEachOther()
        {
            using var directory = new TempDirectory();
            string first = directory.File("pages/a.md", PageShapeTests.MarkdownPage);
            string second = directory.File("pages/b.md", PageShapeTests.MarkdownPage.Replace("| width | number | 否 | 二维码的宽度，单位 px |\n", string.Empty, System.StringComparison.Ordinal));
            string output = Path.Combine(directory.Path, "specs");
            (int exitCode, string report, string error) = await Tool.RunAsync("import", first, second, "-o", output);

            Assert.Equal(1, exitCode);
            Assert.Contains("already holds the import of " + first, report);
            Assert.Contains("b.md: ", error);
            Assert.Contains("\"name\": \"width\"", File.ReadAllText(Path.Combine(output, "getQrcodeDemo.tcb.json")));
            Assert.Contains("Total: 2 page(s): 1 imported", report);
        }

        [Fact]
        public async Task AnExistingSpecIsKeptUnlessForced()
        {
            using var directory = new TempDirectory();
            string page = directory.File("pages/a.md", PageShapeTests.MarkdownPage);
            string spec = directory.File("specs/getQrcodeDemo.tcb.json", "{ \"reviewed\": true }");

            (int kept, string keptReport, _) = await Tool.RunAsync("import", Path.Combine(directory.Path, "pages"), "-o", Path.Combine(directory.Path, "specs"));
            Assert.Equal(1, kept);
            Assert.Contains("exists; not overwritten (pass --force", keptReport);
            Assert.Equal("{ \"reviewed\": true }", File.ReadAllText(spec));

            (int single, _, string singleError) = await Tool.RunAsync("import", page, "-o", spec);
            Assert.Equal(1, single);
            Assert.Contains("pass --force", singleError);
            Assert.Equal("{ \"reviewed\": true }", File.ReadAllText(spec));

            (int forced, string forcedOutput, _) = await Tool.RunAsync("import", page, "-o", spec, "--force");
            Assert.Equal(0, forced);
            Assert.Contains("Wrote " + spec, forcedOutput);
            Assert.Contains("\"name\": \"getQrcodeDemo\"", File.ReadAllText(spec));
        }

        [Fact]
        public async Task UserErrorsAreOneLineAndExitCodeTwo()
        {
            using var directory = new TempDirectory();
            string page = directory.File("a.md", PageShapeTests.MarkdownPage);
            string file = directory.File("not-a-folder.json", "{}");
            directory.File("empty/readme.json", "{}");

            foreach (string[] args in new[]
            {
                new[] { "import", page, "-o", Path.Combine(directory.Path, "missing", "dir", "x.tcb.json") },
                new[] { "import", Path.Combine(directory.Path, "nope.md") },
                new[] { "import", page, page, "-o", file },
                new[] { "import", Path.Combine(directory.Path, "empty") },
                new[] { "import" },
                new[] { "import", page, "--no-such-option" },
            })
            {
                (int exitCode, string output, string error) = await Tool.RunAsync(args);
                Assert.True(exitCode == 2, string.Join(" ", args) + ": " + exitCode + " " + error);
                Assert.DoesNotContain(" at ", error);
                Assert.True(error.TrimEnd().Split('\n').Length <= 2, error);
                Assert.Equal(string.Empty, output);
            }
        }
    }
}
