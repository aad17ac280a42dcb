using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TcbGen.Runtime
{
    /// <summary>
    /// Builds the links a merchant follows to authorize the platform (授权流程技术说明): the PC authorization page
    /// (<c>https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=..&amp;pre_auth_code=..&amp;redirect_uri=..&amp;auth_type=..&amp;biz_appid=..</c>,
    /// scanned with WeChat) and the mobile link
    /// (<c>https://open.weixin.qq.com/wxaopen/safe/bindcomponent?action=bindcomponent&amp;no_scan=1&amp;component_appid=..&amp;pre_auth_code=..&amp;redirect_uri=..&amp;auth_type=..&amp;biz_appid=..#wechat_redirect</c>,
    /// opened inside WeChat). After the merchant authorizes, WeChat sends the browser to <c>redirect_uri</c> with
    /// <c>auth_code</c>; <c>MapTcbAuthorizationRedirect</c> (TcbGen.AspNetCore) exchanges it. The page hosts come from
    /// <see cref="TcbThirdPartyPlatformOptions.AuthorizationPageBaseAddress"/> and
    /// <see cref="TcbThirdPartyPlatformOptions.MobileAuthorizationPageBaseAddress"/>. Thread-safe.
    /// </summary>
    public sealed class TcbAuthorizationLinks
    {
        /// <summary>The PC page's path under <see cref="TcbThirdPartyPlatformOptions.AuthorizationPageBaseAddress"/>.</summary>
        public const string PcPagePath = "cgi-bin/componentloginpage";

        /// <summary>The mobile link's path under <see cref="TcbThirdPartyPlatformOptions.MobileAuthorizationPageBaseAddress"/>.</summary>
        public const string MobilePagePath = "wxaopen/safe/bindcomponent";

        private readonly string _componentAppId;
        private readonly Uri _pcBase;
        private readonly Uri _mobileBase;
        private readonly TcbThirdPartyTokenSource? _tokenSource;

        /// <summary>Creates the builder.</summary>
        /// <param name="options">Options: <see cref="TcbGenOptions.ThirdParty"/>'s component appid and page addresses.</param>
        /// <param name="tokenSource">Creates the pre-authorization codes of <see cref="CreateAsync"/>; <see langword="null"/> when only links from codes you have are built.</param>
        /// <exception cref="ArgumentException">The options lack the component appid or have an invalid page address.</exception>
        public TcbAuthorizationLinks(TcbGenOptions options, TcbThirdPartyTokenSource? tokenSource = null)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            TcbGenOptionsValidator.ThrowIfInvalid(options, nameof(options));
            _componentAppId = string.IsNullOrEmpty(options.ThirdParty.ComponentAppId)
                ? throw new ArgumentException("TcbGenOptions.ThirdParty.ComponentAppId is required by the authorization links.", nameof(options))
                : options.ThirdParty.ComponentAppId!;
            _pcBase = WithTrailingSlash(options.ThirdParty.AuthorizationPageBaseAddress);
            _mobileBase = WithTrailingSlash(options.ThirdParty.MobileAuthorizationPageBaseAddress);
            _tokenSource = tokenSource;
        }

        /// <summary>The PC authorization page for a pre-authorization code.</summary>
        /// <param name="preAuthCode">A code from <see cref="TcbThirdPartyTokenSource.CreatePreAuthCodeAsync"/>.</param>
        /// <param name="redirectUri">Where WeChat sends the browser with <c>auth_code</c> (the platform's redirect endpoint; its domain must be the one configured in the open platform console).</param>
        /// <param name="accountTypes">Which accounts the page offers (<c>auth_type</c>); <see langword="null"/> for WeChat's default.</param>
        /// <param name="bizAppId">The one account to authorize (<c>biz_appid</c>); <see langword="null"/> for any. WeChat treats it and <c>auth_type</c> as mutually exclusive.</param>
        /// <returns>The link.</returns>
        /// <exception cref="ArgumentException">A value is empty, not absolute, or both <paramref name="accountTypes"/> and <paramref name="bizAppId"/> are set.</exception>
        public Uri ForPc(string preAuthCode, Uri redirectUri, TcbAuthorizationAccountTypes? accountTypes = null, string? bizAppId = null)
        {
            var query = new StringBuilder();
            AppendQuery(query, preAuthCode, redirectUri, accountTypes, bizAppId);
            return new Uri(_pcBase, PcPagePath + "?" + query);
        }

        /// <summary>The mobile authorization link (opened inside WeChat) for a pre-authorization code.</summary>
        /// <param name="preAuthCode">A code from <see cref="TcbThirdPartyTokenSource.CreatePreAuthCodeAsync"/>.</param>
        /// <param name="redirectUri">Where WeChat sends the browser with <c>auth_code</c>.</param>
        /// <param name="accountTypes">Which accounts the page offers (<c>auth_type</c>); <see langword="null"/> for WeChat's default.</param>
        /// <param name="bizAppId">The one account to authorize (<c>biz_appid</c>); <see langword="null"/> for any.</param>
        /// <returns>The link, ending in <c>#wechat_redirect</c>.</returns>
        /// <exception cref="ArgumentException">A value is empty, not absolute, or both <paramref name="accountTypes"/> and <paramref name="bizAppId"/> are set.</exception>
        public Uri ForMobile(string preAuthCode, Uri redirectUri, TcbAuthorizationAccountTypes? accountTypes = null, string? bizAppId = null)
        {
            var query = new StringBuilder("action=bindcomponent&no_scan=1&");
            AppendQuery(query, preAuthCode, redirectUri, accountTypes, bizAppId);
            return new Uri(_mobileBase, MobilePagePath + "?" + query + "#wechat_redirect");
        }

        /// <summary>
        /// Creates a pre-authorization code and both links for it: one call per merchant about to authorize (a code is
        /// used once and expires, see <see cref="TcbAuthorizationLink.ExpiresAt"/>).
        /// </summary>
        /// <param name="redirectUri">Where WeChat sends the browser with <c>auth_code</c>.</param>
        /// <param name="accountTypes">Which accounts the page offers (<c>auth_type</c>); <see langword="null"/> for WeChat's default.</param>
        /// <param name="bizAppId">The one account to authorize (<c>biz_appid</c>); <see langword="null"/> for any.</param>
        /// <param name="cancellationToken">Cancels the wait.</param>
        /// <returns>The PC page and the mobile link, and when their code expires.</returns>
        /// <exception cref="InvalidOperationException">The builder was made without a token source.</exception>
        /// <exception cref="TcbApiException">WeChat refused to create the code.</exception>
        public async Task<TcbAuthorizationLink> CreateAsync(Uri redirectUri, TcbAuthorizationAccountTypes? accountTypes = null, string? bizAppId = null, CancellationToken cancellationToken = default)
        {
            TcbThirdPartyTokenSource source = _tokenSource
                ?? throw new InvalidOperationException("This TcbAuthorizationLinks has no TcbThirdPartyTokenSource to create pre-authorization codes with; use UseThirdPartyPlatform() or pass one.");
            TcbPreAuthCode code = await source.CreatePreAuthCodeAsync(cancellationToken).ConfigureAwait(false);
            return new TcbAuthorizationLink(ForPc(code.Code, redirectUri, accountTypes, bizAppId), ForMobile(code.Code, redirectUri, accountTypes, bizAppId), code.ExpiresAt);
        }

        private void AppendQuery(StringBuilder query, string preAuthCode, Uri redirectUri, TcbAuthorizationAccountTypes? accountTypes, string? bizAppId)
        {
            if (string.IsNullOrEmpty(preAuthCode))
            {
                throw new ArgumentException("The pre-authorization code is empty.", nameof(preAuthCode));
            }

            if (redirectUri is null || !redirectUri.IsAbsoluteUri)
            {
                throw new ArgumentException("The redirect URI must be absolute.", nameof(redirectUri));
            }

            if (accountTypes != null && bizAppId != null)
            {
                throw new ArgumentException("auth_type and biz_appid are mutually exclusive (授权流程技术说明): set one of them.", nameof(bizAppId));
            }

            query.Append("component_appid=").Append(Uri.EscapeDataString(_componentAppId))
                .Append("&pre_auth_code=").Append(Uri.EscapeDataString(preAuthCode))
                .Append("&redirect_uri=").Append(Uri.EscapeDataString(redirectUri.AbsoluteUri));
            if (accountTypes != null)
            {
                query.Append("&auth_type=").Append(((int)accountTypes.Value).ToString(CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrEmpty(bizAppId))
            {
                query.Append("&biz_appid=").Append(Uri.EscapeDataString(bizAppId));
            }
        }

        private static Uri WithTrailingSlash(Uri address)
            => address.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");
    }
}
