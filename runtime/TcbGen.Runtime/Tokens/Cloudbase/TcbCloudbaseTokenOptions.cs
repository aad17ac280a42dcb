using System;
using System.Collections.Generic;

namespace TcbGen.Runtime
{
    /// <summary>Where the cloud-call token (<c>cloudbase_access_token</c>) comes from inside a WeChat cloud-hosting container.</summary>
    public sealed class TcbCloudbaseTokenOptions
    {
        /// <summary>The file WeChat re-pushes the token to every 10 minutes.</summary>
        public const string DefaultFilePath = "/.tencentcloudbase/wx/cloudbase_access_token";

        /// <summary>
        /// The pushed token file, read when no request scope (<see cref="TcbCloudbaseTokenScope"/>) holds a token; default
        /// <see cref="DefaultFilePath"/>. <see langword="null"/> uses request scopes only.
        /// </summary>
        public string? FilePath { get; set; } = DefaultFilePath;

        /// <summary>How long WeChat accepts a pushed token after the file was written. Default 30 minutes, as WeChat documents.</summary>
        public TimeSpan FileTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>
        /// Token kinds the cloud-call token is sent for in their place, as <c>cloudbase_access_token=</c>. For a third-party
        /// platform in WeChat cloud hosting, add <see cref="TcbTokenKind.ComponentAccessToken"/>: the component client's calls
        /// then use the cloud-call token, which WeChat accepts only on the APIs whitelisted through setCloudAccessToken.
        /// Empty by default: only <c>cloudbase_access_token</c> endpoints use it.
        /// </summary>
        public IList<TcbTokenKind> StandsInFor { get; } = new List<TcbTokenKind>();

        /// <summary>How long before the end of <see cref="FileTokenLifetime"/> the file's token stops being served. Default 1 minute.</summary>
        public TimeSpan FileRefreshMargin { get; set; } = TimeSpan.FromMinutes(1);
    }
}
