using System.Linq;
using System.Text.Json;
using TcbGen.Cli.Import;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// The cues the cloud-development families' newer pages give (specs/cloudbase-*/pages): a badge word in the request
    /// line, "Body.x(Array).keysObject Payload" and "Body.x Enum" headings, rows and examples the cut ends inside, a
    /// capitalised name on a Chinese row, and what the examples' values say of a table's type.
    /// </summary>
    public sealed class NewerPageCueTests
    {
        private const string Page = """
            # 数据库索引管理
            接口英文名:indexDemo
            # 1. 调用方式
            # HTTPS 调用
            POST New https://api.weixin.qq.com/componenttcb/indexdemo?access_token=ACCESS_TOKEN
            # 2. 请求参数
            # 请求体 Request Payload
            | 参数名 | 类型 | 必填 | 说明 |
            |---|---|---|---|
            | action | string | 是 | 操作类型 |
            | create_indexes | objarray | 是 | 新增索引 |
            | drop_indexes | objarray | 是 | 删除索引 |
            # Body.create_indexes(Array) Object Payload
            | 参数名 | 类型 | 必填 | 说明 |
            |---|---|---|---|
            | name | string | 是 | 索引名 |
            | keys | objarray | 是 | 索引字段 |
            # Body.drop_indexes(Array) Object Payload
            | 参数名 | 类型 | 必填 | 说明 |
            |---|---|---|---|
            | name | string | 是 | 索引名 |
            # Body.create_indexes(Array).keysObject Payload
            Object Payload索引字段
            | 参数名 | 类型 | 必填 | 说明 |
            |---|---|---|---|
            | name | string | 是 | 字段名 |
            | direction | string | 是 | 字段排序 |
            # 3. 返回参数
            # 返回体 Response Payload
            | 参数名 | 类型 | 说明 |
            |---|---|---|
            | errcode | number | 错误码 |
            | pager | object | 分页信息 |
            | list | objarray | 列表 |
            # Res.pager Object Payload
            | 参数名 | 类型 | 说明 |
            |---|---|---|
            | Total | number | 符合查询条件的记录总数 |
            # Res.list(Array) Object Payload
            | 参数名 | 类型 | 说明 |
            |---|---|---|
            | job_id | number | 任务ID |
            | state | number | 状态 |
            | add_time | string | 添加时间 |
            # 4. 枚举信息
            # Body.action Enum
            操作类型
            | 枚举值 | 描述 |
            |---|---|
            | create | 创建 |
            | delete | 删除 |
            # 5. 注意事项
            本接口无特殊注意事项
            # 6. 代码示例
            请求示例
            {
            "action": "create",
            "create_indexes": [ { "name": "by_\'age\'", "keys": [ { "name": "age", "direction": "1" } ] } ],
            "drop_indexes": [ { "name": "old" } ]
            }
            返回示例
            {
            "errcode": 0,
            "pager": { "Total": 1 },
            "list": [
            {
            "job_id": 100074947,
            "state": "RELATION_BINDED",
            "add_time": "2021-07-29 15:04:19"
            },
            {
            "job_id": 100074948,
            "sta
            """;

        [Fact]
        public void TheNewerPagesCuesNestTypeAndName()
        {
            ImportedSpec spec = PageImporter.Import(Page);
            JsonElement root = PageShapeTests.Checked(spec);

            Assert.Equal("/componenttcb/indexdemo", root.GetProperty("path").GetString());
            JsonElement[] request = Fields(root.GetProperty("request"));
            Assert.Equal(new[] { "create", "delete" }, request[0].GetProperty("enum").EnumerateArray().Select(m => m.GetProperty("value").GetString()));
            JsonElement[] create = Fields(request[1].GetProperty("items"));
            Assert.Equal(new[] { "name", "keys" }, Names(create));
            Assert.Equal(new[] { "name", "direction" }, Names(Fields(create[1].GetProperty("items"))));
            Assert.Equal(new[] { "name" }, Names(Fields(request[2].GetProperty("items"))));

            JsonElement[] response = Fields(root.GetProperty("response"));
            Assert.Equal(new[] { "Total" }, Names(Fields(response[0])));
            JsonElement[] list = Fields(response[1].GetProperty("items"));
            Assert.Equal("int64", list[0].GetProperty("format").GetString());
            Assert.Equal("string", list[1].GetProperty("type").GetString());
            Assert.Equal("wechat-datetime", list[2].GetProperty("format").GetString());
            Assert.DoesNotContain(spec.Notes, n => n.Contains("注意事项", System.StringComparison.Ordinal));
            Assert.Contains(spec.Warnings, w => w.Contains("Its part before the cut was kept", System.StringComparison.Ordinal));
            Assert.Equal("by_'age'", spec.Examples[0].Request!["create_indexes"]![0]!["name"]!.GetValue<string>());
        }

        [Fact]
        public void ACutRowIsKeptWhenItsNameAndTypeAreWhole()
        {
            const string head = """
                # 导出
                接口英文名:exportDemo
                POST https://api.weixin.qq.com/tcb/exportdemo?access_token=ACCESS_TOKEN
                ## 2. 请求参数
                ### 请求体 `Request Payload`
                ```json
                [
                  {
                    "参数名": "env",
                    "类型": "string",
                    "必填": "是",
                    "说明": "云环境ID"
                  },
                  {
                    "参数名": "file_type",
                    "类型": "number",
                    "必填": "是
                """;
            JsonElement[] request = Fields(PageShapeTests.Checked(PageImporter.Import(head)).GetProperty("request"));

            Assert.Equal(new[] { "env", "file_type" }, Names(request));
            Assert.True(request[1].GetProperty("required").GetBoolean());
        }

        [Fact]
        public void APipeRowCutInsideItsTypeIsNoRow()
        {
            const string head = """
                # Get the Cloud Environment
                POST https://api.weixin.qq.com/tcb/getenvinfo?access_token=ACCESS_TOKEN
                # Return parameters
                | attribute | type | Introductions |
                |---|---|---|
                | errcode | number | Error code |
                | env | string | Environment id |
                | info_list | arr
                """;
            ImportedSpec spec = PageImporter.Import(head);

            Assert.Equal(new[] { "env" }, spec.Response.Select(f => f.Name));
            Assert.Contains(spec.Warnings, w => w.Contains("ends mid-row", System.StringComparison.Ordinal));
        }

        private static JsonElement[] Fields(JsonElement type) => type.GetProperty("fields").EnumerateArray().ToArray();

        private static string?[] Names(JsonElement[] fields) => fields.Select(f => f.GetProperty("name").GetString()).ToArray();
    }
}
