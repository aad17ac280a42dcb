using System.Collections.Generic;
using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TcbGen.Testing.Tests.Support;
using Xunit;

namespace TcbGen.Testing.Tests
{
    /// <summary>Which specs are served, and that a broken spec stops the start with located diagnostics.</summary>
    public sealed class SpecLoadingTests : IDisposable
    {
        private const string MinimalSpec = """
            {
              "name": "describeEnvs",
              "title": "List environments",
              "method": "POST",
              "path": "/tcb/describeenvs",
              "tokenKinds": ["authorizer_access_token"],
              "retrySafe": true,
              "request": { "fields": [ { "name": "env", "type": "string" } ] }
            }
            """;

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "tcbgen-emulator-tests-" + Guid.NewGuid().ToString("N"));

        public SpecLoadingTests()
        {
            Directory.CreateDirectory(_directory);
        }

        [Fact]
        public async Task ServesEveryEmbeddedBuiltInSpecByDefault()
        {
            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync();

            // The four seeds, both cloud-development families, cloud hosting and the four token-flow endpoints (81; the full list is specs/COVERAGE.md).
            Assert.Subset(emulator.EndpointNames.ToHashSet(), new HashSet<string> { "changeTcbEnv", "createCloudUser", "setCallBackConfig", "setCloudAccessToken", "getTcbEnvList", "getEnvInfo", "api_component_token", "api_query_auth" });
            Assert.Equal(81, emulator.EndpointNames.Count);
            Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
            Assert.NotEqual(0, emulator.BaseAddress.Port);
        }

        [Fact]
        public async Task ServesTheSpecsOfADirectoryInsteadOfTheSeeds()
        {
            File.WriteAllText(Path.Combine(_directory, "describeEnvs.tcb.json"), MinimalSpec);
            File.WriteAllText(Path.Combine(_directory, "notes.json"), "not a spec");
            var options = new WeChatEmulatorOptions();
            options.SpecDirectories.Add(_directory);
            await using Session session = await Session.StartAsync(options);

            WireResponse described = await session.PostAsync("/tcb/describeenvs", session.AuthorizerToken(), "{}");
            WireResponse seed = await session.PostAsync("/tcb/modifyenv", session.AuthorizerToken(), "{\"env\":\"e\"}");

            Assert.Equal(new[] { "describeEnvs" }, session.Emulator.EndpointNames);
            Assert.Equal("{\"errcode\":0,\"errmsg\":\"ok\"}", described.Text);
            Assert.Equal(404, seed.Status);
        }

        [Fact]
        public async Task ServesTheBuiltInSpecsBesideYourOwnWhenAskedTo()
        {
            File.WriteAllText(Path.Combine(_directory, "describeEnvs.tcb.json"), MinimalSpec);
            var options = new WeChatEmulatorOptions { IncludeBuiltInSpecs = true };
            options.SpecDirectories.Add(_directory);

            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(options);

            Assert.Contains("describeEnvs", emulator.EndpointNames);
            Assert.Contains("changeTcbEnv", emulator.EndpointNames);
            Assert.Equal(82, emulator.EndpointNames.Count);
        }

        [Fact]
        public async Task LeavesTheBuiltInSpecsOutWhenAskedTo()
        {
            var options = new WeChatEmulatorOptions { IncludeBuiltInSpecs = false };
            options.SpecFiles.Add(Path.Combine(SeedSpecs.Directory, "changeTcbEnv.tcb.json"));

            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(options);

            Assert.Equal(new[] { "changeTcbEnv" }, emulator.EndpointNames);
        }

        [Fact]
        public async Task ServesIndividualFilesToo()
        {
            string file = Path.Combine(_directory, "describeEnvs.tcb.json");
            File.WriteAllText(file, MinimalSpec);
            var options = new WeChatEmulatorOptions();
            options.SpecDirectories.Add(SeedSpecs.Directory);
            options.SpecFiles.Add(file);

            await using WeChatEmulator emulator = await WeChatEmulator.StartAsync(options);

            Assert.Equal(5, emulator.EndpointNames.Count);
            Assert.Contains("describeEnvs", emulator.EndpointNames);
        }

        [Fact]
        public async Task SpecWithDiagnosticsStopsTheStartListingThemWithLocations()
        {
            string file = Path.Combine(_directory, "broken.tcb.json");
            File.WriteAllText(file, MinimalSpec.Replace("\"retrySafe\": true,", string.Empty).Replace("\"string\"", "\"text\""));
            var options = new WeChatEmulatorOptions();
            options.SpecFiles.Add(file);

            WeChatEmulatorSpecException error = await Assert.ThrowsAsync<WeChatEmulatorSpecException>(() => WeChatEmulator.StartAsync(options));

            Assert.True(error.Diagnostics.Count == 2, string.Join("\n", error.Diagnostics));
            Assert.Contains(error.Diagnostics, d => d.StartsWith(file + "(1,1): TCB0002 ", StringComparison.Ordinal) && d.Contains("retrySafe", StringComparison.Ordinal));
            Assert.Contains(error.Diagnostics, d => d.StartsWith(file + "(8,53): TCB0006 ", StringComparison.Ordinal));
            Assert.Contains(file + "(8,53): TCB0006", error.Message);
        }

        [Fact]
        public async Task ADirectorysDefinitionsFileTypesItsSpecs()
        {
            File.WriteAllText(Path.Combine(_directory, "envs.tcb.defs.json"), """
                { "types": [{ "typeName": "EnvFilter", "type": "object", "fields": [{ "name": "alias", "type": "string", "required": true }] }],
                  "errorSets": { "envs": [{ "code": 40101, "name": "MissingParameter", "message": "missing parameter" }] } }
                """);
            File.WriteAllText(Path.Combine(_directory, "describeEnvs.tcb.json"), MinimalSpec
                .Replace("{ \"name\": \"env\", \"type\": \"string\" }", "{ \"name\": \"filter\", \"ref\": \"EnvFilter\" }")
                .Replace("\"retrySafe\": true,", "\"retrySafe\": true,\n  \"errorSets\": [\"envs\"],"));
            var options = new WeChatEmulatorOptions();
            options.SpecDirectories.Add(_directory);
            await using Session session = await Session.StartAsync(options);

            WireResponse good = await session.PostAsync("/tcb/describeenvs", session.AuthorizerToken(), "{\"filter\":{\"alias\":\"a\"}}");
            WireResponse missing = await session.PostAsync("/tcb/describeenvs", session.AuthorizerToken(), "{\"filter\":{}}");

            Assert.Equal(new[] { "describeEnvs" }, session.Emulator.EndpointNames);
            Assert.Equal("{\"errcode\":0,\"errmsg\":\"ok\"}", good.Text);
            Assert.Contains("\"errcode\":40101", missing.Text, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ABrokenDefinitionsFileStopsTheStartLocatedInThatFile()
        {
            string file = Path.Combine(_directory, "envs.tcb.defs.json");
            File.WriteAllText(file, "{\n  \"name\": \"describeEnvs\",\n  \"types\": []\n}");
            var options = new WeChatEmulatorOptions();
            options.SpecDirectories.Add(_directory);

            WeChatEmulatorSpecException error = await Assert.ThrowsAsync<WeChatEmulatorSpecException>(() => WeChatEmulator.StartAsync(options));

            Assert.Contains(error.Diagnostics, d => d.StartsWith(file + "(2,3): TCB0004 ", StringComparison.Ordinal) && d.Contains("definitions file", StringComparison.Ordinal));
        }

        [Fact]
        public async Task TwoSpecsWithTheSameNameAreRejectedAsTheBuildWouldReject()
        {
            File.WriteAllText(Path.Combine(_directory, "a.tcb.json"), MinimalSpec);
            File.WriteAllText(Path.Combine(_directory, "b.tcb.json"), MinimalSpec.Replace("/tcb/describeenvs", "/tcb/other"));
            var options = new WeChatEmulatorOptions();
            options.SpecDirectories.Add(_directory);

            WeChatEmulatorSpecException error = await Assert.ThrowsAsync<WeChatEmulatorSpecException>(() => WeChatEmulator.StartAsync(options));

            Assert.Contains(error.Diagnostics, d => d.Contains("b.tcb.json(2,11): TCB0013", StringComparison.Ordinal));
        }

        [Fact]
        public async Task TwoSpecsWithTheSamePathAreRejected()
        {
            File.WriteAllText(Path.Combine(_directory, "a.tcb.json"), MinimalSpec);
            File.WriteAllText(Path.Combine(_directory, "b.tcb.json"), MinimalSpec.Replace("describeEnvs", "listEnvs"));
            var options = new WeChatEmulatorOptions();
            options.SpecDirectories.Add(_directory);

            WeChatEmulatorSpecException error = await Assert.ThrowsAsync<WeChatEmulatorSpecException>(() => WeChatEmulator.StartAsync(options));

            Assert.Contains(error.Diagnostics, d => d.Contains("b.tcb.json(2,11): path '/tcb/describeenvs' is already served for endpoint 'describeEnvs'", StringComparison.Ordinal));
        }

        public void Dispose()
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
