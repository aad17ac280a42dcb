using System;
using System.Globalization;
using System.IO;
using System.Linq;
using TcbGen.Cli.Diff;
using TcbGen.Cli.Import;
using TcbGen.Specs;
using Xunit;
using Xunit.Abstractions;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// Imports each of the four seed pages and scores the result, field by field, against the checked-in seed spec
    /// (specs/*.tcb.json), which a person wrote from the same page. The scores are printed; see the tool's README.
    /// </summary>
    public sealed class SeedAccuracyTests
    {
        /// <summary>
        /// The issue's bar, field by field over all four seeds. The one miss left is setCallBackConfig's 'callbacks', which
        /// its seed spec leaves optional while the page and its examples say nothing either way (see the tool's README).
        /// </summary>
        private const double FieldFloor = 0.95;

        private static readonly (string Page, string Spec)[] Seeds =
        {
            ("000_18b9cd9d8de95ad8.txt", "setCloudAccessToken.tcb.json"),
            ("001_5264509831f6ab2b.txt", "createCloudUser.tcb.json"),
            ("002_68d0f77148a9db40.txt", "changeTcbEnv.tcb.json"),
            ("003_7dc6d1a0f93ac71d.txt", "setCallBackConfig.tcb.json"),
        };

        private readonly ITestOutputHelper _output;

        public SeedAccuracyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void TheSeedPagesImportToTheSeedSpecs()
        {
            int fields = 0, right = 0;
            _output.WriteLine("| page | endpoint | fields right | errcodes | path | token kinds |");
            _output.WriteLine("|---|---|---|---|---|---|");
            foreach ((string page, string specFile) in Seeds)
            {
                string imported = SpecWriter.Write(PageImporter.Import(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "SeedPages", page))), null);
                ImportScore score = ImportScore.Compare(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed-specs", specFile)), imported);
                fields += score.Fields;
                right += score.FieldsRight;
                _output.WriteLine($"| {page} | {specFile} | {score.FieldsRight}/{score.Fields} | {score.CodesRight}/{score.Codes} | {(score.PathRight ? "ok" : "wrong")} | {(score.TokenKindsRight ? "ok" : "wrong")} |");
                foreach (string wrong in score.Wrong)
                {
                    _output.WriteLine("    " + wrong);
                }

                Assert.Empty(SpecParser.Parse(specFile, imported).Diagnostics);
                Assert.Equal(score.Codes, score.CodesRight);
                Assert.True(score.PathRight, page + ": the path differs");
                Assert.True(score.TokenKindsRight, page + ": the token kinds differ");
            }

            double share = (double)right / fields;
            _output.WriteLine($"overall: {right}/{fields} fields = {share.ToString("P1", CultureInfo.InvariantCulture)}; errcodes and paths 100 %");
            Console.WriteLine($"Seed import accuracy: {right}/{fields} fields = {share.ToString("P1", CultureInfo.InvariantCulture)}");
            Assert.True(share >= FieldFloor, $"{right}/{fields} fields right, below {FieldFloor:P0}");
        }
    }
}
