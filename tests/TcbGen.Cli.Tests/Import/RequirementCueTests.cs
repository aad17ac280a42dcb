using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using TcbGen.Cli.Import;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// Where a page's required column is empty, shifted or missing, the cues the importer reads instead, and the
    /// decisions it records for each guess (in the spec's <c>decisions</c>, never its description).
    /// </summary>
    public sealed class RequirementCueTests
    {
        private const string ShiftedDefaultColumnPage = """
            # wxacode.demo
            POST https://api.weixin.qq.com/wxa/getcodedemo?access_token=ACCESS_TOKEN
            # 请求参数
            属性 | 类型 | 默认值 | 必填 | 说明 |
            ---|---|---|---|---|
            access_token | string | 是 | 接口调用凭证 | |
            scene | string | 是 | 场景值 | |
            check_path | boolean | true | 否 | 检查 page 是否存在 |
            width | number | 430 | 否 | 二维码的宽度 |
            """;

        private const string QueryTablePage = """
            # 获取模板中的关键词
            接口英文名:getKeywordsDemo
            GET https://api.weixin.qq.com/wxaapi/newtmpl/getkeywordsdemo?access_token=ACCESS_TOKEN&tid=TID
            # 查询参数 Query String parameters
            参数名类型必填说明
            access_tokenstring接口调用凭证
            tidstring模板标题 id
            langstring语言
            # 请求体 Request Payload
            # 返回体 Response Payload
            参数名类型说明
            errcodenumber错误码
            countnumber总数
            """;

        private const string LabelledConditionPage = """
            urlscheme.demo
            POST https://api.weixin.qq.com/wxa/generateschemedemo?access_token=ACCESS_TOKEN
            请求参数
            属性 类型 默认值 必填 说明
            is_expire boolean false 生成的scheme码类型,到期失效:true,永久有效:false。
            expire_time number 到期失效的scheme码的失效时间,为Unix时间戳。生成到期失效的scheme时必填。
            """;

        [Fact]
        public void AConditionNamingASiblingsLabelledValueIsARequiredWhen()
        {
            ImportedSpec spec = PageImporter.Import(LabelledConditionPage);
            JsonElement[] fields = Request(PageShapeTests.Checked(spec));

            Assert.Equal("""{"field":"is_expire","equals":true}""", When(fields[1]));
            Assert.False(fields[0].TryGetProperty("required", out _));
            Assert.Contains(spec.Decisions, d => d.StartsWith("'expire_time' is required when is_expire is true", StringComparison.Ordinal));
        }

        [Fact]
        public void AnEmptyDefaultCellThatSlidTheRequiredFlagLeftIsReadAsTheFlag()
        {
            JsonElement[] fields = Request(PageShapeTests.Checked(PageImporter.Import(ShiftedDefaultColumnPage)));

            Assert.Equal(new[] { "scene", "check_path", "width" }, fields.Select(f => f.GetProperty("name").GetString()));
            Assert.True(fields[0].GetProperty("required").GetBoolean());
            Assert.Equal("场景值", fields[0].GetProperty("description").GetString());
            Assert.False(fields[1].TryGetProperty("required", out _));
            Assert.Equal("检查 page 是否存在", fields[1].GetProperty("description").GetString());
        }

        [Fact]
        public void AQueryStringTableGivesQueryFieldsRequiredWhenTheDocumentedUrlCarriesThem()
        {
            ImportedSpec spec = PageImporter.Import(QueryTablePage);
            JsonElement[] fields = Request(PageShapeTests.Checked(spec));

            Assert.Equal(new[] { "tid", "lang" }, fields.Select(f => f.GetProperty("name").GetString()));
            Assert.All(fields, f => Assert.Equal("query", f.GetProperty("in").GetString()));
            Assert.True(fields[0].GetProperty("required").GetBoolean());
            Assert.False(fields[1].TryGetProperty("required", out _));
            Assert.Contains(spec.Decisions, d => d.StartsWith("'tid': the page gives no required flag; taken as required", StringComparison.Ordinal));
        }

        [Fact]
        public void WithoutARequiredColumnTheExamplesShowATypeFieldNamingItsPayloadAndASwitchGuardingItsSettings()
        {
            ImportedSpec spec = PageImporter.Import(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "SeedPages", "003_7dc6d1a0f93ac71d.txt")));
            JsonElement root = PageShapeTests.Checked(spec);
            JsonElement[] request = Request(root);
            JsonElement rule = request[0].GetProperty("fields")[1].GetProperty("items");
            JsonElement container = request[1];

            // "msgType": "event" sends a filled 'event', "msgType": "image" an empty one.
            Assert.Equal("""{"field":"msgType","equals":"event"}""", When(Field(rule, "event")));
            Assert.True(Field(rule, "env").GetProperty("required").GetBoolean());

            // The container's settings are only sent while its 'enable' is on; a rule's are sent with it off too.
            Assert.All(new[] { "qbase_env", "qbase_container_path", "text_mode" }, name => Assert.Equal("""{"field":"enable","equals":true}""", When(Field(container, name))));
            Assert.True(Field(container, "enable").GetProperty("required").GetBoolean());

            string[] decisions = root.GetProperty("decisions").EnumerateArray().Select(d => d.GetString()!).ToArray();
            Assert.Contains(decisions, d => d.StartsWith("'function_config.callbacks[].event': the page gives no required flag; taken as required when msgType is \"event\"", StringComparison.Ordinal));
            Assert.Contains(decisions, d => d.StartsWith("'container_config.qbase_env': the page gives no required flag; taken as required when enable is true", StringComparison.Ordinal));
            Assert.DoesNotContain("tcbgen import", root.GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        private static string When(JsonElement field) => JsonSerializer.Serialize(field.GetProperty("requiredWhen"));

        private static JsonElement[] Request(JsonElement root) => root.GetProperty("request").GetProperty("fields").EnumerateArray().ToArray();

        private static JsonElement Field(JsonElement owner, string name) => owner.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
    }
}
