using System;

namespace TcbGen.Runtime
{
    /// <summary>The third-party platform's own credentials (component appid and appsecret), and where its merchants authorize it.</summary>
    public sealed class TcbThirdPartyPlatformOptions
    {
        /// <summary>WeChat's host of the PC authorization page (<c>cgi-bin/componentloginpage</c>).</summary>
        public static readonly Uri DefaultAuthorizationPageBaseAddress = new Uri("https://mp.weixin.qq.com/");

        /// <summary>WeChat's host of the mobile authorization link (<c>wxaopen/safe/bindcomponent</c>).</summary>
        public static readonly Uri DefaultMobileAuthorizationPageBaseAddress = new Uri("https://open.weixin.qq.com/");

        /// <summary>The third-party platform's appid (<c>component_appid</c>).</summary>
        public string? ComponentAppId { get; set; }

        /// <summary>The third-party platform's appsecret (<c>component_appsecret</c>). Never logged or shown.</summary>
        public string? ComponentAppSecret { get; set; }

        /// <summary>
        /// Where the PC authorization page is: <see cref="TcbAuthorizationLinks.ForPc"/> builds
        /// <c>{this}cgi-bin/componentloginpage?...</c>. WeChat's (<see cref="DefaultAuthorizationPageBaseAddress"/>) unless
        /// set, e.g. to an emulator (see <see cref="TcbGenOptions.UseEmulatorAddress"/>).
        /// </summary>
        public Uri AuthorizationPageBaseAddress { get; set; } = DefaultAuthorizationPageBaseAddress;

        /// <summary>
        /// Where the mobile authorization link points: <see cref="TcbAuthorizationLinks.ForMobile"/> builds
        /// <c>{this}wxaopen/safe/bindcomponent?...#wechat_redirect</c>. WeChat's
        /// (<see cref="DefaultMobileAuthorizationPageBaseAddress"/>) unless set.
        /// </summary>
        public Uri MobileAuthorizationPageBaseAddress { get; set; } = DefaultMobileAuthorizationPageBaseAddress;

        /// <inheritdoc />
        public override string ToString() => "TcbThirdPartyPlatformOptions { ComponentAppId = " + ComponentAppId + ", ComponentAppSecret = ***, AuthorizationPageBaseAddress = " + AuthorizationPageBaseAddress + ", MobileAuthorizationPageBaseAddress = " + MobileAuthorizationPageBaseAddress + " }";
    }
}
