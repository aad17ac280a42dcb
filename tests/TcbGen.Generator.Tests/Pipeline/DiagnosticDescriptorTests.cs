using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TcbGen.Generator.Diagnostics;
using TcbGen.Generator.Emit;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Specs;
using Xunit;

namespace TcbGen.Generator.Tests.Pipeline
{
    /// <summary>Every TCB id has one static descriptor, is listed for release tracking and links to its explanation.</summary>
    public sealed class DiagnosticDescriptorTests
    {
        private static readonly string[] Ids = typeof(SpecDiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetValue(null)!)
            .ToArray();

        [Fact]
        public void EveryIdHasExactlyOneDescriptor()
        {
            Assert.Equal(Ids.OrderBy(i => i), DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(i => i));
            Assert.All(Ids, id => Assert.Equal(id, DiagnosticDescriptors.ForSpec(id).Id));
        }

        [Fact]
        public void EveryIdIsListedInTheAnalyzerReleases()
        {
            string directory = Path.Combine(Paths.RepositoryRoot, "generator", "TcbGen.Generator");
            string releases = File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Shipped.md")) + File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Unshipped.md"));
            Assert.All(DiagnosticDescriptors.All, d => Assert.Contains($"{d.Id} | {d.Category} | {d.DefaultSeverity} |", releases));
        }

        [Fact]
        public void EveryHelpLinkPointsAtItsRowInTheSpecReadme()
        {
            string readme = File.ReadAllText(Path.Combine(Paths.SpecsDirectory, "README.md"));
            string repositoryUrl = System.Xml.Linq.XDocument.Load(Path.Combine(Paths.RepositoryRoot, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value;
            Assert.Equal(repositoryUrl + "/blob/main/specs/README.md#", DiagnosticDescriptors.HelpLinkBase);
            foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.All)
            {
                string anchor = descriptor.Id.ToLowerInvariant();
                Assert.Equal(DiagnosticDescriptors.HelpLinkBase + anchor, descriptor.HelpLinkUri);
                Assert.Contains($"| <a id=\"{anchor}\"></a>{descriptor.Id} |", readme);
            }
        }

        [Fact]
        public void GeneratedCodeCarriesTheGeneratorsOwnVersion()
        {
            string expected = typeof(TcbGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

            Assert.Equal(expected, CSharp.GeneratorVersion);
            Assert.Contains($"GeneratedCode(\"TcbGen\", \"{expected}\")", CSharp.GeneratedCodeAttribute, StringComparison.Ordinal);
        }
    }
}
