using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using TcbGen.Specs;
using TcbGen.Specs.Model;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.BuiltInSpecs.Tests
{
    /// <summary>
    /// specs/COVERAGE.md, the one table of every built-in endpoint (its page, client methods, token kinds, and whether the
    /// emulator keeps state for it), stays in step with the specs and the emulator's state links:
    /// <c>TCBGEN_UPDATE_SNAPSHOTS=1</c> rewrites it.
    /// </summary>
    public sealed class CoverageTableTests
    {
        /// <summary>The checked-in table equals the one the specs and the emulator give today.</summary>
        [Fact]
        public async Task TheCoverageTableMatchesTheSpecs()
        {
            IReadOnlyDictionary<string, string> stateful;
            await using (WeChatEmulator emulator = await WeChatEmulator.StartAsync())
            {
                stateful = emulator.StatefulEndpoints;
                Assert.Equal(BuiltInSpecSet.Endpoints.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal), emulator.EndpointNames.OrderBy(n => n, StringComparer.Ordinal));
            }

            string path = Path.Combine(RepositoryRoot(), "specs", "COVERAGE.md");
            string table = Render(stateful);
            if (Environment.GetEnvironmentVariable("TCBGEN_UPDATE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(path, table);
            }

            Assert.True(File.Exists(path), "specs/COVERAGE.md is missing: run the tests with TCBGEN_UPDATE_SNAPSHOTS=1");
            Assert.Equal(table, File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        private static string Render(IReadOnlyDictionary<string, string> stateful)
        {
            var text = new StringBuilder();
            text.Append("# Built-in endpoints\n\n");
            text.Append("Every endpoint TcbGen generates by default, from `specs/` (made by `CoverageTableTests`; run the tests with\n");
            text.Append("`TCBGEN_UPDATE_SNAPSHOTS=1` after changing a spec). **Emulator** says what the emulator keeps between calls; \"example\"\n");
            text.Append("means it answers the spec's example response. A family is switched off with `TcbGenIncludeCloudbaseCommon=false`,\n");
            text.Append("`TcbGenIncludeCloudbaseBatch=false` or `TcbGenIncludeCloudrunBatch=false` (the four seed specs stay, unless\n");
            text.Append("`TcbGenIncludeBuiltInSpecs=false`). Endpoints found on WeChat's pages but not built in: [COVERAGE-EXTRA.md](COVERAGE-EXTRA.md).\n");
            foreach (IGrouping<string, EndpointSpec> family in BuiltInSpecSet.Endpoints.GroupBy(Family).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                text.Append($"\n## {family.Key} ({family.Count()} endpoints)\n\n");
                text.Append("| endpoint | HTTP | page | client method | token kinds | emulator |\n|---|---|---|---|---|---|\n");
                foreach (EndpointSpec spec in family.OrderBy(s => s.Path, StringComparer.Ordinal))
                {
                    string page = spec.Docs.Count > 0 ? $"[page]({spec.Docs[0]})" : "(seed)";
                    string clients = spec.IsTokenless ? "(none: token-less)" : string.Join("<br>", spec.TokenKinds.Select(k => $"`{TokenKinds.Of(k).ClientInterfaceName}.{spec.MethodName}`"));
                    string emulator = stateful.TryGetValue(spec.Name, out string? role) ? role : "example";
                    text.Append($"| {spec.Name} | {HttpMethods.WireName(spec.Method)} `{spec.Path}` | {page} | {clients} | {(spec.IsTokenless ? "none" : string.Join(", ", spec.TokenKinds) + (spec.TokenParameter != null ? $" (as `{spec.TokenParameter}=`)" : string.Empty))} | {emulator} |\n");
                }
            }

            return text.ToString();
        }

        private static string Family(EndpointSpec spec) => Path.GetFileName(Path.GetDirectoryName(spec.FilePath)) switch
        {
            "cloudbase-batch" => "cloudbase-batch: /componenttcb/, the platform's own calls",
            "cloudbase-common" => "cloudbase-common: /tcb/, calls for a merchant",
            "cloudrun-batch" => "cloudrun-batch: /componenttcb/ cloud hosting (container services), the platform's own calls",
            "component" => "component: /cgi-bin/component/, the third-party token flow (TcbGen.Runtime calls these; generated only with TcbGenIncludeComponentSpecs=true)",
            _ => "seeds: /tcb/, the four seed specs",
        };

        private static string RepositoryRoot()
        {
            for (DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "TcbGen.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (TcbGen.sln) is not above the test's folder.");
        }
    }
}
