using System.Linq;
using TcbGen.Specs.Json;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>The strict JSON parser under the spec reader: values, their ranges, and where it stops on bad input.</summary>
    public sealed class JsonParserTests
    {
        [Fact]
        public void KeepsTheRangeOfEveryValue()
        {
            const string Text = "{ \"a\": [1, -2.5e3, true, null], \"b\": \"x\\u0041\\n\" }";

            JsonParseResult result = JsonParser.Parse(Text);

            JsonObject root = Assert.IsType<JsonObject>(result.Root);
            Assert.Equal(0, root.Start);
            Assert.Equal(Text.Length, root.End);
            Assert.Equal(new[] { "a", "b" }, root.Properties.Select(p => p.Name));
            JsonProperty b = root.Properties[1];
            Assert.Equal(Text.IndexOf("\"b\"", System.StringComparison.Ordinal), b.NameStart);
            JsonString value = Assert.IsType<JsonString>(b.Value);
            Assert.Equal("xA\n", value.Value);
            Assert.Equal("\"x\\u0041\\n\"", Text.Substring(value.Start, value.End - value.Start));
            JsonArray array = Assert.IsType<JsonArray>(root.Properties[0].Value);
            Assert.Equal(
                new[] { JsonNodeKind.Number, JsonNodeKind.Number, JsonNodeKind.True, JsonNodeKind.Null },
                array.Items.Select(i => i.Kind));
            Assert.Equal("-2.5e3", ((JsonNumber)array.Items[1]).Raw);
            Assert.False(((JsonNumber)array.Items[1]).TryGetInt64(out _));
        }

        [Fact]
        public void KeepsDuplicateKeysForTheSpecReaderToReport()
        {
            JsonObject root = Assert.IsType<JsonObject>(JsonParser.Parse("{\"a\":1,\"a\":2}").Root);

            Assert.Equal(2, root.Properties.Length);
        }

        [Fact]
        public void GivesSiblingsAtTheSameDepthTheirOwnMembers()
        {
            JsonObject root = Assert.IsType<JsonObject>(JsonParser.Parse("{\"a\":{\"x\":1,\"y\":[1,2]},\"b\":{\"z\":[3]},\"c\":{}}").Root);

            JsonObject a = Assert.IsType<JsonObject>(root.Properties[0].Value);
            JsonObject b = Assert.IsType<JsonObject>(root.Properties[1].Value);
            Assert.Equal(new[] { "x", "y" }, a.Properties.Select(p => p.Name));
            Assert.Equal(new[] { "z" }, b.Properties.Select(p => p.Name));
            Assert.Empty(Assert.IsType<JsonObject>(root.Properties[2].Value).Properties);
            Assert.Equal(2, Assert.IsType<JsonArray>(a.Properties[1].Value).Items.Length);
            Assert.Single(Assert.IsType<JsonArray>(b.Properties[0].Value).Items);
        }

        [Fact]
        public void StartsCleanAfterAParseThatStoppedHalfway()
        {
            Assert.Null(JsonParser.Parse("{\"a\":[1,2,{\"b\":1,\"c\":").Root);

            JsonObject root = Assert.IsType<JsonObject>(JsonParser.Parse("{\"d\":[{\"e\":2}]}").Root);

            JsonObject item = Assert.IsType<JsonObject>(Assert.Single(Assert.IsType<JsonArray>(Assert.Single(root.Properties).Value).Items));
            Assert.Equal("e", Assert.Single(item.Properties).Name);
        }

        [Fact]
        public void AcceptsALeadingByteOrderMark()
        {
            Assert.NotNull(JsonParser.Parse("\uFEFF{}").Root);
        }

        [Fact]
        public void AllowsNestingUpTo64Levels()
        {
            Assert.NotNull(JsonParser.Parse(new string('[', 64) + new string(']', 64)).Root);
            JsonParseResult tooDeep = JsonParser.Parse(new string('[', 65) + new string(']', 65));
            Assert.Null(tooDeep.Root);
            Assert.Equal(64, tooDeep.ErrorOffset);
        }

        [Theory]
        [InlineData("{\"a\":1,}", 7, "trailing comma")]
        [InlineData("[1,]", 3, "trailing comma")]
        [InlineData("{\"a\":01}", 6, "',' or '}'")]
        [InlineData("{\"a\":1.}", 7, "decimal point")]
        [InlineData("{\"a\":1e+}", 8, "exponent")]
        [InlineData("{\"a\":\"\\x\"}", 6, "'\\x'")]
        [InlineData("{\"a\":\"\\u12\"}", 6, "four hexadecimal digits")]
        [InlineData("{\"a\":tru}", 5, "a value was expected")]
        [InlineData("{\"a\" 1}", 5, "':'")]
        [InlineData("{\"a\":1} x", 8, "after the end")]
        [InlineData("\"abc", 0, "not terminated")]
        [InlineData("-", 1, "digit")]
        public void ReportsWhereTheSyntaxBreaks(string text, int offset, string messagePart)
        {
            JsonParseResult result = JsonParser.Parse(text);

            Assert.Null(result.Root);
            Assert.Equal(offset, result.ErrorOffset);
            Assert.Contains(messagePart, result.Error, System.StringComparison.Ordinal);
        }
    }
}
