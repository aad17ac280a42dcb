using System.Collections.Generic;
using TcbGen.Specs.Model;

namespace TcbGen.Specs
{
    /// <summary>
    /// Error sets a spec includes by name (<c>"errorSets": ["wechat"]</c>) instead of copying rows. <c>wechat</c> holds
    /// WeChat's global errcodes (the open platform's 全局错误码 page) with their documented errmsg, so every spec that
    /// includes it names each code the same way in its error enum and in <c>TcbErrorCode</c>.
    /// </summary>
    internal static class ErrorSets
    {
        /// <summary>The name of the built-in set of WeChat's global errcodes.</summary>
        public const string WeChat = "wechat";

        private static readonly ErrorSpec[] WeChatErrors =
        {
            Row(-1, "SystemBusy", "system error", "系统繁忙: the system is busy; wait and try again."),
            Row(40001, "InvalidCredential", "invalid credential, access_token is invalid or not latest", "The AppSecret is wrong or the access_token is invalid or not the latest; obtain a new token."),
            Row(40013, "InvalidAppId", "invalid appid", "不合法的 appid: check the appid (exact characters and case)."),
            Row(40014, "InvalidAccessToken", "invalid access_token", "不合法的 access_token: check that the access_token is valid (not expired) and belongs to the account the call is for."),
            Row(40066, "InvalidUrl", "invalid url", "不合法的 url: check that the API's URL matches the documentation."),
            Row(40164, "IpNotInWhitelist", "invalid ip, not in whitelist", "The caller's IP is not in the account's IP whitelist."),
            Row(41001, "AccessTokenMissing", "access_token missing", "缺少 access_token 参数: the access_token query parameter is missing."),
            Row(41002, "AppIdMissing", "appid missing", "缺少 appid 参数: the appid parameter is missing."),
            Row(41018, "ComponentAppIdMissing", "missing component_appid", "The body must hold component_appid."),
            Row(42001, "AccessTokenExpired", "access_token expired", "access_token 超时: the access_token has expired; obtain a new one."),
            Row(43001, "RequireGetMethod", "require GET method", "需要 GET 请求: the request must be a GET."),
            Row(43002, "RequirePostMethod", "require POST method", "需要 POST 请求: the request must be a POST."),
            Row(43003, "RequireHttps", "require https", "需要 HTTPS 请求: use HTTPS, not HTTP."),
            Row(44002, "EmptyPostData", "empty post data", "POST 的数据包为空: the POST body is empty."),
            Row(45002, "ContentSizeOutOfLimit", "content size out of limit", "消息内容超过限制: the content is too large."),
            Row(45009, "DailyQuotaReached", "reach max api daily quota limit", "接口调用超过限制: the API's daily quota is used up; see get_api_quota, or clear it with clear_quota."),
            Row(45011, "MinuteQuotaReached", "api minute-quota reach limit, must slower, retry next minute", "API 调用太频繁: the per-minute limit is reached; retry in the next minute."),
            Row(45035, "ClientIpNotInIpWhitelist", "access clientip is not registered, not in ip-white-list", "Add the caller's IP to the IP whitelist."),
            Row(47001, "DataFormatError", "data format error", "解析 JSON/XML 内容错误: the body is not valid JSON."),
            Row(48001, "ApiUnauthorized", "api unauthorized", "api 功能未授权: the account does not have this API's permission."),
            Row(48004, "ApiForbidden", "api forbidden for irregularities, view detail on mp.weixin.qq.com", "api 接口被封禁: the API is blocked for this account; see mp.weixin.qq.com."),
            Row(50001, "UserUnauthorized", "user unauthorized", "The user has not authorized this API."),
            Row(50002, "UserLimited", "user limited", "用户受限: the user's account is frozen or closed."),
            Row(61004, "ClientIpNotRegistered", "access clientip is not registered", "Add the caller's IP to the whitelist and retry."),
            Row(61007, "ApiUnauthorizedToComponent", "api is unauthorized to component", "The authorizer has not granted this API's permission set to the component."),
            Row(61014, "ComponentTokenRequired", "must use component token for component api", "Call this API with a component_access_token."),
            Row(61016, "FunctionCategoryNotConfirmed", "function category of API need be confirmed by component", "The authorizer must confirm the API's permission set for the component."),
        };

        private static readonly Dictionary<string, IReadOnlyList<ErrorSpec>> Sets = new Dictionary<string, IReadOnlyList<ErrorSpec>>(System.StringComparer.Ordinal)
        {
            [WeChat] = WeChatErrors,
        };

        /// <summary>The names of the built-in sets, for messages.</summary>
        public static IEnumerable<string> Names => Sets.Keys;

        /// <summary>The rows of the set named <paramref name="name"/>, ordered by code.</summary>
        public static bool TryGet(string name, out IReadOnlyList<ErrorSpec> errors)
        {
            if (Sets.TryGetValue(name, out IReadOnlyList<ErrorSpec>? found))
            {
                errors = found;
                return true;
            }

            errors = System.Array.Empty<ErrorSpec>();
            return false;
        }

        private static ErrorSpec Row(int code, string name, string message, string solution) => new ErrorSpec(code, name, message, solution, SourceSpan.Empty);
    }
}
