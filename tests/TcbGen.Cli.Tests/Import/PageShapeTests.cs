using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TcbGen.Cli.Import;
using TcbGen.Cli.Tests.Infrastructure;
using TcbGen.Specs;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>The three page shapes, HTML, cut pages, and what the importer must never do.</summary>
    public sealed class PageShapeTests
    {
        internal const string MarkdownPage = """
            # 获取小程序码

            ## 接口英文名

            getQrcodeDemo

            ## 功能描述

            获取小程序码。

            ## 调用方式

            POST https://api.weixin.qq.com/wxa/getqrcodedemo?access_token=ACCESS_TOKEN

            ## 请求参数

            | 属性 | 类型 | 必填 | 说明 |
            |---|---|---|---|
            | access_token | string | 是 | 接口调用凭证，可使用 authorizer_access_token |
            | path | string | 是 | 扫码进入的小程序页面路径 |
            | width | number | 否 | 二维码的宽度，单位 px |
            | line_color | object | 否 | 线条颜色 |
            | └ r | number | 是 | 红 |
            | └ g | number | 是 | 绿 |
            | env_version | string | 否 | 要打开的小程序版本。可选值 release、trial、develop |

            ## 返回参数

            | 属性 | 类型 | 说明 |
            |---|---|---|
            | errcode | number | 错误码 |
            | errmsg | string | 错误信息 |
            | buffer | string | 图片 |

            ## 错误码

            | 错误码 | 错误描述 | 解决方案 |
            |---|---|---|
            | 40159 | invalid length for path | path 长度错误 |
            | -1 | system error | 系统繁忙 |
            """;

        internal const string JsonArrayPage = """
            # 查询环境

            ## 接口英文名

            describeDemoEnvs

            ## 调用方式

            POST https://api.weixin.qq.com/tcb/describedemoenvs?access_token=ACCESS_TOKEN

            ## 请求参数

            [
              {"参数名": "access_token", "类型": "string", "必填": "是", "说明": "使用 component_access_token"},
              {"参数名": "env", "类型": "string", "必填": "否", "说明": "环境 id"}
            ]

            ## 返回参数

            [
              {"参数名": "errcode", "类型": "number", "必填": "是", "说明": "错误码"},
              {"参数名": "info_list", "类型": "Array", "必填": "是", "说明": "环境列表"}
            ]

            ## Res.info_list(Array) Object Payload

            [
              {"参数名": "env", "类型": "string", "必填": "是", "说明": "环境 id"},
              {"参数名": "create_time", "类型": "number", "必填": "是", "说明": "创建时间"}
            ]

            ## 请求数据示例

            { "env": "test-0001", "access_token": "SHOULD-NOT-STAY" }

            ## 返回数据示例

            { "errcode": 0, "errmsg": "ok", "info_list": [ { "env": "test-0001", "create_time": 1700000000, }, ], }

            ## 错误码

            | 错误码 | 错误描述 | 解决方案 |
            |---|---|---|
            | 40014 | invalid access_token | 不合法的 access_token |
            其他错误码：请参考全局错误码
            """;

        private const string HtmlPage = """
            <html><body>
            <h1>Query something</h1>
            <h2>Interface name</h2><p>queryHtmlDemo</p>
            <h2>HTTPS call</h2><pre>POST https://api.weixin.qq.com/cgi-bin/component/queryhtmldemo?access_token=ACCESS_TOKEN</pre>
            <h2>Request parameters</h2>
            <table><tr><th>attribute</th><th>type</th><th>Required</th><th>Introductions</th></tr>
            <tr><td>access_token</td><td>string</td><td>yes</td><td>use component_access_token</td></tr>
            <tr><td>appid</td><td>string</td><td>yes</td><td>The authorizer appid</td></tr>
            <tr><td>offset</td><td>number</td><td>no</td><td>Where to start</td></tr>
            </table>
            <h2>Error code</h2>
            <table><tr><th>Error code</th><th>Error code</th><th>Solutions</th></tr>
            <tr><td>61003</td><td>component is not authorized by this account</td><td>Check the authorization</td></tr></table>
            </body></html>
            """;

        internal const string CutPage = """
            # Transforming cloud environments
            # Interface name
            cutDemo
            # HTTPS call
            POST https://api.weixin.qq.com/wxa/cutdemo?access_token=ACCESS_TOKEN
            # Request parameters
            attribute | type | Required | Introductions |
            ---|---|---|---|
            access_token | string | yes | Interface invokes the certificate, use authorizer_access_token |
            env | string | yes | Environment id |
            # Sample Request Data
            {
            "env":"test-env-0001",
            "tags": [
            """;

        [Fact]
        public void MarkdownPipeTablesKeepNestingRequiredFlagsAndEnums()
        {
            ImportedSpec spec = PageImporter.Import(MarkdownPage);
            JsonElement root = Checked(spec);

            Assert.Equal("/wxa/getqrcodedemo", root.GetProperty("path").GetString());
            Assert.Equal(new[] { "authorizer_access_token" }, root.GetProperty("tokenKinds").EnumerateArray().Select(k => k.GetString()));
            JsonElement[] fields = root.GetProperty("request").GetProperty("fields").EnumerateArray().ToArray();
            Assert.Equal(new[] { "path", "width", "line_color", "env_version" }, fields.Select(f => f.GetProperty("name").GetString()));
            Assert.True(fields[0].GetProperty("required").GetBoolean());
            Assert.False(fields[1].TryGetProperty("required", out _));
            Assert.Equal(new[] { "r", "g" }, fields[2].GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Equal(new[] { "release", "trial", "develop" }, fields[3].GetProperty("enum").EnumerateArray().Select(e => e.GetProperty("value").GetString()));
            Assert.Contains(spec.Decisions, d => d.Contains("'width' is 'number' on the page: taken as a 32-bit integer", System.StringComparison.Ordinal));
            Assert.Equal(new[] { 40159, -1 }, root.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetInt32()));
            Assert.Equal("SystemBusy", root.GetProperty("errors")[1].GetProperty("name").GetString());
        }

        [Fact]
        public void JsonArrayTablesWithPayloadSectionsNestAndExamplesAreRepaired()
        {
            ImportedSpec spec = PageImporter.Import(JsonArrayPage);
            JsonElement root = Checked(spec);

            Assert.Equal(new[] { "component_access_token" }, root.GetProperty("tokenKinds").EnumerateArray().Select(k => k.GetString()));
            Assert.Equal("env", root.GetProperty("request").GetProperty("fields").EnumerateArray().Single().GetProperty("name").GetString());
            JsonElement infoList = root.GetProperty("response").GetProperty("fields").EnumerateArray().Single();
            Assert.Equal("info_list", infoList.GetProperty("name").GetString());
            JsonElement items = infoList.GetProperty("items");
            Assert.Equal("object", items.GetProperty("type").GetString());
            JsonElement createTime = items.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "create_time");
            Assert.Equal("int64", createTime.GetProperty("format").GetString());
            JsonElement example = root.GetProperty("examples").EnumerateArray().Single();
            Assert.False(example.GetProperty("request").TryGetProperty("access_token", out _));
            Assert.Equal(1700000000, example.GetProperty("response").GetProperty("info_list")[0].GetProperty("create_time").GetInt64());
            Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("其他错误码", System.StringComparison.Ordinal));
        }

        [Fact]
        public void HtmlPagesReadLikeMarkdown()
        {
            ImportedSpec spec = PageImporter.Import(HtmlPage);
            JsonElement root = Checked(spec);

            Assert.Equal("queryHtmlDemo", root.GetProperty("name").GetString());
            Assert.Equal("/cgi-bin/component/queryhtmldemo", root.GetProperty("path").GetString());
            Assert.Equal(new[] { "appid", "offset" }, root.GetProperty("request").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Equal("component is not authorized by this account", root.GetProperty("errors")[0].GetProperty("message").GetString());
        }

        [Fact]
        public void ACutPageIsImportedUpToTheCutWithWarnings()
        {
            ImportedSpec spec = PageImporter.Import(CutPage);
            JsonElement root = Checked(spec);

            Assert.Equal("env", root.GetProperty("request").GetProperty("fields").EnumerateArray().Single().GetProperty("name").GetString());
            Assert.False(root.TryGetProperty("examples", out _));
            Assert.Contains(spec.Warnings, w => w.Contains("never closes", System.StringComparison.Ordinal));
            Assert.Contains(spec.Warnings, w => w.Contains("No errcode table", System.StringComparison.Ordinal));
        }

        [Fact]
        public void AccessTokenIsNeverABodyField()
        {
            foreach (string page in Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, "Import", "SeedPages")))
            {
                string spec = SpecWriter.Write(PageImporter.Import(File.ReadAllText(page)), null);
                Assert.DoesNotContain("\"name\": \"access_token\"", spec);
                Assert.DoesNotContain("access_初始值", spec);
            }
        }

        [Fact]
        public async Task ImportPrintsTheDecisionsAndExitsZeroWithWarnings()
        {
            using var directory = new TempDirectory();
            string page = directory.File("cut.md", CutPage);
            (int exitCode, string output, string error) = await Tool.RunAsync("import", page);

            Assert.Equal(0, exitCode);
            Assert.Contains("\"name\": \"cutDemo\"", output);
            Assert.Contains("Decisions to review", error);
            Assert.Contains("warning: The request example", error);
        }

        [Fact]
        public async Task APageThatIsNoEndpointPageFails()
        {
            using var directory = new TempDirectory();
            string page = directory.File("blog.md", "# A blog post\n\nNothing about any endpoint here.\n");
            (int exitCode, _, string error) = await Tool.RunAsync("import", page);

            Assert.Equal(1, exitCode);
            Assert.Contains("cannot be read as a WeChat endpoint page", error);
        }

        /// <summary>The spec as written, after checking it passes the spec module without a diagnostic.</summary>
        internal static JsonElement Checked(ImportedSpec spec)
        {
            string text = SpecWriter.Write(spec, null);
            Assert.Empty(SpecParser.Parse(spec.Name + ".tcb.json", text).Diagnostics);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
