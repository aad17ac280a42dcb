using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Generator.Tests.Infrastructure;
using TcbGen.Generator.Tests.Tcb;
using TcbGen.Runtime;
using TcbGen.Testing;
using Xunit;

namespace TcbGen.Generator.Tests.EndToEnd
{
    /// <summary>
    /// setEnvLimits (a test spec) constrains the items of its arrays: each alias of <c>env_list</c> (length, pattern),
    /// each of <c>weights</c> (range), and in <c>grid</c> each row (count) and each cell (range). The validator checks every
    /// element and reports it at its index, the emulator answers 40097 naming the element, and the docs say it.
    /// </summary>
    public sealed class ItemConstraintTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _fixture;

        public ItemConstraintTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void EveryBrokenItemIsReportedAtItsIndex()
        {
            var request = new SetEnvLimitsRequest
            {
                Alias = "env",
                EnvList = new[] { "env-a", "Env-b", "envenvenv" },
                Weights = new[] { 1, 11, 0 },
                Grid = new List<IList<int>> { new[] { 0, 1 }, new[] { 1, 2, 3 }, new[] { -1 } },
            };

            IReadOnlyList<TcbValidationProblem> problems = SetEnvLimitsValidator.Validate(request);

            Assert.All(problems, p => Assert.Equal(TcbValidationProblemKind.ConstraintViolated, p.Kind));
            Assert.Equal(
                new[]
                {
                    "env_list[1]: An item of 'env_list' must match ^[a-z][a-z0-9-]*$.",
                    "env_list[2]: An item of 'env_list' must be at most 8 characters long.",
                    "weights[1]: An item of 'weights' must be at most 10.",
                    "weights[2]: An item of 'weights' must be at least 1.",
                    "grid[1]: An item of 'grid' must have at most 2 items.",
                    "grid[2][0]: An item of 'grid[]' must be at least 0.",
                },
                problems.Select(p => p.ToString()));
            Assert.False(SetEnvLimitsValidator.IsValid(request));
            Assert.True(SetEnvLimitsValidator.IsValid(new SetEnvLimitsRequest { Alias = "env", EnvList = new[] { "a", "env-12" }, Weights = new[] { 10 }, Grid = new List<IList<int>> { new[] { 0, 9 } } }));
        }

        [Theory]
        [InlineData("{\"alias\":\"env\",\"env_list\":[\"a\",\"B\"]}", "env_list[1] must match")]
        [InlineData("{\"alias\":\"env\",\"env_list\":[\"envenvenv\"]}", "env_list[0] must be at most 8 characters long")]
        [InlineData("{\"alias\":\"env\",\"weights\":[5,0]}", "weights[1] must be at least 1")]
        [InlineData("{\"alias\":\"env\",\"grid\":[[0],[1,2,3]]}", "grid[1] must have at most 2 items")]
        [InlineData("{\"alias\":\"env\",\"grid\":[[0,-1]]}", "grid[0][1] must be at least 0")]
        public async Task TheEmulatorChecksEachItem(string body, string hint)
        {
            string token = _fixture.Emulator.IssueToken(WeChatEmulator.AuthorizerAccessTokenKind, EmulatorFixture.AppId);
            using var http = new HttpClient();

            using HttpResponseMessage response = await http.PostAsync(new System.Uri(_fixture.Emulator.BaseAddress, "/test/setenvlimits?access_token=" + token), new StringContent(body, Encoding.UTF8, "application/json"));

            using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(40097, answer.RootElement.GetProperty("errcode").GetInt32());
            Assert.Contains(hint, answer.RootElement.GetProperty("errmsg").GetString());
        }

        [Fact]
        public async Task ItemsWithinTheirConstraintsAreSent()
        {
            SetEnvLimitsResponse response = await _fixture.Client.SetEnvLimitsAsync(new SetEnvLimitsRequest { Alias = "env", EnvList = new[] { "env-a" }, Weights = new[] { 3 }, Grid = new List<IList<int>> { new[] { 4 } } });

            Assert.Equal(0, response.ErrorCode);
            Assert.Equal("{\"alias\":\"env\",\"env_list\":[\"env-a\"],\"weights\":[3],\"grid\":[[4]]}", _fixture.Emulator.RequestsTo(SetEnvLimitsEndpoint.Name).Last().Body);
        }

        [Fact]
        public void TheDocsStateTheItemConstraints()
        {
            string json = File.ReadAllText(Path.Combine(Paths.TestsDirectory, "TestSpecs", "setEnvLimits.tcb.json"));

            string types = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("setEnvLimits.tcb.json", json) }).Source("SetEnvLimits.g.cs");

            Assert.Contains("Each item: at most 8 characters, matches the .NET regular expression ^[a-z][a-z0-9-]*$.", types);
            Assert.Contains("Each item: at least 1, at most 10.", types);
            Assert.Contains("Each item: at most 2 items. Each item of an item: at least 0.", types);
        }
    }
}
