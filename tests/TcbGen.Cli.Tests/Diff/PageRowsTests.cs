using TcbGen.Cli.Diff;
using Xunit;

namespace TcbGen.Cli.Tests.Diff
{
    /// <summary>Where a cut page's text can hold a field's row: the score counts a spec field the import lacks only there.</summary>
    public sealed class PageRowsTests
    {
        /// <summary>A newer .md page cut inside its response table, as the search tool stores such pages.</summary>
        private const string CutPage = """
            ## 2. 请求参数
            ```json
            [
              { "参数名": "appids", "类型": "array", "必填": "是", "说明": "要查询的appid" }
            ]
            ```
            ## 3. 返回参数
            ### 返回体 `Response Payload`
            ```json
            [
              { "参数名": "errmsg", "类型": "string", "说明": "错误信息" },
              { "参数名": "relation_data", "类型": "objarray", "说明": "关系数据" },
              { "参数名": "delete_list",
                "类型":
            """;

        [Theory]
        [InlineData("request.appids", true)]
        [InlineData("response.errmsg", true)]
        [InlineData("response.relation_data", true)]
        // appid and errmsg occur above relation_data's row, never in its sub-table, which the cut took.
        [InlineData("response.relation_data[].appid", false)]
        [InlineData("response.relation_data[].errmsg", false)]
        // The row the excerpt is cut in has lost its type.
        [InlineData("response.delete_list", false)]
        // A response field needs the response's heading before it; appids is only on the request side.
        [InlineData("response.appids", false)]
        // Its parent is not on the page at all.
        [InlineData("response.functions[].errmsg", false)]
        public void ARowCountsOnlyWhereTheTextCanHoldIt(string path, bool held)
            => Assert.Equal(held, PageRows.MayHold(CutPage, path));

        [Fact]
        public void TheValuesBeforeACutExamplesLastCommaAreWhole()
        {
            const string page = "### 返回值\n| 属性 | 类型 | 说明 |\n| err_msg | string | 错误信息 |\n### 返回数据示例\n{\n\"error_msg\": \"导出完成.\",\n\"file_url\": \"https";

            Assert.True(PageRows.MayHold(page, "response.error_msg"));
            Assert.False(PageRows.MayHold(page, "response.file_url"));
        }

        [Fact]
        public void APipeRowCutBeforeItsClosingBarIsNotHeld()
        {
            const string page = "# Return parameters\n| errcode | number | Error code |\n| info_list | arr";

            Assert.True(PageRows.MayHold(page, "response.errcode"));
            Assert.False(PageRows.MayHold(page, "response.info_list"));
        }
    }
}
