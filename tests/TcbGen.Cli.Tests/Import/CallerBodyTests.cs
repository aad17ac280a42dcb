using System.Linq;
using TcbGen.Cli.Import;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// invokeCloudFunction's two ways of saying the POST body is the caller's own JSON (a POSTBODY row, or the note that
    /// the POST BODY is passed on as the input): the body becomes caller-json, the URL's query names become query fields,
    /// the row naming the body is dropped, and a string the examples send as JSON text is format json.
    /// </summary>
    public sealed class CallerBodyTests
    {
        private const string OlderPage = """
            # 触发云函数
            # 请求地址
            POST https://api.weixin.qq.com/tcb/invokecloudfunction?access_token=ACCESS_TOKEN&env=ENV&name=FUNCTION_NAME
            # 请求参数
            | 属性 | 类型 | 默认值 | 必填 | 说明 |
            |---|---|---|---|---|
            | access_token | String | 是 | 第三方接口调用令牌authorizer_access_token | |
            | env | string | 是 | 云开发环境ID | |
            | name | string | 是 | 云函数名称 | |
            | POSTBODY | string | 是 | 云函数的传入参数,具体结构由开发者定义。 |
            # 返回值
            | 属性 | 类型 | 说明 |
            |---|---|---|
            | errcode | number | 错误码 |
            | resp_data | string | 云函数返回的buffer |
            # 返回数据示例
            {
            "errcode": 0,
            "resp_data": "{\"event\":{\"userInfo\":{\"appId\":\"SAMPLE_APPID\"}}}"
            }
            """;

        private const string NewerPage = """
            # 触发云函数
            接口英文名:invokeCloudFunction
            # HTTPS 调用
            POST New https://api.weixin.qq.com/tcb/invokecloudfunction?access_token=ACCESS_TOKEN
            # 请求体 Request Payload
            | 参数名 | 类型 | 必填 | 说明 |
            |---|---|---|---|
            | env | string | 是 | 云开发环境ID |
            | name | string | 是 | 云函数名称 |
            | req_data | string | 是 | 云函数的传入参数,具体结构由开发者定义 |
            | extra | string | 否 | 附加 |
            # 注意事项
            - 注意 POST BODY 部分会传递给云函数作为输入参数。
            # 请求示例
            curl -d '{}' 'https://api.weixin.qq.com/tcb/invokecloudfunction?access_token=ACCESS_TOKEN&env=ENV&name=login'
            """;

        [Theory]
        [InlineData(OlderPage)]
        [InlineData(NewerPage)]
        public void TheBodyIsTheCallersAndTheUrlsNamesGoInTheQuery(string page)
        {
            ImportedSpec spec = PageImporter.Import(page);

            Assert.Equal("caller-json", spec.RequestBody);
            Assert.Equal(new[] { "env", "name" }, spec.Request.Select(f => f.Name));
            Assert.All(spec.Request, f => Assert.True(f.InQuery));
        }

        [Fact]
        public void AStringTheExamplesSendAsJsonTextIsFormatJson()
            => Assert.Equal("json", PageImporter.Import(OlderPage).Response.Single(f => f.Name == "resp_data").Type.Format);

        [Fact]
        public void APageThatSaysNothingOfTheBodyKeepsItsBodyFields()
        {
            ImportedSpec spec = PageImporter.Import(NewerPage.Replace("- 注意 POST BODY 部分会传递给云函数作为输入参数。", "- 无", System.StringComparison.Ordinal));

            Assert.Null(spec.RequestBody);
            Assert.Contains(spec.Request, f => f.Name == "req_data" && !f.InQuery);
        }
    }
}
