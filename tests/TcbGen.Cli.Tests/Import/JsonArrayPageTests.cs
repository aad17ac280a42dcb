using System.Linq;
using System.Text.Json;
using TcbGen.Cli.Import;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// The newer pages saved as <c>.md</c>: every table a JSON array of <c>{"参数名","类型","必填","说明"}</c> in a ```json
    /// fence, under "查询参数 `Query String Parameters`", "请求体 `Request Payload`", "返回体 `Response Payload`" and
    /// "Res.x(Array) Object Payload" headings, with the newer types (objarray, strarray).
    /// </summary>
    public sealed class JsonArrayPageTests
    {
        private const string Head = """
            # 获取云函数列表

            ## 接口英文名

            getScfListDemo

            ## 1. 调用方式

            ### HTTPS 调用

            ```text
            POST https://api.weixin.qq.com/componenttcb/getscflistdemo?access_token=ACCESS_TOKEN
            ```

            ## 2. 请求参数

            ### 查询参数 `Query String Parameters`

            ```json
            [
              {
                "参数名": "access_token",
                "类型": "string",
                "必填": "是",
                "说明": "接口调用凭证，可使用 [component_access_token](/doc/oplatform/openApi/ticket-token/api_getcomponentaccesstoken)"
              }
            ]
            ```

            ### 请求体 `Request Payload`

            ```json
            [
              {
                "参数名": "env",
                "类型": "string",
                "必填": "是",
                "说明": "环境ID"
              },
              {
                "参数名": "offset",
                "类型": "number",
                "必填": "否",
                "说明": "数据偏移量。默认值0，取值范围 [0, 1000)"
              }
            ]
            ```

            """;

        private const string Page = Head + """
            ## 3. 返回参数

            ### 返回体 `Response Payload`

            ```json
            [
              {
                "参数名": "functions",
                "类型": "objarray",
                "必填": "是",
                "说明": "云函数列表"
              },
              {
                "参数名": "total_count",
                "类型": "number",
                "必填": "是",
                "说明": "总数"
              }
            ]
            ```

            ### Res.functions(Array) Object Payload

            云函数列表

            ```json
            [
              {
                "参数名": "function_name",
                "类型": "string",
                "必填": "是",
                "说明": "函数名"
              },
              {
                "参数名": "tags",
                "类型": "strarray",
                "必填": "否",
                "说明": "标签，如 [\"a\"]"
              },
              {
                "参数名": "status_reasons",
                "类型": "objarray",
                "必填": "否",
                "说明": "状态原因"
              }
            ]
            ```

            ### Res.functions.status_reasons(Array) Object Payload

            ```json
            [
              {
                "参数名": "errcode",
                "类型": "number",
                "必填": "是",
                "说明": "错误码"
              },
              {
                "参数名": "errmsg",
                "类型": "string",
                "必填": "是",
                "说明": "错误信息"
              }
            ]
            ```

            ## 5. 代码示例

            请求示例

            ```json
            {
              "env": "test-env",
              "offset": 0
            }
            ```

            返回示例

            ```json
            {
              "errcode": 0,
              "errmsg": "ok",
              "functions": [ { "function_name": "main", "tags": ["a"], "status_reasons": [ { "errcode": 0, "errmsg": "" } ] } ],
              "total_count": 1
            }
            ```

            ## 6. 错误码

            | 错误码 | 错误描述 | 解决方案 |
            |---|---|---|
            | -1 | system error | 系统繁忙 |
            """;

        /// <summary>The stored excerpt ends inside the response table's second object.</summary>
        private const string CutPage = Head + """
            ## 3. 返回参数

            ### 返回体 `Response Payload`

            ```json
            [
              {
                "参数名": "total_count",
                "类型": "number",
                "必填": "是",
                "说明": "总数"
              },
              {
                "参数名": "functions",
                "类型": "objar
            """;

        [Fact]
        public void EveryTableImportsWithNestedPayloadsAndTheNewerTypes()
        {
            ImportedSpec spec = PageImporter.Import(Page);
            JsonElement root = PageShapeTests.Checked(spec);

            Assert.Equal("/componenttcb/getscflistdemo", root.GetProperty("path").GetString());
            Assert.Equal(new[] { "component_access_token" }, root.GetProperty("tokenKinds").EnumerateArray().Select(k => k.GetString()));
            JsonElement[] request = root.GetProperty("request").GetProperty("fields").EnumerateArray().ToArray();
            Assert.Equal(new[] { "env", "offset" }, request.Select(f => f.GetProperty("name").GetString()));
            Assert.True(request[0].GetProperty("required").GetBoolean());
            Assert.False(request[1].TryGetProperty("required", out _));

            JsonElement[] response = root.GetProperty("response").GetProperty("fields").EnumerateArray().ToArray();
            Assert.Equal(new[] { "functions", "total_count" }, response.Select(f => f.GetProperty("name").GetString()));
            JsonElement function = response[0].GetProperty("items");
            JsonElement[] functionFields = function.GetProperty("fields").EnumerateArray().ToArray();
            Assert.Equal(new[] { "function_name", "tags", "status_reasons" }, functionFields.Select(f => f.GetProperty("name").GetString()));
            Assert.Equal("array", functionFields[1].GetProperty("type").GetString());
            Assert.Equal("string", functionFields[1].GetProperty("items").GetProperty("type").GetString());
            Assert.Equal(new[] { "errcode", "errmsg" }, functionFields[2].GetProperty("items").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Empty(spec.Warnings);
            Assert.Single(root.GetProperty("examples").EnumerateArray());
        }

        [Fact]
        public void ABrokenRowIsLeftOutAndTheOthersAreKeptWithAWarning()
        {
            string page = Page.Replace("\"说明\": \"总数\"", "\"说明\": \"总数\" \"多余\"", System.StringComparison.Ordinal);
            ImportedSpec spec = PageImporter.Import(page);
            JsonElement root = PageShapeTests.Checked(spec);

            Assert.Equal(new[] { "functions" }, root.GetProperty("response").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Contains(spec.Warnings, w => w.Contains("response parameter table", System.StringComparison.Ordinal));
        }

        [Fact]
        public void ACutTableImportsTheRowsBeforeTheCutAndWarns()
        {
            ImportedSpec spec = PageImporter.Import(CutPage);
            JsonElement root = PageShapeTests.Checked(spec);

            Assert.Equal(new[] { "env", "offset" }, root.GetProperty("request").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Equal(new[] { "total_count" }, root.GetProperty("response").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Contains(spec.Warnings, w => w.Contains("response parameter table ends mid-row", System.StringComparison.Ordinal));
        }
    }
}
