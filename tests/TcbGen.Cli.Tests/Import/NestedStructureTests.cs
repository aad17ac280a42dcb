using System.Linq;
using System.Text.Json;
using TcbGen.Cli.Import;
using Xunit;

namespace TcbGen.Cli.Tests.Import
{
    /// <summary>
    /// The older cloud-development pages: "X 的结构" sections that name a field, or the type its type cell gives, at any
    /// depth; and errcode/errmsg rows, which are WeChat's envelope only at the top of the response body.
    /// </summary>
    public sealed class NestedStructureTests
    {
        /// <summary>A field two levels down named by its type (Array of Function → Function 的结构 → Array of Reason → Reason 的结构).</summary>
        private const string FunctionsPage = """
            # 获取云函数列表

            接口英文名: listFunctionsDemo

            ## 请求地址

            POST https://api.weixin.qq.com/tcb/listfunctionsdemo?access_token=ACCESS_TOKEN

            ## 请求参数

            | 属性 | 类型 | 必填 | 说明 |
            |---|---|---|---|
            | access_token | string | 是 | 接口调用凭证 |
            | env | string | 是 | 环境 ID |

            ## 返回的 JSON 数据包

            | 属性 | 类型 | 说明 |
            |---|---|---|
            | errcode | number | 错误码 |
            | errmsg | string | 错误信息 |
            | functions | Array of Function | 函数列表 |
            | total_count | number | 总数 |

            ## Function 的结构

            | 属性 | 类型 | 说明 |
            |---|---|---|
            | function_name | string | 函数名 |
            | status | string | 函数状态 |
            | status_reason | Array of Reason | 函数状态失败原因 |

            ## Reason 的结构

            | 属性 | 类型 | 说明 |
            |---|---|---|
            | errcode | number | 失败的错误码 |
            | errmsg | string | 失败的错误信息 |

            ## 错误码

            | 错误码 | 错误描述 | 解决方案 |
            |---|---|---|
            | -1 | system error | 系统繁忙 |
            """;

        /// <summary>The rendered older page: "info_list 的结构" names a field, "EnvInfo 的结构" the type of a field nested in it.</summary>
        private const string EnvPage = """
            获取环境信息
            接口英文名
            getEnvInfoDemo
            请求地址
            POST https://api.weixin.qq.com/tcb/getenvinfodemo?access_token=ACCESS_TOKEN
            请求参数
            属性 类型 必填 说明
            access_token string 是 接口调用凭证
            返回的 JSON 数据包
            属性 类型 说明
            errcode number 错误码
            errmsg string 错误信息
            info_list Object 环境信息
            info_list 的结构
            属性 类型 说明
            count number 环境个数
            envs Array.<EnvInfo> 环境列表
            EnvInfo 的结构
            属性 类型 说明
            env string 环境 ID
            alias string 环境别名
            错误码
            错误码 错误描述 解决方案
            -1 system error 系统繁忙
            """;

        [Fact]
        public void AStructureSectionNamedByATypeTwoLevelsDownFillsThatField()
        {
            ImportedSpec spec = PageImporter.Import(FunctionsPage);
            JsonElement root = PageShapeTests.Checked(spec);

            JsonElement[] body = root.GetProperty("response").GetProperty("fields").EnumerateArray().ToArray();
            Assert.Equal(new[] { "functions", "total_count" }, body.Select(f => f.GetProperty("name").GetString()));
            JsonElement function = body[0].GetProperty("items");
            Assert.Equal("object", function.GetProperty("type").GetString());
            JsonElement[] functionFields = function.GetProperty("fields").EnumerateArray().ToArray();
            Assert.Equal(new[] { "function_name", "status", "status_reason" }, functionFields.Select(f => f.GetProperty("name").GetString()));
            JsonElement reason = functionFields[2].GetProperty("items");
            Assert.Equal(new[] { "errcode", "errmsg" }, reason.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.DoesNotContain(spec.Warnings, w => w.Contains("names no field", System.StringComparison.Ordinal));
        }

        [Fact]
        public void RenderedStructureSectionsNestByFieldNameAndByTypeName()
        {
            ImportedSpec spec = PageImporter.Import(EnvPage);
            JsonElement root = PageShapeTests.Checked(spec);

            JsonElement infoList = root.GetProperty("response").GetProperty("fields").EnumerateArray().Single();
            Assert.Equal("info_list", infoList.GetProperty("name").GetString());
            JsonElement[] inner = infoList.GetProperty("fields").EnumerateArray().ToArray();
            Assert.Equal(new[] { "count", "envs" }, inner.Select(f => f.GetProperty("name").GetString()));
            Assert.Equal(new[] { "env", "alias" }, inner[1].GetProperty("items").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        }

        [Fact]
        public void ErrcodeAndErrmsgAreDroppedOnlyAtTheTopOfTheResponse()
        {
            ImportedSpec spec = PageImporter.Import(FunctionsPage);

            Assert.DoesNotContain(spec.Response, f => f.Name is "errcode" or "errmsg");
            ImportedField reason = spec.Response.Single(f => f.Name == "functions").Fields.Single(f => f.Name == "status_reason");
            Assert.Equal(new[] { "errcode", "errmsg" }, reason.Fields.Select(f => f.Name));
        }
    }
}
