using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using TcbGen.Packaging.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Packaging.Tests
{
    /// <summary>
    /// The user's real path: pack the packages, create a brand-new project outside this repository, add the
    /// package, add a spec of its own, build with warnings as errors, and call both a built-in endpoint and its
    /// own endpoint through the emulator.
    /// </summary>
    public sealed class PackageConsumerTests : IDisposable
    {
        private static readonly TimeSpan Slow = TimeSpan.FromMinutes(5);

        private readonly string _root = Path.Combine(Path.GetTempPath(), "tcbgen-consumer-" + Guid.NewGuid().ToString("N"));
        private readonly string _version = "1.0.0-consumer." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

        [Fact]
        public void ABrandNewProjectAddsThePackageAddsASpecAndCallsIt()
        {
            string feed = Path.Combine(_root, "feed");
            string consumer = Path.Combine(_root, "Consumer");
            Directory.CreateDirectory(feed);
            string repository = DotNet.RepositoryRoot();
            foreach (string project in new[] { "runtime/TcbGen.Runtime", "runtime/TcbGen.Testing", "generator/TcbGen.Generator" })
            {
                DotNet.Run(repository, Slow, "pack", project, "-c", "Release", "-o", feed, "--no-restore", $"-p:Version={_version}");
            }

            AssertGeneratorPackageLayout(Path.Combine(feed, $"TcbGen.{_version}.nupkg"));
            AssertRuntimePackageLayout(Path.Combine(feed, $"TcbGen.Runtime.{_version}.nupkg"));

            DotNet.Run(_root, Slow, "new", "console", "-o", consumer, "-n", "Consumer", "--no-restore");
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"<configuration><packageSources><add key=\"local\" value=\"{feed}\" /></packageSources></configuration>");
            DotNet.Run(consumer, Slow, "add", "package", "TcbGen", "--version", _version);
            DotNet.Run(consumer, Slow, "add", "package", "TcbGen.Testing", "--version", _version);
            string csproj = Path.Combine(consumer, "Consumer.csproj");
            File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>"));
            File.WriteAllText(Path.Combine(consumer, "describeEnvs.tcb.json"), FifthSpec);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

            string output = DotNet.Run(consumer, Slow, "run", "--", consumer);

            Assert.Contains("built-in changeTcbEnv: errcode 0", output);
            Assert.Contains("own describeEnvs: errcode 0, first env env-1 (prod)", output);
            Assert.Contains("validation: env", output);
        }

        private void AssertGeneratorPackageLayout(string package)
        {
            using ZipArchive zip = ZipFile.OpenRead(package);
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            // The spec module (generator/TcbGen.Specs) is compiled into the analyzer: it is the one assembly the compiler
            // loads, with nothing beside it to resolve. The consumer build below proves it loads and generates.
            Assert.Equal(new[] { "analyzers/dotnet/cs/TcbGen.Generator.dll" }, entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).ToArray());
            Assert.Contains("buildTransitive/TcbGen.props", entries);
            Assert.Contains("buildTransitive/TcbGen.targets", entries);
            Assert.Contains("buildTransitive/specs/setCallBackConfig.tcb.json", entries);
            // Each family's folder is packed (its pages stay home).
            Assert.Contains("buildTransitive/specs/cloudbase-common/getEnvInfo.tcb.json", entries);
            Assert.Contains("buildTransitive/specs/cloudbase-batch/getTcbEnvList.tcb.json", entries);
            Assert.Contains("buildTransitive/specs/cloudrun-batch/getCsList.tcb.json", entries);
            Assert.DoesNotContain(entries, e => e.Contains("/pages/", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName == "TcbGen.nuspec").Open());
            string text = nuspec.ReadToEnd();
            Assert.Contains($"<dependency id=\"TcbGen.Runtime\" version=\"{_version}\"", text);
            Assert.Contains("<license type=\"expression\">MIT</license>", text);
            Assert.Contains("<readme>README.md</readme>", text);
        }

        /// <summary>
        /// The runtime runs the generator over specs/component at build time: neither the generator nor those specs ship in
        /// its package, and it does not depend on the generator's package (which depends on it).
        /// </summary>
        private static void AssertRuntimePackageLayout(string package)
        {
            using ZipArchive zip = ZipFile.OpenRead(package);
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/netstandard2.0/TcbGen.Runtime.dll", entries);
            Assert.Contains("lib/net8.0/TcbGen.Runtime.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.Contains("TcbGen.Generator", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.EndsWith(".json", StringComparison.Ordinal) || e.StartsWith("content", StringComparison.Ordinal) || e.StartsWith("build", StringComparison.Ordinal));
            using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName == "TcbGen.Runtime.nuspec").Open());
            Assert.DoesNotContain("<dependency id=\"TcbGen\"", nuspec.ReadToEnd(), StringComparison.Ordinal);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; don't hide the test's own result.
            }
        }

        private const string FifthSpec = """
            {
              "name": "describeEnvs",
              "title": "List cloud environments (consumer's own spec)",
              "method": "POST",
              "path": "/tcb/describeenvs",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": { "fields": [ { "name": "env", "type": "string", "required": true } ] },
              "response": {
                "fields": [
                  {
                    "name": "info_list",
                    "type": "array",
                    "items": { "type": "object", "typeName": "EnvInfo", "fields": [ { "name": "env", "type": "string" }, { "name": "alias", "type": "string" } ] }
                  }
                ]
              },
              "errors": [ { "code": 40101, "name": "MissingParameter", "message": "missing parameter" } ],
              "examples": [ { "request": { "env": "env-1" }, "response": { "errcode": 0, "errmsg": "ok", "info_list": [ { "env": "env-1", "alias": "prod" } ] } } ]
            }
            """;

        private const string ConsumerProgram = """
            using System;
            using System.Net.Http;
            using Consumer.Tcb;
            using TcbGen.Runtime;
            using TcbGen.Testing;

            var options = new WeChatEmulatorOptions { IncludeBuiltInSpecs = true };
            options.SpecDirectories.Add(args[0]);
            await using var emulator = await WeChatEmulator.StartAsync(options);
            string token = emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, "wx-consumer");
            using var http = new HttpClient();
            var transport = new TcbHttpTransport(http, TcbDelegateAccessTokenSource.FromStatic(token), new TcbGenOptions { BaseAddress = emulator.BaseAddress });
            ITcbAuthorizerClient client = new TcbAuthorizerClient(transport, "wx-consumer");

            ChangeTcbEnvResponse builtIn = await client.ChangeTcbEnvAsync(new ChangeTcbEnvRequest { Env = "env-1" });
            Console.WriteLine($"built-in changeTcbEnv: errcode {builtIn.ErrorCode}");

            DescribeEnvsResponse own = await client.DescribeEnvsAsync(new DescribeEnvsRequest { Env = "env-1" });
            EnvInfo first = own.InfoList![0];
            Console.WriteLine($"own describeEnvs: errcode {own.ErrorCode}, first env {first.Env} ({first.Alias})");

            try
            {
                await client.DescribeEnvsAsync(new DescribeEnvsRequest { Env = null! });
            }
            catch (TcbValidationException e)
            {
                Console.WriteLine($"validation: {e.Problems[0].Path}");
            }
            """;
    }
}
