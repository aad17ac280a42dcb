using System.Collections.Generic;
using System.Globalization;

namespace TcbGen.Testing.Authorization
{
    /// <summary>
    /// Names of the mini program permission sets (<c>func_info</c> / <c>funcscope_category</c> ids), from WeChat's
    /// "小程序权限集" page (Third-party_Platforms/2.0/product/miniprogram_authority), shown on the authorization page.
    /// </summary>
    internal static class PermissionSets
    {
        private static readonly Dictionary<int, string> Names = new Dictionary<int, string>
        {
            [17] = "获取小程序码 (Mini Program code)",
            [18] = "小程序开发与数据分析 (development and data analysis)",
            [19] = "小程序客服管理 (customer service messages)",
            [25] = "开放平台账号管理 (Open Platform account binding)",
            [30] = "小程序基本信息管理 (basic information)",
            [31] = "小程序认证名称检测 (verification name check)",
            [37] = "附近的小程序管理 (nearby Mini Programs)",
            [40] = "小程序插件管理 (plugins)",
            [45] = "微信物流服务 (logistics)",
            [48] = "微信财政电子票据管理 (electronic fiscal receipts)",
            [49] = "小程序云开发管理 (cloud development)",
            [51] = "小程序即时配送 (instant delivery)",
            [52] = "小程序直播管理 (live streaming)",
            [65] = "小程序广告管理 (advertising)",
            [67] = "微信服务市场管理 (service market)",
        };

        public static string NameOf(int id) => Names.TryGetValue(id, out string? name) ? name : "permission set " + id.ToString(CultureInfo.InvariantCulture);
    }
}
