using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TcbGen.Cli.Import;
using TcbGen.Cli.Tests.Infrastructure;
using TcbGen.Generator;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// The issue's bar: a user with only the tool imports seed pages and builds a working client from the result. The
    /// imported specs go through the real generator into a compilation with the user's code, which is run against the
    /// emulator serving the same imported specs.
    /// </summary>
    public sealed class ImportedClientTests
    {
        private const string UserCode = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Imported.Tcb;
            using TcbGen.Runtime;

            public static class Probe
            {
                public static async Task<string> RunAsync(Uri baseAddress, string token)
                {
                    using var http = new HttpClient();
                    var transport = new TcbHttpTransport(http, TcbDelegateAccessTokenSource.FromStatic(token), new TcbGenOptions { BaseAddress = baseAddress });
                    ITcbAuthorizerClient client = new TcbAuthorizerClient(transport, "wx-imported");
                    ChangeTcbEnvResponse env = await client.ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = "env-1" });
                    SetCloudAccessTokenResponse get = await client.SetCloudAccessTokenAsync(new SetCloudAccessTokenRequest { Action = SetCloudAccessTokenAction.Get, Env = "env-1" });
                    SetCallBackConfigResponse config = await client.SetCallBackConfigAsync(new SetCallBackConfigRequest
                    {
                        ContainerConfig = new SetCallBackConfigContainerConfig { Enable = true, QbaseEnv = "env-1", QbaseContainerPath = "/echo", TextMode = SetCallBackConfigContainerConfigTextMode.Json },
                    });
                    CreateCloudUserResponse user = await client.CreateCloudUserAsync();
                    return $"{env.ErrorCode} {get.ErrorCode} {get.Version} {config.ErrorCode} {user.ErrorCode}";
                }
            }
            """;

        [Fact]
        public async Task ClientsGeneratedFromImportedSeedPagesCallTheEmulator()
        {
            using var specs = new TempDirectory();
            foreach (string page in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Import", "SeedPages")))
            {
                ImportedSpec spec = PageImporter.Import(File.ReadAllText(page));
                specs.File(spec.Name + ".tcb.json", SpecWriter.Write(spec, null));
            }

            Assembly assembly = Compile(Directory.GetFiles(specs.Path));
            var options = new WeChatEmulatorOptions();
            options.SpecDirectories.Add(specs.Path);
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(options);
            string token = emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, "wx-imported");

            var run = (Task<string>)assembly.GetType("Probe")!.GetMethod("RunAsync")!.Invoke(null, new object[] { emulator.BaseAddress, token })!;

            Assert.Equal("0 0 2 0 0", await run);
        }

        private static Assembly Compile(IEnumerable<string> specFiles)
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            IEnumerable<MetadataReference> references = platform
                .Append(typeof(TcbGen.Runtime.TcbGenOptions).Assembly.Location)
                .Select(p => MetadataReference.CreateFromFile(p));
            CSharpCompilation compilation = CSharpCompilation.Create(
                "ImportedClients",
                new[] { CSharpSyntaxTree.ParseText(UserCode, parse) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new TcbGenerator().AsSourceGenerator() },
                specFiles.Select(f => (AdditionalText)new FileText(f)),
                parse,
                new NamespaceOptions("Imported.Tcb"));
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);

            using var image = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            image.Position = 0;
            return new AssemblyLoadContext("imported-clients", isCollectible: true).LoadFromStream(image);
        }

        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }

        private sealed class NamespaceOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
        {
            private readonly Options _options;

            public NamespaceOptions(string ns) => _options = new Options(ns);

            public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _options;

            public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

            private sealed class Options : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
            {
                private readonly string _ns;

                public Options(string ns) => _ns = ns;

                public override bool TryGetValue(string key, out string value)
                {
                    value = key == "build_property.TcbGenNamespace" ? _ns : null!;
                    return value != null;
                }
            }
        }
    }
}
