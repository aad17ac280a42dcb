using System.Collections.Generic;
using TcbGen.Specs;
using Xunit;

namespace TcbGen.Generator.Tests.Specs
{
    /// <summary>C# names derived from wire names, WeChat's compound words included.</summary>
    public sealed class NamingTests
    {
        [Theory]
        [InlineData("api_whitelist", "ApiWhitelist")]
        [InlineData("msgType", "MsgType")]
        [InlineData("qbase_container_path", "QbaseContainerPath")]
        [InlineData("secretid", "SecretId")]
        [InlineData("secretkey", "SecretKey")]
        [InlineData("tranid", "TranId")]
        [InlineData("appid", "AppId")]
        [InlineData("appids", "AppIds")]
        [InlineData("openid", "OpenId")]
        [InlineData("unionid", "UnionId")]
        [InlineData("envid", "EnvId")]
        [InlineData("dbinstance_id", "DbInstanceId")]
        [InlineData("authorizer_appid", "AuthorizerAppId")]
        [InlineData("appIds", "AppIds")]
        [InlineData("AppID", "AppID")]
        [InlineData("__x__y", "XY")]
        [InlineData("cloudbase_access_token", "CloudbaseAccessToken")]
        public void WireNamesBecomePascalCase(string wireName, string expected)
        {
            Assert.Equal(expected, Naming.ToPascalCase(wireName));
        }

        [Fact]
        public void ARepeatedWireNameGetsTheSameNameAgainEvenAfterManyOthers()
        {
            // More distinct names than the per-thread table has slots, so entries are replaced and found again.
            var first = new List<string>();
            for (int i = 0; i < 3000; i++)
            {
                first.Add(Naming.ToPascalCase(WireName(i)));
            }

            for (int i = 2999; i >= 0; i--)
            {
                string again = Naming.ToPascalCase(WireName(i));
                Assert.Equal(first[i], again);
                Assert.Equal(Expected(i), again);
            }

            static string WireName(int i) => (i % 3) switch { 0 => "field_" + i + "_appid", 1 => "f" + i, _ => "msg-" + i };

            static string Expected(int i) => (i % 3) switch { 0 => "Field" + i + "AppId", 1 => "F" + i, _ => "Msg" + i };
        }

        [Fact]
        public void EveryCompoundWordIsOneLowerCaseWordSpelledAsTheSameLetters()
        {
            foreach (KeyValuePair<string, string> word in Naming.CompoundWordSpellings)
            {
                Assert.Equal(word.Key, word.Key.ToLowerInvariant());
                Assert.Equal(word.Key, word.Value.ToLowerInvariant());
                Assert.True(char.IsUpper(word.Value[0]));
            }
        }

        [Fact]
        public void CsharpNameStillOverridesACompoundWord()
        {
            ParsedSpec parsed = SpecParser.Parse("/specs/x.tcb.json", """
                { "name": "x", "title": "t", "method": "POST", "path": "/x", "tokenKinds": ["authorizer_access_token"], "retrySafe": true,
                  "request": { "fields": [ { "name": "secretid", "type": "string" }, { "name": "tranid", "csharpName": "TransactionId", "type": "string" } ] } }
                """);

            Assert.Empty(parsed.Diagnostics);
            Assert.Equal("SecretId", parsed.Spec!.Request!.Fields[0].PropertyName);
            Assert.Equal("TransactionId", parsed.Spec.Request.Fields[1].PropertyName);
        }
    }
}
