using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Cli.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Cli.Tests.Commands
{
    /// <summary>
    /// Every command as a process: data (a spec, JSON, a report, the banner) on standard output, diagnostics and warnings on
    /// standard error, and each option's help stating its default in one style, <c>[default: ...]</c> at the end.
    /// </summary>
    public sealed class OutputStreamTests
    {
        private const string BrokenSpec = "{ \"name\": \"broken\", \"title\": \"t\", \"retrySafe\": false, \"method\": \"POST\", \"path\": \"/tcb/broken\", \"tokenKinds\": [\"authorizer_access_token\"], \"response\": { \"fields\": [ { \"name\": \"x\", \"type\": \"nope\" } ] } }";

        [Fact]
        public async Task CheckPrintsDiagnosticsOnStderrAndTheSummaryOnStdout()
        {
            using var temp = new TempDirectory();
            temp.File("broken.tcb.json", BrokenSpec);
            (int exitCode, string output, string error) = await ToolProcess.RunAsync(temp.Path, "check", ".", "--no-built-in-specs");
            Assert.Equal(1, exitCode);
            Assert.Matches(@"broken\.tcb\.json\(\d+,\d+\): error TCB\d{4}: ", error);
            Assert.Equal("1 spec file(s) checked, 1 error(s).", output.Trim());
        }

        [Fact]
        public async Task CheckJsonIsAllOnStdout()
        {
            using var temp = new TempDirectory();
            temp.File("broken.tcb.json", BrokenSpec);
            (int exitCode, string output, string error) = await ToolProcess.RunAsync(temp.Path, "check", "--specs", "broken.tcb.json", "--format", "json", "--no-built-in-specs");
            Assert.Equal(1, exitCode);
            Assert.Equal(string.Empty, error);
            using JsonDocument json = JsonDocument.Parse(output);
            Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
        }

        [Fact]
        public async Task ImportPrintsTheSpecOnStdoutAndTheReviewOnStderr()
        {
            string page = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Import", "SeedPages")).OrderBy(p => p, StringComparer.Ordinal).First();
            (int exitCode, string output, string error) = await ToolProcess.RunAsync(AppContext.BaseDirectory, "import", page);
            Assert.Equal(0, exitCode);
            using JsonDocument spec = JsonDocument.Parse(output);
            Assert.True(spec.RootElement.TryGetProperty("decisions", out _));
            Assert.StartsWith("Decisions to review", error);
        }

        [Fact]
        public async Task DiffPrintsDifferencesOnStdoutAndWarningsOnStderr()
        {
            string page = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Import", "SeedPages")).OrderBy(p => p, StringComparer.Ordinal).First();
            string spec = Path.Combine(AppContext.BaseDirectory, "seed-specs", "changeTcbEnv.tcb.json");
            (int exitCode, string output, string error) = await ToolProcess.RunAsync(AppContext.BaseDirectory, "diff", spec, page, "--format", "json");
            Assert.InRange(exitCode, 0, 1);
            using JsonDocument report = JsonDocument.Parse(output);
            Assert.True(report.RootElement.TryGetProperty("items", out _));
            Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("warning: ", line));
        }

        [Fact]
        public async Task InitEndsWithTheNextStepsOnStdout()
        {
            using var temp = new TempDirectory();
            (int exitCode, string output, string error) = await ToolProcess.RunAsync(temp.Path, "init");
            Assert.Equal(0, exitCode);
            Assert.Equal(string.Empty, error);
            string next = output.Substring(output.IndexOf("Next:", StringComparison.Ordinal));
            Assert.Contains("dotnet add package TcbGen ", next);
            Assert.Contains("dotnet build", next);
            Assert.Contains("tcbgen emulator", next);
        }

        [Theory]
        [InlineData("emulator", "--specs", "no/such/specs")]
        [InlineData("emulator", "--no-built-in-specs")]
        [InlineData("emulator", "--port", "70000")]
        [InlineData("check", "--format", "xml")]
        [InlineData("check", "no/such/spec.tcb.json")]
        public async Task AUsageErrorIsOneLineOnStderrAndExitTwo(params string[] args)
        {
            (int exitCode, string output, string error) = await ToolProcess.RunAsync(AppContext.BaseDirectory, args);
            Assert.Equal(2, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("tcbgen", error);
            Assert.DoesNotContain("   at ", error);
        }

        [Theory]
        [InlineData("import", "--output", "--schema", "--force")]
        [InlineData("diff", "--format")]
        [InlineData("check", "--specs", "--format", "--no-built-in-specs")]
        [InlineData("emulator", "--port", "--specs", "--no-built-in-specs", "--text-plain", "--admin-key")]
        public async Task EachOptionsHelpStatesItsDefault(string command, params string[] options)
        {
            (int exitCode, string output, _) = await ToolProcess.RunAsync(AppContext.BaseDirectory, command, "--help");
            Assert.Equal(0, exitCode);
            string[] lines = output.Split('\n');
            foreach (string option in options)
            {
                int first = Array.FindIndex(lines, l => l.TrimStart().StartsWith(option, StringComparison.Ordinal) || l.Contains(", " + option, StringComparison.Ordinal));
                Assert.True(first >= 0, $"{command} --help has no {option}:\n{output}");
                string text = string.Join(" ", lines.Skip(first).TakeWhile((l, i) => i == 0 || !l.TrimStart().StartsWith('-')));
                Assert.Contains("[default: ", text, StringComparison.Ordinal);
            }
        }
    }
}
