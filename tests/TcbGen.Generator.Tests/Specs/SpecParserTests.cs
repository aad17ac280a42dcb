using System.IO;
using System.Linq;
using TcbGen.Specs.Model;
using TcbGen.Specs;
using TcbGen.Generator.Tests.Infrastructure;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>The parser on its own, without Roslyn: the seed specs parse cleanly into the expected model.</summary>
    public sealed class SpecParserTests
    {
        [Theory]
        [InlineData("changeTcbEnv")]
        [InlineData("createCloudUser")]
        [InlineData("setCallBackConfig")]
        [InlineData("setCloudAccessToken")]
        public void SeedSpecParsesWithoutDiagnostics(string name)
        {
            ParsedSpec parsed = ParseSeed(name);

            Assert.Empty(parsed.Diagnostics);
            Assert.NotNull(parsed.Spec);
            Assert.Equal(name, parsed.Spec!.Name);
        }

        [Fact]
        public void ChangeTcbEnvModel()
        {
            EndpointSpec spec = ParseSeed("changeTcbEnv").Spec!;

            Assert.Equal("ChangeTcbEnv", spec.TypePrefix);
            Assert.Equal("/tcb/modifyenv", spec.Path);
            Assert.Equal(new[] { 49, 64 }, spec.PermissionSets);
            Assert.False(spec.RetrySafe);
            FieldSpec env = Assert.Single(spec.Request!.Fields);
            Assert.Equal("Env", env.PropertyName);
            Assert.True(env.Required);
            Assert.Empty(spec.Response.Fields);

            // The name span points at the value of "name" (line 3, column 11, zero-based 2 and 10).
            Assert.Equal(2, spec.NameSpan.StartLine);
            Assert.Equal(10, spec.NameSpan.StartColumn);
        }

        [Fact]
        public void SetCloudAccessTokenModel()
        {
            EndpointSpec spec = ParseSeed("setCloudAccessToken").Spec!;

            Assert.Equal("SetCloudAccessToken", spec.TypePrefix);
            Assert.Equal(new[] { "component_access_token", "authorizer_access_token" }, spec.TokenKinds);
            Assert.True(spec.RetrySafe);

            EnumSpec action = Assert.Single(spec.Enums);
            Assert.Equal("SetCloudAccessTokenAction", action.TypeName);
            Assert.True(action.IsString);
            Assert.Equal(new[] { ("Get", "get", 1L), ("Set", "set", 2L) }, action.Members.Select(m => (m.Name, m.StringValue!, m.Value)));

            FieldSpec open = spec.Request!.Fields.Single(f => f.WireName == "open");
            Assert.False(open.Required);
            RequiredWhenSpec condition = open.RequiredWhen!;
            Assert.Equal("action", condition.FieldWireName);
            Assert.Equal("Action", condition.FieldPropertyName);
            Assert.Equal(ConstantKind.EnumMember, condition.Value.Kind);
            Assert.Equal("SetCloudAccessTokenAction", condition.Value.EnumTypeName);
            Assert.Equal("Set", condition.Value.EnumMemberName);
            Assert.Equal("set", condition.Value.WireText);

            Assert.Equal(
                new[] { "action", "env" },
                spec.Request.Fields.Where(f => f.Required).Select(f => f.WireName));
            Assert.Equal(
                new[] { "api_whitelist", "open", "version" },
                spec.Request.Fields.Where(f => f.RequiredWhen != null).Select(f => f.WireName).OrderBy(n => n, System.StringComparer.Ordinal));
            FieldSpec whitelist = spec.Request.Fields.Single(f => f.WireName == "api_whitelist");
            Assert.Equal("ApiWhitelist", whitelist.PropertyName);
            Assert.Equal(TypeKind.Array, whitelist.Type.Kind);
            Assert.Equal(TypeKind.String, whitelist.Type.Items!.Kind);
        }

        [Fact]
        public void SetCallBackConfigModel()
        {
            EndpointSpec spec = ParseSeed("setCallBackConfig").Spec!;

            Assert.Equal(
                new[] { "CallbackContainerConfig", "CallbackFunctionConfig", "CallbackRule" },
                spec.NestedObjects.Select(o => o.TypeName).OrderBy(n => n, System.StringComparer.Ordinal));

            EnumSpec textMode = Assert.Single(spec.Enums);
            Assert.Equal("CallbackTextMode", textMode.TypeName);
            Assert.False(textMode.IsString);
            Assert.Equal(new[] { ("Json", 1L), ("Xml", 2L) }, textMode.Members.Select(m => (m.Name, m.Value)));

            ObjectSpec rule = spec.NestedObjects.Single(o => o.TypeName == "CallbackRule");
            RequiredWhenSpec eventCondition = rule.Fields.Single(f => f.WireName == "event").RequiredWhen!;
            Assert.Equal("msgType", eventCondition.FieldWireName);
            Assert.Equal(ConstantKind.String, eventCondition.Value.Kind);
            Assert.Equal("event", eventCondition.Value.Text);

            ObjectSpec container = spec.NestedObjects.Single(o => o.TypeName == "CallbackContainerConfig");
            RequiredWhenSpec envCondition = container.Fields.Single(f => f.WireName == "qbase_env").RequiredWhen!;
            Assert.Equal(ConstantKind.Boolean, envCondition.Value.Kind);
            Assert.True(envCondition.Value.Boolean);
        }

        [Fact]
        public void CreateCloudUserModel()
        {
            EndpointSpec spec = ParseSeed("createCloudUser").Spec!;

            Assert.Null(spec.Request);
            Assert.False(spec.RetrySafe);
            ErrorSpec rateLimited = Assert.Single(spec.Errors, e => e.Code == -601026);
            Assert.Equal("TemplateMessageRateLimited", rateLimited.Name);
            Assert.Contains(spec.Errors, e => e.Code == 0 && e.Name == "Ok");
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void MissingTextIsInvalidJson(string? text)
        {
            ParsedSpec parsed = SpecParser.Parse("/specs/x.tcb.json", text);

            Assert.Null(parsed.Spec);
            SpecDiagnostic diagnostic = Assert.Single(parsed.Diagnostics);
            Assert.Equal(SpecDiagnosticIds.InvalidJson, diagnostic.Id);
            Assert.Equal("/specs/x.tcb.json", diagnostic.FilePath);
        }

        [Fact]
        public void EveryRepeatOfAKeyAndEveryUnknownKeyIsReportedAtItsNameInOrder()
        {
            string path = Path.Combine(Paths.SpecsDirectory, "changeTcbEnv" + SpecParser.FileSuffix);
            string seed = File.ReadAllText(path);
            const string Inserted = "\"bogus\": 1, \"retrySafe\": false, \"bogus\": 2, \"retrySafe\": true, ";
            int at = seed.IndexOf("\"retrySafe\"", System.StringComparison.Ordinal);
            string text = seed.Insert(at, Inserted);

            ParsedSpec parsed = SpecParser.Parse(path, text);

            // The first 'retrySafe' is the one read; the two after it are repeats, the last being the seed's own.
            Assert.Equal(
                new[] { SpecDiagnosticIds.UnknownProperty, SpecDiagnosticIds.UnknownProperty, SpecDiagnosticIds.DuplicateKey, SpecDiagnosticIds.DuplicateKey },
                parsed.Diagnostics.Select(d => d.Id));
            Assert.Equal(
                new[] { at, at + Inserted.IndexOf("\"bogus\": 2", System.StringComparison.Ordinal), at + Inserted.IndexOf("\"retrySafe\": true", System.StringComparison.Ordinal), at + Inserted.Length },
                parsed.Diagnostics.Select(d => d.Span.Start));
            Assert.All(parsed.Diagnostics, d => Assert.StartsWith("\"", text.Substring(d.Span.Start, d.Span.Length), System.StringComparison.Ordinal));
        }

        private static ParsedSpec ParseSeed(string name)
        {
            string path = Path.Combine(Paths.SpecsDirectory, name + SpecParser.FileSuffix);
            return SpecParser.Parse(path, File.ReadAllText(path));
        }
    }
}
