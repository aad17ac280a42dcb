namespace TcbGen.Runtime
{
    /// <summary>The third-party platform's own credentials (component appid and appsecret).</summary>
    public sealed class TcbThirdPartyPlatformOptions
    {
        /// <summary>The third-party platform's appid (<c>component_appid</c>).</summary>
        public string? ComponentAppId { get; set; }

        /// <summary>The third-party platform's appsecret (<c>component_appsecret</c>). Never logged or shown.</summary>
        public string? ComponentAppSecret { get; set; }

        /// <inheritdoc />
        public override string ToString() => "TcbThirdPartyPlatformOptions { ComponentAppId = " + ComponentAppId + ", ComponentAppSecret = *** }";
    }
}
